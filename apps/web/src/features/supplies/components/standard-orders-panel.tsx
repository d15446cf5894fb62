import type { StandardOrder } from '@kontor/contracts';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useCatalogIndex, useDeleteStandardOrder, useSaveStandardOrder, useStandardOrders } from '../api/catalog-api';
import { type DraftLine, lineFromOrderLine, lineInputs, orderableLines } from '../api/order-draft';

interface StandardOrdersPanelProps {
  unitId: string;
  cartLines: DraftLine[];
  onApply: (lines: DraftLine[]) => void;
}

/** The unit's recurring orders ("our usual weekly order"): put one in the cart, or keep the cart as one. */
export function StandardOrdersPanel({ unitId, cartLines, onApply }: StandardOrdersPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const standardOrders = useStandardOrders(unitId);
  const save = useSaveStandardOrder(unitId);
  const remove = useDeleteStandardOrder(unitId);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<StandardOrder | null>(null);
  const [dropped, setDropped] = useState(0);
  const catalog = useCatalogIndex();
  const apply = (standardOrder: StandardOrder) => {
    const orderable = orderableLines(standardOrder.lines.map(lineFromOrderLine), catalog.data);
    onApply(orderable.kept);
    setDropped(orderable.dropped);
  };
  const replace = (standardOrder: StandardOrder) =>
    save.mutate({ id: standardOrder.id, input: { unitId, name: standardOrder.name, lines: lineInputs(cartLines) } });

  return (
    <Stack gap="sm" data-testid="standard-orders">
      <Text size="sm" c="dimmed">
        {t('supplies.standard.intro')}
      </Text>
      <Group>
        <Button
          variant="light"
          size="xs"
          disabled={cartLines.length === 0}
          onClick={() => setSaving(true)}
          data-testid="standard-save-cart"
        >
          {t('supplies.standard.saveCart')}
        </Button>
      </Group>
      {dropped > 0 ? (
        <Text size="sm" c="orange" role="status" data-testid="standard-dropped">
          {t('supplies.standard.dropped', { count: dropped })}
        </Text>
      ) : null}
      {standardOrders.error ? <ProblemAlert error={standardOrders.error} /> : null}
      {save.error && !saving ? <ProblemAlert error={save.error} /> : null}
      {standardOrders.isPending ? <PageLoader /> : null}
      {standardOrders.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('supplies.standard.empty')}
        </Text>
      ) : null}
      {standardOrders.data?.map((standardOrder) => (
        <Card key={standardOrder.id} withBorder padding="xs" data-testid="standard-order">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {standardOrder.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('supplies.standard.summary', {
              count: standardOrder.lines.length,
              date: format.date(standardOrder.updatedAt),
            })}
          </Text>
          <Text size="xs" lineClamp={2}>
            {standardOrder.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}
          </Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => apply(standardOrder)} data-testid="standard-apply">
              {t('supplies.standard.apply')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={cartLines.length === 0}
              loading={save.isPending && save.variables?.id === standardOrder.id}
              onClick={() => replace(standardOrder)}
            >
              {t('supplies.standard.replace')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(standardOrder)}>
              {t('common.delete')}
            </Button>
          </Group>
        </Card>
      ))}
      <FormModal opened={saving} onClose={() => setSaving(false)} title={t('supplies.standard.saveCart')} size="md">
        <SaveStandardOrderForm unitId={unitId} cartLines={cartLines} onClose={() => setSaving(false)} />
      </FormModal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('supplies.standard.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('supplies.standard.deleteText')}
      </ConfirmModal>
    </Stack>
  );
}

function SaveStandardOrderForm({
  unitId,
  cartLines,
  onClose,
}: Omit<StandardOrdersPanelProps, 'onApply'> & {
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveStandardOrder(unitId);
  const form = useForm({ name: '' }, save.error);
  return (
    <ModalForm
      onSubmit={() =>
        save.mutate(
          { id: null, input: { unitId, name: form.values.name.trim(), lines: lineInputs(cartLines) } },
          { onSuccess: onClose },
        )
      }
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('common.save')}
      submitTestId="standard-save-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('supplies.standard.name')}
        placeholder={t('supplies.standard.namePlaceholder')}
        {...form.text('name')}
        withAsterisk
        data-autofocus
        data-testid="standard-name"
      />
    </ModalForm>
  );
}
