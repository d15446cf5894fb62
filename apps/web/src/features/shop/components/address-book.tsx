import { Badge, Button, Center, Checkbox, Group, Loader, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { useAddresses, useCreateAddress, useDeleteAddress, useUpdateAddress } from '../api/account-api';
import { type AddressValues, addressValues, emptyAddress, validateAddress } from '../lib/checkout-form';
import { countryName } from '../lib/countries';
import type { ShopAddress, ShopAddressInput } from '../lib/shop-types';
import { AddressFields } from './address-fields';
import { ShopProblemAlert, shopFieldErrors } from './shop-problem';

interface Editing {
  /** null: a new address. */
  id: string | null;
  values: AddressValues;
  defaultShipping: boolean;
  defaultBilling: boolean;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export function addressInput(editing: Omit<Editing, 'id'>): ShopAddressInput {
  const { values } = editing;
  return {
    name: values.name.trim(),
    company: orNull(values.company),
    line1: values.line1.trim(),
    line2: orNull(values.line2),
    postalCode: values.postalCode.trim(),
    city: values.city.trim(),
    country: values.country.trim().toUpperCase(),
    phone: orNull(values.phone),
    defaultShipping: editing.defaultShipping,
    defaultBilling: editing.defaultBilling,
  };
}

function AddressForm({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAddress();
  const update = useUpdateAddress();
  const [state, setState] = useState(editing);
  const [checked, setChecked] = useState(false);
  const saving = editing.id ? update : create;
  const errors: Record<string, string> = {};
  if (checked)
    for (const [path, code] of Object.entries(validateAddress(state.values, '', true)))
      errors[path] = t(`shop.validation.${code}`);
  const serverErrors = shopFieldErrors(t, saving.error);
  for (const [path, text] of Object.entries(serverErrors)) errors[path] ??= text;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(validateAddress(state.values, '', true)).length > 0) return;
    const input = addressInput(state);
    if (editing.id) update.mutate({ id: editing.id, input }, { onSuccess: onClose });
    else create.mutate(input, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="address-form">
      <Stack gap="sm">
        {Object.keys(serverErrors).length === 0 ? <ShopProblemAlert error={saving.error} /> : null}
        <AddressFields
          values={state.values}
          onChange={(values) => setState((previous) => ({ ...previous, values }))}
          errors={errors}
          prefix=""
          withName
          withPhone
          testId="address"
        />
        <Checkbox
          size="md"
          checked={state.defaultShipping}
          onChange={(event) => {
            const value = event.currentTarget.checked;
            setState((previous) => ({ ...previous, defaultShipping: value }));
          }}
          label={t('shop.addresses.defaultShipping')}
          data-testid="address-default-shipping"
        />
        <Checkbox
          size="md"
          checked={state.defaultBilling}
          onChange={(event) => {
            const value = event.currentTarget.checked;
            setState((previous) => ({ ...previous, defaultBilling: value }));
          }}
          label={t('shop.addresses.defaultBilling')}
          data-testid="address-default-billing"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} mih={44}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving.isPending} data-testid="address-save" mih={44}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddressCard({
  address,
  onEdit,
  onDelete,
}: {
  address: ShopAddress;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateAddress();
  const lines = [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    countryName(address.country, i18n.language),
    address.phone,
  ].filter(Boolean);
  const makeDefault = () =>
    update.mutate({
      id: address.id,
      input: addressInput({
        values: addressValues(address),
        defaultShipping: true,
        defaultBilling: address.defaultBilling,
      }),
    });
  return (
    <li className="wg-panel" data-testid={`address-${address.id}`}>
      <Group gap="xs" mb="xs">
        {address.defaultShipping ? <Badge variant="light">{t('shop.addresses.isDefaultShipping')}</Badge> : null}
        {address.defaultBilling ? (
          <Badge variant="light" color="gray">
            {t('shop.addresses.isDefaultBilling')}
          </Badge>
        ) : null}
      </Group>
      <address className="wg-address">{lines.join('\n')}</address>
      <ShopProblemAlert error={update.error} />
      <Group gap="xs" mt="sm">
        <Button variant="default" onClick={onEdit} mih={44} data-testid={`address-edit-${address.id}`}>
          {t('common.edit')}
        </Button>
        {address.defaultShipping ? null : (
          <Button variant="subtle" onClick={makeDefault} loading={update.isPending} mih={44}>
            {t('shop.addresses.makeDefault')}
          </Button>
        )}
        <Button variant="subtle" color="red" onClick={onDelete} mih={44} data-testid={`address-delete-${address.id}`}>
          {t('common.delete')}
        </Button>
      </Group>
    </li>
  );
}

/** The customer's saved addresses: add, change, delete, choose the default ones the checkout starts with. */
export function AddressBook() {
  const { t } = useTranslation();
  const addresses = useAddresses(true);
  const remove = useDeleteAddress();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<ShopAddress | null>(null);

  if (addresses.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (addresses.error) return <ShopProblemAlert error={addresses.error} testId="addresses-error" />;
  const items = addresses.data;
  return (
    <div>
      {items.length === 0 ? (
        <p className="wg-muted" data-testid="addresses-empty">
          {t('shop.addresses.empty')}
        </p>
      ) : (
        <ul
          style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.75rem' }}
          data-testid="addresses"
        >
          {items.map((address) => (
            <AddressCard
              key={address.id}
              address={address}
              onEdit={() =>
                setEditing({
                  id: address.id,
                  values: addressValues(address),
                  defaultShipping: address.defaultShipping,
                  defaultBilling: address.defaultBilling,
                })
              }
              onDelete={() => setDeleting(address)}
            />
          ))}
        </ul>
      )}
      <Button
        mt="md"
        mih={44}
        onClick={() =>
          setEditing({
            id: null,
            values: emptyAddress(),
            defaultShipping: items.length === 0,
            defaultBilling: items.length === 0,
          })
        }
        data-testid="address-add"
      >
        {t('shop.addresses.add')}
      </Button>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? t('shop.addresses.editTitle') : t('shop.addresses.addTitle')}
        size="lg"
      >
        {editing ? <AddressForm editing={editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('shop.addresses.deleteTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
      >
        {deleting ? `${deleting.name}, ${deleting.line1}, ${deleting.postalCode} ${deleting.city}` : null}
      </ConfirmModal>
    </div>
  );
}
