import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../../../app/file-drop-zone';
import { formatBytes, useFileUpload } from '../../../app/file-upload';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import { UploadProgress } from '../../../app/upload-progress';
import { attachmentUrl, sendAttachment, useAttachments } from '../api/attachments-api';
import { deskKey } from '../api/desk-api';

/** The files of an incident, each a download link, and a drop zone that adds one (agents and the requester). */
export function IncidentAttachments({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const list = useAttachments(incidentId);
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState<File | null>(null);
  const refresh = useCallback(() => {
    setFile(null);
    return queryClient.invalidateQueries({ queryKey: [...deskKey, 'incident', incidentId] });
  }, [queryClient, incidentId]);
  const upload = useFileUpload(sendAttachment, refresh);
  const maxBytes = list.data?.maxBytes;

  const choose = (picked: File | null) => {
    upload.reset();
    // Refused here rather than after sending megabytes the hub would refuse anyway.
    const over = picked && maxBytes !== undefined && picked.size > maxBytes;
    setTooLarge(over ? picked : null);
    setFile(over ? null : picked);
    if (picked && !over) void upload.start(picked, incidentId);
  };
  const attachments = list.data?.attachments ?? [];

  return (
    <Stack gap="sm" data-testid="incident-attachments">
      <Title order={2} size="h4">
        {t('desk.attachments.title', { count: attachments.length })}
      </Title>
      <ProblemAlert error={list.error} />
      {attachments.length === 0 && list.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('desk.attachments.none')}
        </Text>
      ) : null}
      {attachments.map((attachment) => (
        <Group key={attachment.id} gap="xs" wrap="nowrap" data-testid="attachment-row">
          <Anchor
            href={attachmentUrl(incidentId, attachment.id)}
            download={attachment.filename}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="attachment-link"
          >
            {attachment.filename}
          </Anchor>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="attachment-size">
            {formatBytes(i18n.language, attachment.size)}
          </Text>
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('desk.attachments.added', {
              name: attachment.uploadedBy.name,
              at: format.dateTime(attachment.createdAt),
            })}
          </Text>
        </Group>
      ))}
      <FileDropZone
        file={file}
        onFile={choose}
        disabled={upload.busy}
        accept="*/*"
        texts="desk.attachments.upload"
        testId="attachment"
      />
      {maxBytes !== undefined ? (
        <Text size="xs" c="dimmed">
          {t('desk.attachments.limit', { size: formatBytes(i18n.language, maxBytes) })}
        </Text>
      ) : null}
      {tooLarge && maxBytes !== undefined ? (
        <Alert color="red" data-testid="attachment-too-large">
          {t('desk.attachments.tooLarge', { name: tooLarge.name, limit: formatBytes(i18n.language, maxBytes) })}
        </Alert>
      ) : null}
      <UploadProgress state={upload.state} texts="desk.attachments.upload" testId="attachment" />
      {upload.state.phase === 'failed' ? <ProblemAlert error={upload.state.error} /> : null}
    </Stack>
  );
}
