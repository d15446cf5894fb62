import { Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../../../app/file-drop-zone';
import { UploadProgress } from '../../../app/upload-progress';
import { useBundleUpload } from '../api/use-bundle-upload';
import { BundleImportErrorAlert, BundleImportOutcomeAlert } from './bundle-import-result';
import { NodeVector } from './node-vector';

/** Pick or drop a bundle, send it with a progress bar, then read what the node made of it. */
export function BundleImportPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useBundleUpload();
  const { state } = upload;
  const choose = (picked: File | null) => {
    setFile(picked);
    upload.reset();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bundle-import-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="bundle-import-title">
          {t('bundles.import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('bundles.import.intro')}
        </Text>
        <FileDropZone
          file={file}
          onFile={choose}
          disabled={upload.busy}
          accept=".kbundle,.gz,application/gzip,application/octet-stream"
          texts="bundles.import"
          testId="bundle"
        />
        <Group>
          <Button
            onClick={() => file && upload.start(file)}
            disabled={!file || upload.busy}
            loading={upload.busy}
            data-testid="bundle-import-start"
          >
            {t('bundles.import.start')}
          </Button>
        </Group>
        <UploadProgress state={state} texts="bundles.import" testId="bundle" />
        {state.phase === 'done' ? <BundleImportOutcomeAlert outcome={state.outcome} /> : null}
        {state.phase === 'failed' ? <BundleImportErrorAlert error={state.error} /> : null}
        <Divider my="xs" />
        <NodeVector />
      </Stack>
    </Paper>
  );
}
