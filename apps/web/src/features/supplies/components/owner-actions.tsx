import type { Order } from '@kontor/contracts';
import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { FormModal } from '../../../app/form';
import { lineFromOrderLine, lineInputs, type OrderDraft } from '../api/order-draft';
import { useEditOrder, useRequestChange, useWithdrawOrder } from '../api/orders-api';
import { OrderForm } from './order-form';
import { ReasonFormModal } from './reason-form-modal';

type Dialog = 'edit' | 'withdraw' | 'requestChange' | 'requestWithdraw' | null;

/** Statuses after which there is nothing left to change or withdraw. */
const FINISHED = new Set<Order['status']>(['delivered', 'cancelled', 'withdrawn']);

const draftOf = (order: Order): OrderDraft => ({
  lines: order.lines.map(lineFromOrderLine),
  deliveryAddress: order.deliveryAddress,
  requestedDate: order.requestedDate,
  note: order.note,
});

/**
 * What the ordering unit may do: change or withdraw the order itself while the hub has not received it (it is
 * still this node's), and afterwards ask the hub to change or withdraw it.
 */
export function OwnerActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const withdraw = useWithdrawOrder();
  const request = useRequestChange();
  if (FINISHED.has(order.status)) return null;

  return (
    <>
      <Group gap="xs" data-print="hide">
        {order.editable ? (
          <>
            <Button variant="default" onClick={() => setDialog('edit')} data-testid="order-edit">
              {t('common.edit')}
            </Button>
            <Button variant="light" color="red" onClick={() => setDialog('withdraw')} data-testid="order-withdraw">
              {t('supplies.order.withdraw')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="default" onClick={() => setDialog('requestChange')} data-testid="order-request-change">
              {t('supplies.order.requestChange')}
            </Button>
            <Button
              variant="light"
              color="red"
              onClick={() => setDialog('requestWithdraw')}
              data-testid="order-request-withdraw"
            >
              {t('supplies.order.requestWithdraw')}
            </Button>
          </>
        )}
      </Group>
      <FormModal
        opened={dialog === 'edit'}
        onClose={close}
        title={t('supplies.order.editTitle', { number: order.number })}
      >
        <EditOrderForm order={order} onClose={close} />
      </FormModal>
      <FormModal
        opened={dialog === 'requestChange'}
        onClose={close}
        title={t('supplies.order.requestChangeTitle', { number: order.number })}
      >
        <ChangeRequestForm order={order} onClose={close} />
      </FormModal>
      <ReasonFormModal
        opened={dialog === 'requestWithdraw'}
        onClose={close}
        title={t('supplies.order.requestWithdrawTitle', { number: order.number })}
        label={t('supplies.requests.comment')}
        submitLabel={t('supplies.order.requestWithdraw')}
        submitTestId="request-withdraw-submit"
        onSubmit={(comment) =>
          request.mutate({ id: order.id, input: { kind: 'withdraw', comment } }, { onSuccess: close })
        }
        submitting={request.isPending}
        error={request.error}
      />
      <ConfirmModal
        opened={dialog === 'withdraw'}
        title={t('supplies.order.withdrawTitle', { number: order.number })}
        confirmLabel={t('supplies.order.withdraw')}
        onConfirm={() => withdraw.mutate(order.id, { onSuccess: close })}
        onClose={close}
        loading={withdraw.isPending}
        error={withdraw.error}
      >
        {t('supplies.order.withdrawText')}
      </ConfirmModal>
    </>
  );
}

function EditOrderForm({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditOrder();
  const [draft, setDraft] = useState(() => draftOf(order));
  return (
    <OrderForm
      draft={draft}
      onChange={setDraft}
      scope="order"
      allowAdd
      onSubmit={() =>
        edit.mutate(
          {
            id: order.id,
            input: {
              deliveryAddress: draft.deliveryAddress.trim(),
              requestedDate: draft.requestedDate,
              note: draft.note.trim(),
              lines: lineInputs(draft.lines),
            },
          },
          { onSuccess: onClose },
        )
      }
      onCancel={onClose}
      submitLabel={t('common.save')}
      submitTestId="order-edit-submit"
      submitting={edit.isPending}
      error={edit.error}
    />
  );
}

function ChangeRequestForm({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const request = useRequestChange();
  const [draft, setDraft] = useState(() => draftOf(order));
  const [comment, setComment] = useState('');
  return (
    <OrderForm
      draft={draft}
      onChange={setDraft}
      scope="lines"
      allowAdd
      onSubmit={() =>
        request.mutate(
          { id: order.id, input: { kind: 'change', lines: lineInputs(draft.lines), comment: comment.trim() } },
          { onSuccess: onClose },
        )
      }
      onCancel={onClose}
      submitLabel={t('supplies.order.requestChange')}
      submitTestId="request-change-submit"
      submitting={request.isPending}
      error={request.error}
    >
      <Textarea
        label={t('supplies.requests.comment')}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        autosize
        minRows={2}
        data-testid="request-comment"
      />
    </OrderForm>
  );
}
