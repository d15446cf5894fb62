import { Button, Center, Group, Loader } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { receiptHref, useRefreshPayment, useRestartPayment, useShopOrder } from '../api/order-api';
import { OrderDetails, OrderStatusBadge } from '../components/order-details';
import { ShopProblemAlert } from '../components/shop-problem';
import { useShopFormat } from '../components/use-shop-format';
import { useShopTitle } from '../components/use-shop-title';
import { type OrderProgress, orderProgress, pollInterval, safeRedirect } from '../lib/order-progress';
import type { AccountOrder } from '../lib/shop-types';

function progressOf(order: AccountOrder, cancelledByCustomer: boolean, startedAt: number): OrderProgress {
  return orderProgress({
    status: order.status,
    payment: order.payment?.status ?? null,
    cancelledByCustomer,
    waitedMs: Date.now() - startedAt,
  });
}

/** What the box at the top says, and how loudly. */
function ProgressBox({
  progress,
  order,
  children,
}: {
  progress: OrderProgress;
  order: AccountOrder;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const messages: Record<OrderProgress, { title: string; text: string }> = {
    awaiting: { title: t('shop.order.awaitingTitle'), text: t('shop.order.awaiting') },
    slow: { title: t('shop.order.slowTitle'), text: t('shop.order.slow', { email: order.email }) },
    paid: { title: t('shop.order.paidTitle'), text: t('shop.order.paid', { email: order.email }) },
    failed: { title: t('shop.order.failedTitle'), text: t('shop.order.failed') },
    cancelled: { title: t('shop.order.cancelledTitle'), text: t('shop.order.cancelled') },
    closed: { title: t(`shop.orderStatus.${order.status}`), text: t('shop.order.closed') },
  };
  const message = messages[progress];
  return (
    <div className="wg-status" data-progress={progress} data-testid="order-progress">
      {/* A live region: the change from "awaiting" to "paid" is read out without moving the focus. */}
      <div role="status" aria-live="polite">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {progress === 'awaiting' ? <Loader size="sm" mt={4} aria-hidden="true" /> : null}
          <div>
            <p style={{ margin: 0, fontWeight: 700, fontSize: '1.1rem' }} data-testid="order-progress-title">
              {message.title}
            </p>
            <p style={{ margin: '0.25rem 0 0' }}>{message.text}</p>
          </div>
        </Group>
      </div>
      {children}
    </div>
  );
}

/**
 * The page the payment provider sends the customer back to (/shop/orders/:id?token=…), also linked from the
 * order e-mails. The webhook that marks the order paid may come a moment later: the page asks again until it has.
 */
export function OrderPage() {
  const { t } = useTranslation();
  const format = useShopFormat();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token');
  const cancelledByCustomer = search.get('payment') === 'cancelled';
  const [startedAt] = useState(() => Date.now());
  const order = useShopOrder(id, token, (data) =>
    data ? pollInterval(progressOf(data, cancelledByCustomer, startedAt), Date.now() - startedAt) : false,
  );
  const restart = useRestartPayment(id, token);
  const refresh = useRefreshPayment(id, token);
  const [, tick] = useState(0);
  const data = order.data;
  useShopTitle(data ? t('shop.order.title', { number: data.displayNumber }) : t('shop.order.titlePlain'));

  // The "taking long" notice appears by time alone, even when the answers do not change.
  const progress = data ? progressOf(data, cancelledByCustomer, startedAt) : null;
  useEffect(() => {
    if (progress !== 'awaiting') return;
    const timer = window.setInterval(() => tick((n) => n + 1), 5_000);
    return () => window.clearInterval(timer);
  }, [progress]);

  // Arriving from the payment page: ask the provider once now rather than only wait for its webhook.
  const refreshed = useRef(false);
  // Only a started payment has a state at the provider to ask for.
  const unpaid = data?.status === 'created' && data.payment !== null;
  useEffect(() => {
    if (!token || !unpaid || refreshed.current) return;
    refreshed.current = true;
    refresh.mutate();
  }, [token, unpaid, refresh]);
  const checkAgain = () => (token ? refresh.mutate() : void order.refetch());

  const heading = useRef<HTMLHeadingElement>(null);
  // The page's subject is announced once it has come (the customer arrives from another site).
  const loadedId = data?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  if (order.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (order.error || !data) return <ShopProblemAlert error={order.error} testId="order-error" />;

  const retry = () =>
    restart.mutate(undefined, {
      onSuccess: (answer) => {
        const target = safeRedirect(answer.redirectUrl, window.location.href);
        if (target) window.location.assign(target);
        else void order.refetch();
      },
    });
  // The server makes a receipt once the order is paid.
  const hasReceipt = data.paidAt !== null;

  return (
    <article data-testid="order-page" data-order-status={data.status}>
      <h1 ref={heading} tabIndex={-1} data-testid="order-number">
        {t('shop.order.title', { number: data.displayNumber })}
      </h1>
      <Group gap="sm" mb="md">
        <OrderStatusBadge status={data.status} testId="order-status" />
        <span className="wg-muted">{t('shop.order.placed', { date: format.date(data.createdAt) })}</span>
      </Group>
      {progress ? (
        <ProgressBox progress={progress} order={data}>
          {progress === 'failed' ? (
            <Group mt="sm">
              <Button onClick={retry} loading={restart.isPending} data-testid="order-retry-payment">
                {t('shop.order.retry')}
              </Button>
            </Group>
          ) : null}
          {progress === 'slow' ? (
            <Group mt="sm">
              <Button
                variant="default"
                onClick={checkAgain}
                loading={refresh.isPending}
                data-testid="order-check-again"
              >
                {t('shop.order.checkAgain')}
              </Button>
            </Group>
          ) : null}
          <ShopProblemAlert error={restart.error} testId="order-retry-error" />
        </ProgressBox>
      ) : null}
      {hasReceipt ? (
        <p>
          <a href={receiptHref(data.id, token)} data-testid="order-receipt" download>
            {t('shop.order.receipt')}
          </a>
        </p>
      ) : null}
      <OrderDetails order={data} />
    </article>
  );
}
