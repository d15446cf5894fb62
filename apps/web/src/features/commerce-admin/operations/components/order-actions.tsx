import type { ShopOrderDetail } from '@kontor/contracts';
import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { type NoteMove, useMoveOrder } from '../api/orders-api';
import { RefundModal } from './refund-modal';
import { ShipModal } from './ship-modal';

type Dialog = 'ship' | 'refund' | NoteMove | null;

/** The moves with a note only, by the status they lead to (the server's `nextStatuses`). */
const NOTE_MOVES: Array<{ status: string; move: Exclude<NoteMove, 'review/resolve'>; color?: string }> = [
  { status: 'delivered', move: 'deliver' },
  { status: 'returned', move: 'return', color: 'orange' },
  { status: 'cancelled', move: 'cancel', color: 'red' },
];

/** Only what the state machine allows now: the server names the next statuses, refunds what is refundable. */
export function OrderActions({ order }: { order: ShopOrderDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const canShip = order.nextStatuses.includes('shipped');
  const noteMoves = NOTE_MOVES.filter((entry) => order.nextStatuses.includes(entry.status as never));
  const canRefund = order.refundableMinor > 0 && order.status !== 'cancelled';
  const anything = canShip || noteMoves.length > 0 || canRefund || order.reviewReason;
  if (!anything) return null;
  return (
    <>
      <Group gap="xs" data-testid="order-actions">
        {canShip ? (
          <Button onClick={() => setDialog('ship')} data-testid="order-ship">
            {t('commerceOps.actions.ship')}
          </Button>
        ) : null}
        {noteMoves.map((entry) => (
          <Button
            key={entry.move}
            variant={entry.color ? 'light' : 'filled'}
            color={entry.color}
            onClick={() => setDialog(entry.move)}
            data-testid={`order-${entry.move}`}
          >
            {t(`commerceOps.actions.${entry.move}`)}
          </Button>
        ))}
        {canRefund ? (
          <Button variant="light" color="grape" onClick={() => setDialog('refund')} data-testid="order-refund">
            {t('commerceOps.actions.refund')}
          </Button>
        ) : null}
        {order.reviewReason ? (
          <Button variant="default" onClick={() => setDialog('review/resolve')} data-testid="order-resolve-review">
            {t('commerceOps.actions.resolveReview')}
          </Button>
        ) : null}
      </Group>
      <ShipModal orderId={order.id} opened={dialog === 'ship'} onClose={close} />
      <RefundModal
        orderId={order.id}
        currency={order.currency}
        refundableMinor={order.refundableMinor}
        opened={dialog === 'refund'}
        onClose={close}
      />
      {dialog && dialog !== 'ship' && dialog !== 'refund' ? (
        <NoteMoveModal order={order} move={dialog} onClose={close} />
      ) : null}
    </>
  );
}

/** Asks before a move, with an optional note for the history; the server's refusal is shown in the dialog. */
function NoteMoveModal({ order, move, onClose }: { order: ShopOrderDetail; move: NoteMove; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useMoveOrder();
  const [note, setNote] = useState('');
  const key = move === 'review/resolve' ? 'resolveReview' : move;
  const paidCancel = move === 'cancel' && order.status === 'paid';
  return (
    <ConfirmModal
      opened
      title={t(`commerceOps.actions.${key}Title`, { number: order.displayNumber })}
      confirmLabel={t(`commerceOps.actions.${key}`)}
      onConfirm={() => mutation.mutate({ id: order.id, move, note: note.trim() }, { onSuccess: onClose })}
      onClose={onClose}
      loading={mutation.isPending}
      error={mutation.error}
    >
      <p>{t(`commerceOps.actions.${key}Text`)}</p>
      {paidCancel ? <p>{t('commerceOps.actions.cancelPaidText')}</p> : null}
      <Textarea
        label={t('commerceOps.actions.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-testid="move-note"
      />
    </ConfirmModal>
  );
}
