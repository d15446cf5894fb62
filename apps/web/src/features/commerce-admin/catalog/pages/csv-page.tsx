import type { CatalogImport } from '@kontor/contracts';
import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { FileDropZone } from '../../../../app/file-drop-zone';
import { useFileUpload } from '../../../../app/file-upload';
import { useFormat } from '../../../../app/format';
import { PageHeader } from '../../../../app/page-header';
import { ProblemAlert } from '../../../../app/problem-alert';
import { UploadProgress } from '../../../../app/upload-progress';
import { catalogPaths } from '../api/catalog-paths';
import {
  CSV_ACCEPT,
  sendCatalogCsv,
  useApplyImport,
  useCatalogRefresh,
  useImport,
  useRebuildSearch,
  useRecentImports,
} from '../api/csv-api';
import { applicableRows, importFraction } from '../api/import-progress';
import { ImportCounts, ImportErrors, ImportTitle } from '../components/import-preview';

/** Export the catalog as CSV; import one through a preview and a progress bar; rebuild the search index. */
export function CsvPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('catalogAdmin.csv.title')} />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-label={t('catalogAdmin.csv.exportTitle')}>
          <Stack gap="xs">
            <ImportTitle>{t('catalogAdmin.csv.exportTitle')}</ImportTitle>
            <Text size="sm" c="dimmed">
              {t('catalogAdmin.csv.exportIntro')}
            </Text>
            <Group>
              <Button
                component="a"
                href={catalogPaths.export}
                download="catalog.csv"
                variant="default"
                data-testid="csv-export"
              >
                {t('catalogAdmin.csv.download')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <ImportSection />
        <RebuildSection />
        <RecentImports />
      </Stack>
    </>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const refresh = useCatalogRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CatalogImport | null>(null);
  const [appliedId, setAppliedId] = useState<string | null>(null);
  const showPreview = useCallback((outcome: CatalogImport) => setPreview(outcome), []);
  const reading = useFileUpload(sendCatalogCsv, showPreview);
  const apply = useApplyImport();
  const running = useImport(appliedId);
  const current = running.data ?? null;
  const doneId = current?.state === 'done' ? current.id : null;
  // The products the import wrote show in every list of the catalog: those are read again once it is done.
  useEffect(() => {
    if (doneId) void refresh();
  }, [doneId, refresh]);

  const choose = (picked: File | null) => {
    setFile(picked);
    setPreview(null);
    setAppliedId(null);
    reading.reset();
    apply.reset();
  };
  const rows = preview ? applicableRows(preview) : 0;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('catalogAdmin.csv.importTitle')}>
      <Stack gap="sm">
        <ImportTitle>{t('catalogAdmin.csv.importTitle')}</ImportTitle>
        <Text size="sm" c="dimmed">
          {t('catalogAdmin.csv.importIntro')}
        </Text>
        <FileDropZone
          file={file}
          onFile={choose}
          disabled={reading.busy || apply.isPending || current?.state === 'running'}
          accept={CSV_ACCEPT}
          texts="catalogAdmin.csv.file"
          testId="csv-import"
        />
        <Group>
          <Button
            onClick={() => file && reading.start(file)}
            disabled={!file || reading.busy || appliedId !== null}
            data-testid="csv-import-read"
          >
            {t('catalogAdmin.csv.check')}
          </Button>
        </Group>
        <UploadProgress state={reading.state} texts="catalogAdmin.csv.file" testId="csv-import-read" />
        {reading.state.phase === 'failed' ? (
          <ProblemAlert error={reading.state.error} testId="csv-import-problem" />
        ) : null}
        {preview && !appliedId ? (
          <Stack gap="sm" data-testid="csv-import-preview">
            <Text size="sm" fw={500}>
              {t('catalogAdmin.csv.previewTitle', { count: preview.totalRows, fileName: preview.fileName })}
            </Text>
            <ImportCounts entry={preview} />
            <ImportErrors entry={preview} />
            {preview.errorRows > 0 ? <Text size="sm">{t('catalogAdmin.csv.skipping')}</Text> : null}
            <Group>
              <Button
                onClick={() => apply.mutate(preview.id, { onSuccess: (answer) => setAppliedId(answer.id) })}
                disabled={rows === 0 || preview.state !== 'previewed'}
                loading={apply.isPending}
                data-testid="csv-import-apply"
              >
                {t('catalogAdmin.csv.apply', { count: rows })}
              </Button>
            </Group>
            {apply.error ? <ProblemAlert error={apply.error} testId="csv-import-problem" /> : null}
          </Stack>
        ) : null}
        {current ? <ImportRun entry={current} /> : null}
      </Stack>
    </Paper>
  );
}

