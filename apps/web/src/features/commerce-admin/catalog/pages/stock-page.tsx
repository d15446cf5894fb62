import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../../app/data-table';
import { useFormat } from '../../../../app/format';
import { PageHeader } from '../../../../app/page-header';
import { useLowStock } from '../api/prices-api';
import { pickText } from '../api/translated';

/** Variants at or below their low-stock threshold: what to order from suppliers. */
export function StockPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lowStock = useLowStock();
  const items = lowStock.data ?? [];
  return (
    <>
      <PageHeader title={t('catalogAdmin.stock.lowTitle')} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('catalogAdmin.stock.lowIntro')}
      </Text>
      <DataTable
        testId="low-stock-list"
        minWidth={720}
        columns={[
          t('catalogAdmin.fields.sku'),
          t('catalogAdmin.stock.product'),
          t('catalogAdmin.stock.onHand'),
          t('catalogAdmin.stock.threshold'),
          t('catalogAdmin.stock.backorderShort'),
          t('catalogAdmin.stock.alerted'),
        ]}
        loading={lowStock.isPending}
        error={lowStock.error}
        empty={{
          when: lowStock.isSuccess && items.length === 0,
          text: t('catalogAdmin.stock.noneLow'),
          testId: 'low-stock-empty',
        }}
      >
        {items.map((item) => (
          <Table.Tr key={item.variantId} data-testid="low-stock-row" data-sku={item.sku}>
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {item.sku}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/commerce/catalog/products/${item.productId}`} size="sm">
                {pickText(item.productName, i18n.language) || item.sku}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge color={item.onHand === 0 ? 'red' : 'yellow'} variant="light" tt="none">
                {format.number(item.onHand)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{format.number(item.lowStockThreshold)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.backorder ? t('catalogAdmin.editor.yes') : t('catalogAdmin.editor.no')}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.alertedAt ? format.dateTime(item.alertedAt) : '–'}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
