import type { IncidentAttachment, IncidentAttachmentList } from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { type UploadOptions, uploadFile } from '../../../app/file-upload';
import { deskKey } from './desk-api';

const attachmentsPath = (incidentId: string) => `/api/desk/incidents/${encodeURIComponent(incidentId)}/attachments`;

/** Where the browser downloads a file (the server sends it as an attachment, never to be shown inline). */
export const attachmentUrl = (incidentId: string, attachmentId: string) =>
  `${attachmentsPath(incidentId)}/${encodeURIComponent(attachmentId)}`;

/** An incident's files and the largest one it takes; re-read with the incident (under the desk's key). */
export function useAttachments(incidentId: string) {
  return useQuery({
    queryKey: [...deskKey, 'incident', incidentId, 'attachments'],
    queryFn: ({ signal }) => api<IncidentAttachmentList>(attachmentsPath(incidentId), { signal }),
  });
}

/** Sends one file as the request body, with progress; its type as the browser knows it. */
export const sendAttachment = (file: File, options: UploadOptions, incidentId: string) =>
  uploadFile<IncidentAttachment>(
    `${attachmentsPath(incidentId)}?filename=${encodeURIComponent(file.name)}`,
    file,
    file.type || 'application/octet-stream',
    options,
  );
