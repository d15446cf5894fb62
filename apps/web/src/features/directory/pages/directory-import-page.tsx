import { type ImportPreview, type ImportResult, mappingIsComplete } from '@kontor/contracts';
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileDropZone } from '../../../app/file-drop-zone';
import { useFileUpload } from '../../../app/file-upload';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { UploadProgress } from '../../../app/upload-progress';
import { IMPORT_ACCEPT, type ImportMapping, sendImport, sendPreview, total } from '../api/import-api';
import { useImportWords } from '../api/import-words';
import { ImportPreviewPanel } from '../components/import-preview';
import { RecentImports } from '../components/recent-imports';

/**
 * Pick a file, read it (upload with progress), map its columns while the preview re-checks every row, then
 * import: rows with errors are skipped and listed, the rest is one change set that Recent imports can undo.
 */
export function DirectoryImportPage() {
  const { t } = useTranslation();
  const words = useImportWords();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const showPreview = useCallback((outcome: ImportPreview) => {
    setPreview(outcome);
    setMapping(outcome.mapping);
  }, []);
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ['directory'] }), [queryClient]);
  const reading = useFileUpload(sendPreview, showPreview);
  const importing = useFileUpload(sendImport, refresh);
  const busy = reading.busy || importing.busy;

  const choose = (picked: File | null) => {
    setFile(picked);
    setPreview(null);
    reading.reset();
    importing.reset();
  };
  const remap = (next: ImportMapping) => {
    setMapping(next);
    if (file) void reading.start(file, next);
  };
  const goodRows = preview ? preview.rowCount - preview.errorRows : 0;
  const result: ImportResult | null = importing.state.phase === 'done' ? importing.state.outcome : null;

  return (
    <>
      <PageHeader title={t('directoryImport.title')} />
      <Stack gap="lg">
        <Anchor component={Link} to="/directory" size="sm">
          {t('directoryImport.back')}
        </Anchor>
        <Paper withBorder p="md" component="section">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('directoryImport.intro')}
            </Text>
            <FileDropZone
              file={file}
              onFile={choose}
              disabled={busy}
              accept={IMPORT_ACCEPT}
              texts="directoryImport.file"
              testId="import"
            />
            <Group>
              <Button
                onClick={() => file && reading.start(file, null)}
                disabled={!file || busy}
                data-testid="import-read"
              >
                {t('directoryImport.read')}
              </Button>
            </Group>
            <UploadProgress state={reading.state} texts="directoryImport.file" testId="import-read" />
            {reading.state.phase === 'failed' ? (
              <ProblemAlert error={reading.state.error} testId="import-problem" />
            ) : null}
          </Stack>
        </Paper>
        {preview && !result ? (
          <Paper withBorder p="md" component="section">
            <Stack gap="sm">
              <ImportPreviewPanel preview={preview} mapping={mapping} onMappingChange={remap} disabled={busy} />
              {preview.errorRows > 0 ? <Text size="sm">{t('directoryImport.skipping')}</Text> : null}
              <Group>
                <Button
                  onClick={() => file && importing.start(file, mapping)}
                  disabled={
                    !file || busy || !mappingIsComplete(mapping) || goodRows === 0 || reading.state.phase === 'failed'
                  }
                  loading={importing.busy}
                  data-testid="import-apply"
                >
                  {t('directoryImport.apply', { count: goodRows })}
                </Button>
              </Group>
              <UploadProgress state={importing.state} texts="directoryImport.file" testId="import-apply" />
              {importing.state.phase === 'failed' ? (
                <ProblemAlert error={importing.state.error} testId="import-problem" />
              ) : null}
            </Stack>
          </Paper>
        ) : null}
        {result ? (
          <Alert color="green" title={t('directoryImport.result.title')} data-testid="import-result">
            {t('directoryImport.result.text', {
              created: words.created(result.created),
              changed: words.records(total(result.updated)),
              skipped: words.rows(result.skippedRows),
            })}
          </Alert>
        ) : null}
        <RecentImports />
      </Stack>
    </>
  );
}
