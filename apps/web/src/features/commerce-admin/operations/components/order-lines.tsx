import type { ShopOrderDetail } from '@kontor/contracts';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../app/format';
import { useMoney, useRate } from '../api/money';

/** The lines as they were sold (snapshots): price, discount, VAT rate and VAT per line. */
export function OrderLines({ order }: { order: ShopOrderDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rate = useRate();
  const format = useFormat();
  const cur = order.currency;
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table data-testid="order-lines" striped verticalSpacing="xs">
        <Table.Caption>{t('commerceOps.detail.linesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('commerceOps.detail.product')}</Table.Th>
            <Table.Th scope="col">{t('commerceOps.detail.sku')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.quantity')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.unitPrice')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.discount')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.vatRate')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.vat')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.lineTotal')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((line) => {
            const options = Object.entries(line.optionValues)
              .map(([axis, value]) => `${axis}: ${value}`)
              .join(', ');
            return (
              <Table.Tr key={line.position} data-testid="order-line" data-sku={line.sku}>
                <Table.Td>
                  <Text size="sm">{line.name}</Text>
                  {options ? (
                    <Text size="xs" c="dimmed">
                      {options}
                    </Text>
                  ) : null}
                  {line.backordered > 0 ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t('commerceOps.detail.backordered', { units: line.backordered })}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {line.sku}
                </Table.Td>
                <Table.Td ta="right">{format.number(line.quantity)}</Table.Td>
                <Table.Td ta="right">
                  {money(line.unitPriceMinor, cur)}
                  {line.regularPriceMinor > line.unitPriceMinor ? (
                    <Text size="xs" c="dimmed" td="line-through">
                      {money(line.regularPriceMinor, cur)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{line.discountMinor ? money(-line.discountMinor, cur) : '–'}</Table.Td>
                <Table.Td ta="right">{rate(line.vatRateBp)}</Table.Td>
                <Table.Td ta="right">{money(line.vatMinor, cur)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {money(line.totalMinor, cur)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What the customer paid and the VAT in it per rate (prices include VAT). */
export function OrderTotals({ order }: { order: ShopOrderDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rate = useRate();
  const { totals, currency } = order;
  const row = (label: string, minor: number, testId: string, strong = false) => (
    <Table.Tr data-testid={testId}>
      <Table.Th scope="row" fw={strong ? 700 : 400}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={strong ? 700 : 400}>
        {money(minor, currency)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="sm">
      <Table data-testid="order-totals" verticalSpacing={4}>
        <Table.Tbody>
          {row(t('commerceOps.detail.subtotal'), totals.subtotalMinor, 'total-subtotal')}
          {totals.discountMinor
            ? row(
                order.discountCode
                  ? t('commerceOps.detail.discountWithCode', { code: order.discountCode })
                  : t('commerceOps.detail.discount'),
                -totals.discountMinor,
                'total-discount',
              )
            : null}
          {row(t('commerceOps.detail.shippingCost'), totals.shippingMinor, 'total-shipping')}
          {row(t('commerceOps.detail.total'), totals.totalMinor, 'total-total', true)}
          {row(t('commerceOps.detail.vatIncluded'), totals.vatMinor, 'total-vat')}
        </Table.Tbody>
      </Table>
      <Table data-testid="order-vat" verticalSpacing={4} fz="sm">
        <Table.Caption>{t('commerceOps.detail.vatByRate')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('commerceOps.detail.vatRate')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.vatBase')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('commerceOps.detail.vat')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.vatByRate.map((entry) => (
            <Table.Tr key={entry.rateBp} data-testid="vat-rate" data-rate={entry.rateBp}>
              <Table.Th scope="row" fw={400}>
                {rate(entry.rateBp)}
              </Table.Th>
              <Table.Td ta="right">{money(entry.baseMinor, currency)}</Table.Td>
              <Table.Td ta="right">{money(entry.vatMinor, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
