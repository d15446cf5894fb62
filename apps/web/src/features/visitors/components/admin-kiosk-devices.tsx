import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { DataTable } from '../../../app/data-table';
import { FormModal, ModalForm, useFieldErrors } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { SecretOnceModal } from '../../../app/secret-once-modal';
import { useCreateKioskDevice, useKioskDevices, useRevokeKioskDevice } from '../api/admin-api';
import type { KioskDevice, KioskDeviceCreated } from '../api/types';

/** The address a tablet opens once: it keeps the key and from then on names itself with it. */
export const kioskDeviceUrl = (key: string) => `${window.location.origin}/kiosk?device=${encodeURIComponent(key)}`;

/** Tablets registered as kiosks; with "require a kiosk device" on, only these may register guests. */
export function AdminKioskDevices() {
  const { t } = useTranslation();
  const format = useFormat();
  const devices = useKioskDevices();
  const revoke = useRevokeKioskDevice();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<KioskDeviceCreated | null>(null);
  const [revoking, setRevoking] = useState<KioskDevice | null>(null);
  const list = devices.data ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          {t('visitors.admin.devicesIntro')}
        </Text>
        <Button onClick={() => setCreating(true)} data-testid="device-new">
          {t('visitors.admin.newDevice')}
        </Button>
      </Group>
      <DataTable
        testId="kiosk-devices"
        minWidth={600}
        columns={[
          t('visitors.admin.deviceName'),
          t('visitors.admin.created'),
          t('visitors.admin.lastSeen'),
          t('visitors.admin.cardStatus'),
        ]}
        withActions
        loading={devices.isPending}
        error={devices.error}
        empty={{ when: devices.isSuccess && list.length === 0, text: t('visitors.admin.devicesEmpty') }}
      >
        {list.map((device) => (
          <Table.Tr key={device.id} data-testid="kiosk-device" data-revoked={device.revoked || undefined}>
            <Table.Td fw={600}>{device.name}</Table.Td>
            <Table.Td>{format.dateTime(device.createdAt)}</Table.Td>
            <Table.Td>
              {device.lastSeenAt ? format.dateTime(device.lastSeenAt) : t('visitors.admin.neverSeen')}
            </Table.Td>
            <Table.Td>
              <Badge color={device.revoked ? 'gray' : 'green'} variant="light" tt="none">
                {device.revoked ? t('visitors.admin.revoked') : t('visitors.admin.deviceActive')}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              {device.revoked ? null : (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => {
                    revoke.reset();
                    setRevoking(device);
                  }}
                  aria-label={t('visitors.admin.revokeNamed', { name: device.name })}
                  data-testid="device-revoke"
                >
                  {t('visitors.admin.revoke')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t('visitors.admin.newDevice')} size="md">
        <DeviceForm
          onCancel={() => setCreating(false)}
          onCreated={(answer) => {
            setCreating(false);
            setCreated(answer);
          }}
        />
      </FormModal>
      <SecretOnceModal
        secret={created?.key ?? null}
        title={t('visitors.admin.deviceKeyTitle', { name: created?.device.name ?? '' })}
        warningTitle={t('visitors.admin.deviceKeyWarningTitle')}
        warning={t('visitors.admin.deviceKeyWarning')}
        testId="device-key"
        onClose={() => setCreated(null)}
      >
        {created ? (
          <Stack gap={4}>
            <Text size="sm">{t('visitors.admin.deviceKeyUse')}</Text>
            <Anchor
              href={kioskDeviceUrl(created.key)}
              target="_blank"
              rel="noreferrer"
              style={{ wordBreak: 'break-all' }}
              data-testid="device-kiosk-url"
            >
              {kioskDeviceUrl(created.key)}
            </Anchor>
          </Stack>
        ) : null}
      </SecretOnceModal>
      <ConfirmModal
        opened={revoking !== null}
        title={t('visitors.admin.revokeTitle')}
        confirmLabel={t('visitors.admin.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        {revoking ? t('visitors.admin.revokeText', { name: revoking.name }) : null}
      </ConfirmModal>
    </Stack>
  );
}

function DeviceForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (answer: KioskDeviceCreated) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateKioskDevice();
  const [name, setName] = useState('');
  const { fieldErrors, generalError } = useFieldErrors(create.error);
  return (
    <ModalForm
      onSubmit={() => create.mutate(name.trim(), { onSuccess: onCreated })}
      onCancel={onCancel}
      error={generalError}
      submitLabel={t('visitors.admin.createDevice')}
      submitTestId="device-form-submit"
      submitting={create.isPending}
    >
      <TextInput
        label={t('visitors.admin.deviceName')}
        description={t('visitors.admin.deviceNameHint')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={fieldErrors.name}
        maxLength={100}
        withAsterisk
        data-autofocus
        data-testid="device-form-name"
      />
    </ModalForm>
  );
}
