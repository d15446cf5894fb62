import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { PrintFrame } from '../../directory/components/print-frame';
import { useOrder } from '../api/orders-api';
import { Barcode } from '../components/barcode';
import { OrderDetails } from '../components/order-details';
import { OrderLinesTable } from '../components/order-lines-table';
import { orderBadgeText } from '../components/order-status-badge';
import '../print.css';

/**
 * An order as the supply room picks it: each article number as a Code 128 barcode. The footer on every page
 * (the directory's print frame) says when, from which node and as of which sync it was printed, which matters
 * for an order printed on a workstation cut off from the hub.
 */
export function OrderPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  if (order.isPending) return <PageLoader />;
  if (order.error) return <ProblemAlert error={order.error} />;
  const data = order.data;

  return (
    <PrintFrame>
      <Stack gap="md" className="supplies-print" data-testid="order-print-view">
        <Group justify="space-between" align="flex-start" data-print="hide">
          <Alert color="blue" variant="light" style={{ flex: '1 1 260px' }} data-testid="order-print-pdf-hint">
            {t('supplies.print.pdfHint')}
          </Alert>
          <Button onClick={() => window.print()} data-testid="order-print-button">
            {t('supplies.print.button')}
          </Button>
        </Group>
        <div>
          <Title order={1} size="h2">
            {t('supplies.print.title', { number: data.number })}
          </Title>
          <Text size="sm" data-testid="order-print-status">
            {t('supplies.print.status', { status: orderBadgeText(t, data) })}
          </Text>
        </div>
        <OrderDetails order={data} />
        <OrderLinesTable
          lines={data.lines}
          articleNumber={(line) => <Barcode value={line.articleNumber} />}
          testId="order-print-lines"
        />
      </Stack>
    </PrintFrame>
  );
}
