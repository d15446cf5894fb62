import { Badge, Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { useFormat } from '../../../../app/format';
import { useMoney } from '../api/money';

/** The texts codes and automatic discounts share: amounts per currency and the window they hold in. */
export function useDiscountText() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  return {
    /** "500,00 kr / 50,00 €"; "–" for none. */
    amounts: (amounts: Record<string, number> | null) =>
      Object.entries(amounts ?? {})
        .map(([currency, minor]) => money(minor, currency))
        .join(' / ') || '–',
    /** "1 June 2026 08:00 – …", or "Always" without a window. */
    window: (startsAt: string | null, endsAt: string | null) =>
      startsAt || endsAt
        ? `${startsAt ? format.dateTime(startsAt) : '…'} – ${endsAt ? format.dateTime(endsAt) : '…'}`
        : t('commerceOps.codes.always'),
  };
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" miw="max-content">
      {active ? t('commerceOps.codes.active') : t('commerceOps.codes.inactive')}
    </Badge>
  );
}

interface ActiveSwitchProps {
  /** What the row is called: the code, or the discount's name. */
  name: string;
  active: boolean;
  /** `code` or `rule`: the button is `<prefix>-activate` or `<prefix>-deactivate`. */
  testIdPrefix: string;
  /** What switching means for customers, one text per direction. */
  explain: { activate: string; deactivate: string };
  /** Saves the record again whole with the other state (PUT replaces it). */
  save: (active: boolean) => Promise<unknown>;
}

/** A row's Activate or Deactivate button, and the question asked before it switches. */
export function ActiveSwitch({ name, active, testIdPrefix, explain, save }: ActiveSwitchProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const change = useMutation({ mutationFn: save });
  const title = t(active ? 'commerceOps.codes.deactivateCode' : 'commerceOps.codes.activateCode', { code: name });
  const label = active ? t('commerceOps.codes.deactivate') : t('commerceOps.codes.activate');
  const close = () => {
    setAsking(false);
    change.reset();
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setAsking(true)}
        data-testid={`${testIdPrefix}-${active ? 'deactivate' : 'activate'}`}
        aria-label={title}
      >
        {label}
      </Button>
      <ConfirmModal
        opened={asking}
        title={title}
        confirmLabel={label}
        onConfirm={() => change.mutate(!active, { onSuccess: close })}
        onClose={close}
        loading={change.isPending}
        error={change.error}
      >
        {active ? explain.deactivate : explain.activate}
      </ConfirmModal>
    </>
  );
}