function ImportRun({ entry }: { entry: CatalogImport }) {
  const { t, i18n } = useTranslation();
  const fraction = importFraction(entry);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(Math.floor(fraction * 100) / 100);
  return (
    <Stack gap="sm" data-testid="csv-import-run" data-state={entry.state}>
      <Stack gap={4}>
        <Progress
          value={fraction * 100}
          size="lg"
          striped={entry.state === 'running'}
          animated={entry.state === 'running'}
          color={entry.state === 'failed' ? 'red' : undefined}
          aria-label={t('catalogAdmin.csv.progressLabel')}
          data-testid="csv-import-progress"
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('catalogAdmin.csv.progress', { processed: entry.processedRows, total: entry.totalRows, percent })}
        </Text>
      </Stack>
      {entry.state === 'done' ? (
        <Alert color="green" title={t('catalogAdmin.csv.doneTitle')} data-testid="csv-import-result">
          <Stack gap="sm">
            <ImportCounts entry={entry} />
            {entry.errorRows > 0 ? (
              <Text size="sm">{t('catalogAdmin.csv.skipped', { count: entry.errorRows })}</Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {entry.state === 'failed' ? (
        <Alert color="red" title={t('catalogAdmin.csv.failedTitle')} data-testid="csv-import-result">
          {entry.failure ?? t('catalogAdmin.csv.failedText')}
        </Alert>
      ) : null}
      {entry.state === 'done' ? <ImportErrors entry={entry} /> : null}
    </Stack>
  );
}

function RebuildSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const rebuild = useRebuildSearch();
  return (
    <Paper withBorder p="md" component="section" aria-label={t('catalogAdmin.csv.rebuildTitle')}>
      <Stack gap="xs">
        <ImportTitle>{t('catalogAdmin.csv.rebuildTitle')}</ImportTitle>
        <Text size="sm" c="dimmed">
          {t('catalogAdmin.csv.rebuildIntro')}
        </Text>
        <Group>
          <Button
            variant="default"
            onClick={() => rebuild.mutate()}
            loading={rebuild.isPending}
            data-testid="search-rebuild"
          >
            {t('catalogAdmin.csv.rebuild')}
          </Button>
        </Group>
        {rebuild.data ? (
          <Alert color="green" variant="light" role="status" data-testid="search-rebuild-result">
            {t('catalogAdmin.csv.rebuilt', {
              count: rebuild.data.documents,
              documents: format.number(rebuild.data.documents),
              seconds: format.number(Math.round(rebuild.data.tookMs / 100) / 10),
            })}
          </Alert>
        ) : null}
        {rebuild.error ? <ProblemAlert error={rebuild.error} testId="search-rebuild-problem" /> : null}
      </Stack>
    </Paper>
  );
}

const STATE_COLOURS: Record<CatalogImport['state'], string> = {
  previewed: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

function RecentImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const imports = useRecentImports();
  const list = imports.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-label={t('catalogAdmin.csv.recentTitle')}>
      <Stack gap="xs">
        <ImportTitle>{t('catalogAdmin.csv.recentTitle')}</ImportTitle>
        <DataTable
          testId="csv-recent-imports"
          minWidth={640}
          columns={[
            t('catalogAdmin.csv.fileName'),
            t('catalogAdmin.fields.status'),
            t('catalogAdmin.csv.rows'),
            t('catalogAdmin.csv.by'),
            t('catalogAdmin.csv.when'),
          ]}
          loading={imports.isPending}
          error={imports.error}
          empty={{ when: imports.isSuccess && list.length === 0, text: t('catalogAdmin.csv.noImports') }}
        >
          {list.map((entry) => (
            <Table.Tr key={entry.id} data-testid="csv-recent-import">
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {entry.fileName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOURS[entry.state]} variant="light" tt="none">
                  {t(`catalogAdmin.csv.state.${entry.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('catalogAdmin.csv.rowsSummary', { total: entry.totalRows, errors: entry.errorRows })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.by}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(entry.finishedAt ?? entry.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Paper>
  );
}
