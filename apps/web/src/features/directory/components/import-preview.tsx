import { type ImportField, type ImportPreview, importFields, mappingIsComplete } from '@kontor/contracts';
import { Alert, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportMapping } from '../api/import-api';
import { total } from '../api/import-api';
import { useImportWords } from '../api/import-words';

interface ImportPreviewProps {
  preview: ImportPreview;
  mapping: ImportMapping;
  onMappingChange: (mapping: ImportMapping) => void;
  disabled: boolean;
}

/** The file's columns, each with the field it maps to, its first rows (those with errors marked) and every error. */
export function ImportPreviewPanel({ preview, mapping, onMappingChange, disabled }: ImportPreviewProps) {
  const { t } = useTranslation();
  const words = useImportWords();
  const badRows = new Set(preview.errors.map((error) => error.row));
  const fieldName = (field: ImportField | null) => (field ? t(`directoryImport.fields.${field}`) : '');
  const options = [
    { value: '', label: t('directoryImport.preview.ignore') },
    ...importFields.map((field) => ({ value: field, label: fieldName(field) })),
  ];
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Title order={2} size="h4">
        {t('directoryImport.preview.title')}
      </Title>
      <Text size="sm" data-testid="import-preview-counts">
        {t('directoryImport.preview.rows', { count: preview.rowCount, errorRows: preview.errorRows })}
      </Text>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('directoryImport.preview.row')}</Table.Th>
              {preview.header.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns are positions; they never move
                <Table.Th key={`${index}-${column}`}>
                  <Stack gap={4}>
                    <Text fw={600} size="sm">
                      {column}
                    </Text>
                    <NativeSelect
                      size="xs"
                      miw={150}
                      aria-label={t('directoryImport.preview.mapTo', { column })}
                      data={options}
                      value={mapping[index] ?? ''}
                      disabled={disabled}
                      data-testid={`import-map-${index}`}
                      onChange={(event) =>
                        onMappingChange(
                          mapping.map((field, at) =>
                            at === index ? ((event.currentTarget.value || null) as ImportField | null) : field,
                          ),
                        )
                      }
                    />
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((row) => (
              <Table.Tr
                key={row.row}
                bg={badRows.has(row.row) ? 'var(--mantine-color-red-light)' : undefined}
                data-error={badRows.has(row.row)}
              >
                <Table.Td>{row.row}</Table.Td>
                {row.cells.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns are positions; they never move
                  <Table.Td key={`${row.row}-${index}`}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {mappingIsComplete(mapping) ? (
        <Text size="sm" data-testid="import-plan">
          {t('directoryImport.preview.plan', {
            created: words.created(preview.created),
            changed: words.records(total(preview.updated)),
          })}
        </Text>
      ) : (
        <Alert color="yellow">{t('directoryImport.preview.needsMapping')}</Alert>
      )}
      {preview.errors.length > 0 ? (
        <Alert color="red" variant="light" title={t('directoryImport.preview.errors')} data-testid="import-errors">
          <List size="sm" spacing={2}>
            {preview.errors.map((error) => (
              <List.Item key={`${error.row}-${error.field}`}>
                {t('directoryImport.preview.error', {
                  row: error.row,
                  field: fieldName(error.field),
                  // Worded here by its code; a code this page does not know yet keeps the server's English.
                  message: t(`directoryImport.rowErrors.${error.code}`, {
                    ...error.values,
                    defaultValue: error.message,
                  }),
                })}
              </List.Item>
            ))}
          </List>
          {preview.errors.length < preview.errorRows ? (
            <Text size="sm" mt="xs">
              {t('directoryImport.preview.moreErrors', { count: preview.errors.length })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
