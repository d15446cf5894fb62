import type { CatalogPriceList } from '@kontor/contracts';
import { Anchor, NumberInput, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../../app/form';
import { useSaveSaleList } from '../api/prices-api';
import { problemPaths } from '../api/problem-paths';
import {
  listCodeFrom,
  type SaleListDraft,
  saleListDraftOf,
  saleListInput,
  saleListPatch,
} from '../api/sale-list-draft';
import { isoToShopInput } from '../api/shop-time';
import { MONO_INPUT } from './mono-input';
import { useErrorText } from './use-error-text';

interface SaleListFormProps {
  /** Null for a new campaign. */
  list: CatalogPriceList | null;
  onClose: () => void;
  /** After a campaign was created: where its prices are added next. */
  onCreated?: (list: CatalogPriceList) => void;
}

/** A campaign's name, code, priority, window (Stockholm time) and whether it is on. */
export function SaleListForm({ list, onClose, onCreated }: SaleListFormProps) {
  const { t } = useTranslation();
  const save = useSaveSaleList();
  const [draft, setDraft] = useState<SaleListDraft>(() => saleListDraftOf(list));
  const paths = problemPaths(save.error);
  const errorAt = useErrorText().at(paths);
  const set = <K extends keyof SaleListDraft>(key: K, value: SaleListDraft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const submit = () => {
    if (!list) {
      save.mutate(
        { id: null, input: saleListInput(draft) },
        { onSuccess: (created) => (onCreated ? onCreated(created) : onClose()) },
      );
      return;
    }
    const patch = saleListPatch(list, draft);
    if (Object.keys(patch).length === 0) onClose();
    else save.mutate({ id: list.id, patch }, { onSuccess: onClose });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={Object.keys(paths).length === 0 ? save.error : null}
      submitLabel={list ? t('common.save') : t('catalogAdmin.create')}
      submitTestId="sale-list-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('catalogAdmin.fields.name')}
        value={draft.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errorAt('name')}
        withAsterisk
        data-autofocus
        data-testid="sale-list-form-name"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('catalogAdmin.priceLists.code')}
          description={list ? t('catalogAdmin.priceLists.codeFixed') : t('catalogAdmin.priceLists.codeHint')}
          value={draft.code}
          onChange={(event) => set('code', event.currentTarget.value)}
          placeholder={list ? undefined : listCodeFrom(draft.name)}
          disabled={list !== null}
          error={errorAt('code')}
          styles={MONO_INPUT}
          data-testid="sale-list-form-code"
        />
        <NumberInput
          label={t('catalogAdmin.priceLists.priority')}
          description={t('catalogAdmin.priceLists.priorityHint')}
          value={draft.priority}
          onChange={(value) => set('priority', typeof value === 'number' ? value : '')}
          allowDecimal={false}
          min={-1000}
          max={1000}
          error={errorAt('priority', 'number')}
          data-testid="sale-list-form-priority"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="datetime-local"
          label={t('catalogAdmin.priceLists.validFrom')}
          description={
            <>
              {t('catalogAdmin.priceLists.stockholmTime')} ·{' '}
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => set('validFrom', isoToShopInput(new Date().toISOString()))}
                data-testid="sale-list-form-now"
              >
                {t('catalogAdmin.priceLists.now')}
              </Anchor>
            </>
          }
          value={draft.validFrom}
          onChange={(event) => set('validFrom', event.currentTarget.value)}
          error={errorAt('startsAt')}
          data-testid="sale-list-form-from"
        />
        <TextInput
          type="datetime-local"
          label={t('catalogAdmin.priceLists.validTo')}
          description={t('catalogAdmin.priceLists.openEnd')}
          value={draft.validTo}
          onChange={(event) => set('validTo', event.currentTarget.value)}
          error={errorAt('endsAt')}
          data-testid="sale-list-form-to"
        />
      </SimpleGrid>
      <Switch
        label={t('catalogAdmin.priceLists.active')}
        description={t('catalogAdmin.priceLists.activeHint')}
        checked={draft.active}
        onChange={(event) => set('active', event.currentTarget.checked)}
        data-testid="sale-list-form-active"
      />
    </ModalForm>
  );
}
