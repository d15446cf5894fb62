import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../../app/form';
import { useShipOrder } from '../api/orders-api';

interface ShipModalProps {
  orderId: string;
  opened: boolean;
  onClose: () => void;
}

/** Paid → shipped: the tracking number goes into the customer's shipping e-mail. */
export function ShipModal({ orderId, opened, onClose }: ShipModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('commerceOps.actions.shipTitle')} size="md">
      <ShipForm orderId={orderId} onClose={onClose} />
    </FormModal>
  );
}

function ShipForm({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ship = useShipOrder();
  const form = useForm({ trackingNumber: '', note: '' }, ship.error);
  const submit = () =>
    ship.mutate(
      { id: orderId, trackingNumber: form.values.trackingNumber.trim(), note: form.values.note.trim() },
      { onSuccess: onClose },
    );
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('commerceOps.actions.ship')}
      submitTestId="ship-submit"
      submitting={ship.isPending}
    >
      <TextInput
        label={t('commerceOps.actions.trackingNumber')}
        required
        data-autofocus
        autoComplete="off"
        {...form.text('trackingNumber')}
        data-testid="ship-tracking"
      />
      <Textarea
        label={t('commerceOps.actions.note')}
        autosize
        minRows={2}
        {...form.text('note')}
        data-testid="ship-note"
      />
    </ModalForm>
  );
}
