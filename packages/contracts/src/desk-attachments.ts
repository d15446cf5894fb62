import { z } from 'zod';

/** The default largest file an incident takes (25 MB); the hub's setting `deskAttachmentMaxBytes` changes it. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 26_214_400;

/**
 * A file name as people give it, never a path: no slashes or backslashes, no control characters, not `.`/`..`.
 * Upload names it in the query (`?filename=`); the body is the file itself.
 */
export const attachmentFilename = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\p{Cc}]/u.test(name), { message: 'must not hold slashes or control characters' })
  .refine((name) => name !== '.' && name !== '..', { message: 'must name a file' });

export const attachmentUploadQuery = z.strictObject({ filename: attachmentFilename });

export const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** A file of an incident, without its content (downloaded from `/api/desk/incidents/:id/attachments/:attachmentId`). */
export const incidentAttachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  /** Bytes. */
  size: z.number().int(),
  /** Hex SHA-256 of the content. */
  sha256: z.string(),
  /** The timeline comment it came with (an e-mail's text), if any. */
  activityId: z.number().int().nullable(),
  uploadedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  createdAt: z.iso.datetime(),
});
export type IncidentAttachment = z.infer<typeof incidentAttachment>;

/** An incident's files, and the largest file it takes now (the web refuses bigger ones before sending them). */
export const incidentAttachmentList = z.object({
  attachments: z.array(incidentAttachment),
  maxBytes: z.number().int(),
});
export type IncidentAttachmentList = z.infer<typeof incidentAttachmentList>;
