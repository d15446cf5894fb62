import { Badge, Button, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import { total, useRecentImports, useUndoImport } from '../api/import-api';

/** The latest imports, each with its Undo while it has not been undone. */
export function RecentImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const imports = useRecentImports();
  const undo = useUndoImport();
  const list = imports.data ?? [];
  return (
    <section aria-labelledby="recent-imports-title">
      <Title order={2} size="h4" id="recent-imports-title" mb="xs">
        {t('directoryImport.recent.title')}
      </Title>
      <ProblemAlert error={undo.error} testId="import-undo-error" />
      <DataTable
        testId="recent-imports"
        columns={[
          t('directoryImport.recent.file'),
          t('directoryImport.recent.at'),
          t('directoryImport.recent.by'),
          t('directoryImport.recent.changes'),
        ]}
        withActions
        minWidth={640}
        loading={imports.isPending}
        error={imports.error}
        empty={{ when: list.length === 0, text: t('directoryImport.recent.empty') }}
      >
        {list.map((item) => (
          <Table.Tr key={item.id} data-testid="recent-import">
            <Table.Td>{item.fileName}</Table.Td>
            <Table.Td>{format.dateTime(item.at)}</Table.Td>
            <Table.Td>{item.by}</Table.Td>
            <Table.Td>
              {t('directoryImport.recent.counts', { created: total(item.created), changed: total(item.updated) })}
            </Table.Td>
            <Table.Td>
              {item.undoneAt ? (
                <Badge color="gray">{t('directoryImport.undone')}</Badge>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={undo.isPending && undo.variables === item.id}
                  onClick={() => undo.mutate(item.id)}
                  data-testid="import-undo"
                >
                  {t('directoryImport.undo')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </section>
  );
}
