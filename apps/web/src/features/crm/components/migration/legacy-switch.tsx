import type { CrmEntityMigration } from '@kontor/contracts';
import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { useFormat } from '../../../../app/format';
import { useLegacySwitch } from '../../api/migration-api';
import { switchOffBlock } from '../../api/migration-figures';
import { CrmProblemAlert } from '../crm-alerts';

interface LegacySwitchProps {
  migration: CrmEntityMigration;
  legacyConfigured: boolean;
  mayRun: boolean;
}

/**
 * Stops reading and writing the legacy CRM for one entity. Offered only once every legacy record is in our
 * service (the server refuses otherwise, 409); switching it off is asked for again, as pages then never consult it.
 */
export function LegacySwitch({ migration, legacyConfigured, mayRun }: LegacySwitchProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const toggle = useLegacySwitch();
  const [confirming, setConfirming] = useState(false);
  const { entity, legacyOff } = migration;
  const block = switchOffBlock(migration, legacyConfigured);
  const entityName = t(`crm.migration.entity.${entity}`);
  const explanation = block
    ? t(`crm.migration.legacySwitch.blocked.${block}`, {
        pending: format.number(migration.pending ?? 0),
        failed: format.number(migration.failed),
      })
    : legacyOff
      ? t('crm.migration.legacySwitch.isOff')
      : t('crm.migration.legacySwitch.ready');
  const send = (off: boolean) => toggle.mutate({ entity, legacyOff: off }, { onSuccess: () => setConfirming(false) });
  return (
    <Stack gap={6}>
      <Switch
        label={t('crm.migration.legacySwitch.label')}
        description={explanation}
        checked={legacyOff}
        disabled={!mayRun || block !== null || toggle.isPending}
        onChange={(event) => (event.currentTarget.checked ? setConfirming(true) : send(false))}
        data-testid={`crm-legacy-switch-${entity}`}
      />
      {!confirming ? <CrmProblemAlert error={toggle.error} /> : null}
      {!mayRun ? (
        <Text size="xs" c="dimmed">
          {t('crm.migration.adminOnly')}
        </Text>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('crm.migration.legacySwitch.confirmTitle', { entity: entityName })}
        confirmLabel={t('crm.migration.legacySwitch.confirm')}
        onConfirm={() => send(true)}
        onClose={() => {
          setConfirming(false);
          toggle.reset();
        }}
        loading={toggle.isPending}
        error={null}
      >
        {t('crm.migration.legacySwitch.confirmText', { entity: entityName })}
        {confirming ? <CrmProblemAlert error={toggle.error} /> : null}
      </ConfirmModal>
    </Stack>
  );
}
