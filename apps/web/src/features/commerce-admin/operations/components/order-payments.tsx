import type { ShopOrderDetail } from '@kontor/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../app/format';
import { useMoney } from '../api/money';

/** The payments taken for the order and the refunds given back through the provider. */
export function OrderPayments({ order }: { order: ShopOrderDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    <>
      {order.payments.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="payments-empty">
          {t('commerceOps.detail.noPayments')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table data-testid="order-payments" verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('commerceOps.detail.provider')}</Table.Th>
                <Table.Th scope="col">{t('commerceOps.detail.paymentStatus')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('commerceOps.detail.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('commerceOps.detail.refunded')}
                </Table.Th>
                <Table.Th scope="col">{t('commerceOps.detail.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.payments.map((payment) => (
                <Table.Tr key={payment.id} data-testid="payment-row" data-status={payment.status}>
                  <Table.Td>
                    {payment.provider}
                    {payment.reference ? (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {payment.reference}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" size="sm" miw="max-content">
                      {t(`commerceOps.paymentStatus.${payment.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{money(payment.amountMinor, payment.currency)}</Table.Td>
                  <Table.Td ta="right">{money(payment.refundedMinor, payment.currency)}</Table.Td>
                  <Table.Td>{format.dateTime(payment.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {order.refunds.length > 0 ? (
        <Table.ScrollContainer minWidth={560} type="native" mt="sm">
          <Table data-testid="order-refunds" verticalSpacing={4} fz="sm">
            <Table.Caption>{t('commerceOps.detail.refunds')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('commerceOps.detail.when')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('commerceOps.detail.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('commerceOps.detail.refundStatus')}</Table.Th>
                <Table.Th scope="col">{t('commerceOps.refund.reason')}</Table.Th>
                <Table.Th scope="col">{t('commerceOps.detail.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.refunds.map((refund) => (
                <Table.Tr key={refund.id} data-testid="refund-row" data-status={refund.status}>
                  <Table.Td>{format.dateTime(refund.createdAt)}</Table.Td>
                  <Table.Td ta="right">{money(refund.amountMinor, refund.currency)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      size="sm"
                      miw="max-content"
                      color={refund.status === 'failed' ? 'red' : 'grape'}
                    >
                      {t(`commerceOps.refundStatus.${refund.status}`)}
                    </Badge>
                    {refund.failureMessage ? (
                      <Text size="xs" c="red">
                        {refund.failureMessage}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{refund.reason ?? '–'}</Table.Td>
                  <Table.Td>{refund.createdByName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </>
  );
}
