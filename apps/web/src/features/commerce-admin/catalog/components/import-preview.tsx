import type { CatalogImport } from '@kontor/contracts';
import { Alert, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../app/format';

/** What an import will do (or did): products and variants created and updated, and each row it skips and why. */
export function ImportCounts({ entry }: { entry: CatalogImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cells = [
    { label: t('catalogAdmin.csv.productsCreated'), value: entry.counts.products.created, id: 'products-created' },
    { label: t('catalogAdmin.csv.productsUpdated'), value: entry.counts.products.updated, id: 'products-updated' },
    { label: t('catalogAdmin.csv.variantsCreated'), value: entry.counts.variants.created, id: 'variants-created' },
    { label: t('catalogAdmin.csv.variantsUpdated'), value: entry.counts.variants.updated, id: 'variants-updated' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="import-counts">
      {cells.map((cell) => (
        <Stack key={cell.id} gap={0}>
          <Text size="xl" fw={700} data-testid={`import-count-${cell.id}`}>
            {format.number(cell.value)}
          </Text>
          <Text size="xs" c="dimmed">
            {cell.label}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function ImportErrors({ entry }: { entry: CatalogImport }) {
  const { t } = useTranslation();
  if (entry.errors.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={t('catalogAdmin.csv.errorsTitle', { count: entry.errorRows })}
      data-testid="import-errors"
    >
      <Table.ScrollContainer minWidth={480} type="native" mah={360}>
        <Table fz="sm" verticalSpacing={2} withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalogAdmin.csv.row')}</Table.Th>
              <Table.Th scope="col">{t('catalogAdmin.csv.column')}</Table.Th>
              <Table.Th scope="col">{t('catalogAdmin.csv.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors in one column
              <Table.Tr key={index} data-testid="import-error" data-row={error.row} data-column={error.column ?? ''}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td ff="monospace">{error.column ?? t('catalogAdmin.csv.wholeRow')}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entry.errors.length < entry.errorRows ? (
        <Text size="sm" mt="xs">
          {t('catalogAdmin.csv.moreErrors', { count: entry.errors.length })}
        </Text>
      ) : null}
    </Alert>
  );
}

export function ImportTitle({ children }: { children: string }) {
  return (
    <Title order={2} size="h4">
      {children}
    </Title>
  );
}
