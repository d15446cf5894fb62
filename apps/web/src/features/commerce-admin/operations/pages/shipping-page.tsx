import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { PageLoader } from '../../../../app/guards';
import { PageHeader } from '../../../../app/page-header';
import { ProblemAlert } from '../../../../app/problem-alert';
import { pickText } from '../../catalog/api/translated';
import { useDeleteMethod, useDeleteZone, useShippingTables } from '../api/shipping-api';
import type { ShippingMethod, ShippingZone } from '../api/shipping-draft';
import { OperationsNav } from '../components/operations-nav';
import { ShippingMethodModal } from '../components/shipping-method-modal';
import { ShippingRatesModal } from '../components/shipping-rates-modal';
import { ShippingZoneCard, type ZoneActions } from '../components/shipping-zone-card';
import { ShippingZoneModal } from '../components/shipping-zone-modal';

/** The one dialog open at a time, with what it works on. */
type Dialog =
  | { kind: 'zone'; zone: ShippingZone | null }
  | { kind: 'deleteZone'; zone: ShippingZone }
  | { kind: 'method'; method: ShippingMethod | null; zoneId: string }
  | { kind: 'rates'; method: ShippingMethod }
  | { kind: 'deleteMethod'; method: ShippingMethod }
  | null;

/**
 * The shipping rate tables: zones of countries, each zone's methods (parcel, freight, scheduled delivery of bulky
 * goods) and each method's prices by weight and currency, as the checkout offers them.
 */
export function ShippingPage() {
  const { t, i18n } = useTranslation();
  const tables = useShippingTables();
  const [dialog, setDialog] = useState<Dialog>(null);
  const deleteZone = useDeleteZone();
  const deleteMethod = useDeleteMethod();
  const zones = tables.data?.zones ?? [];
  const close = () => {
    setDialog(null);
    deleteZone.reset();
    deleteMethod.reset();
  };
  const actions: ZoneActions = {
    editZone: (zone) => setDialog({ kind: 'zone', zone }),
    deleteZone: (zone) => setDialog({ kind: 'deleteZone', zone }),
    newMethod: (zone) => setDialog({ kind: 'method', method: null, zoneId: zone.id }),
    editMethod: (method) => setDialog({ kind: 'method', method, zoneId: method.zoneId }),
    editRates: (method) => setDialog({ kind: 'rates', method }),
    deleteMethod: (method) => setDialog({ kind: 'deleteMethod', method }),
  };
  const name = (record: { name: Record<string, string> }) => pickText(record.name, i18n.language);
  return (
    <>
      <OperationsNav />
      <PageHeader
        title={t('commerceOps.shipping.title')}
        action={{
          label: t('commerceOps.shipping.newZone'),
          testId: 'zone-new',
          onClick: () => setDialog({ kind: 'zone', zone: null }),
        }}
      />
      <Text size="sm" c="dimmed" mb="md" maw={860}>
        {t('commerceOps.shipping.intro')}
      </Text>
      {tables.error ? <ProblemAlert error={tables.error} /> : null}
      {tables.isPending ? <PageLoader /> : null}
      {tables.isSuccess && zones.length === 0 ? (
        <Text c="dimmed" data-testid="zones-empty">
          {t('commerceOps.shipping.noZones')}
        </Text>
      ) : null}
      <Stack gap="lg">
        {zones.map((zone) => (
          <ShippingZoneCard key={zone.id} zone={zone} actions={actions} />
        ))}
      </Stack>
      <ShippingZoneModal
        opened={dialog?.kind === 'zone'}
        zone={dialog?.kind === 'zone' ? dialog.zone : null}
        onClose={close}
      />
      <ShippingMethodModal
        opened={dialog?.kind === 'method'}
        method={dialog?.kind === 'method' ? dialog.method : null}
        zoneId={dialog?.kind === 'method' ? dialog.zoneId : ''}
        zones={zones}
        onClose={close}
      />
      <ShippingRatesModal
        opened={dialog?.kind === 'rates'}
        method={dialog?.kind === 'rates' ? dialog.method : null}
        onClose={close}
      />
      <ConfirmModal
        opened={dialog?.kind === 'deleteZone'}
        title={t('commerceOps.shipping.deleteZoneTitle', {
          name: dialog?.kind === 'deleteZone' ? name(dialog.zone) : '',
        })}
        confirmLabel={t('common.delete')}
        onConfirm={() => dialog?.kind === 'deleteZone' && deleteZone.mutate(dialog.zone.id, { onSuccess: close })}
        onClose={close}
        loading={deleteZone.isPending}
        error={deleteZone.error}
      >
        {t('commerceOps.shipping.deleteZoneText', {
          count: dialog?.kind === 'deleteZone' ? dialog.zone.methods.length : 0,
        })}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog?.kind === 'deleteMethod'}
        title={t('commerceOps.shipping.deleteMethodTitle', {
          name: dialog?.kind === 'deleteMethod' ? name(dialog.method) : '',
        })}
        confirmLabel={t('common.delete')}
        onConfirm={() => dialog?.kind === 'deleteMethod' && deleteMethod.mutate(dialog.method.id, { onSuccess: close })}
        onClose={close}
        loading={deleteMethod.isPending}
        error={deleteMethod.error}
      >
        {t('commerceOps.shipping.deleteMethodText')}
      </ConfirmModal>
    </>
  );
}
