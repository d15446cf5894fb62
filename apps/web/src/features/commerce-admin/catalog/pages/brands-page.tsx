import type { CatalogBrand } from '@kontor/contracts';
import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { DataTable } from '../../../../app/data-table';
import { FormModal, ModalForm, useForm } from '../../../../app/form';
import { PageHeader } from '../../../../app/page-header';
import { problemPaths } from '../api/problem-paths';
import { slugify } from '../api/slug';
import { useBrands, useDeleteBrand, useSaveBrand } from '../api/taxonomy-api';
import { MONO_INPUT } from '../components/mono-input';
import { useErrorText } from '../components/use-error-text';

type Draft = CatalogBrand | 'new' | null;

export function BrandsPage() {
  const { t } = useTranslation();
  const brands = useBrands();
  const [draft, setDraft] = useState<Draft>(null);
  const [removing, setRemoving] = useState<CatalogBrand | null>(null);
  const remove = useDeleteBrand();
  const list = brands.data ?? [];
  return (
    <>
      <PageHeader
        title={t('catalogAdmin.brands.title')}
        action={{ label: t('catalogAdmin.brands.new'), testId: 'brand-new', onClick: () => setDraft('new') }}
      />
      <DataTable
        testId="brand-list"
        minWidth={480}
        columns={[t('catalogAdmin.fields.name'), t('catalogAdmin.fields.slug')]}
        withActions
        loading={brands.isPending}
        error={brands.error}
        empty={{ when: brands.isSuccess && list.length === 0, text: t('catalogAdmin.brands.empty') }}
      >
        {list.map((brand) => (
          <Table.Tr key={brand.id} data-testid="brand-row" data-slug={brand.slug}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {brand.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {brand.slug}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setDraft(brand)}
                  aria-label={t('catalogAdmin.editNamed', { name: brand.name })}
                  data-testid="brand-edit"
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving(brand)}
                  aria-label={t('catalogAdmin.deleteNamed', { name: brand.name })}
                  data-testid="brand-delete"
                >
                  {t('common.delete')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FormModal
        opened={draft !== null}
        onClose={() => setDraft(null)}
        title={draft === 'new' ? t('catalogAdmin.brands.new') : t('catalogAdmin.brands.edit')}
        size="md"
      >
        {draft ? <BrandForm brand={draft === 'new' ? null : draft} onClose={() => setDraft(null)} /> : null}
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        title={t('catalogAdmin.brands.deleteTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('catalogAdmin.brands.deleteText')}
      </ConfirmModal>
    </>
  );
}

function BrandForm({ brand, onClose }: { brand: CatalogBrand | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBrand();
  const form = useForm({ name: brand?.name ?? '', slug: brand?.slug ?? '' }, save.error);
  const errorAt = useErrorText().at(problemPaths(save.error));
  const slugEdited = brand !== null || form.values.slug !== '';
  const submit = () => {
    const slug = form.values.slug.trim() || slugify(form.values.name);
    save.mutate({ id: brand?.id ?? null, input: { name: form.values.name.trim(), slug } }, { onSuccess: onClose });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={brand ? t('common.save') : t('catalogAdmin.create')}
      submitTestId="brand-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('catalogAdmin.fields.name')}
        {...form.text('name')}
        error={errorAt('name')}
        withAsterisk
        data-autofocus
        data-testid="brand-form-name"
      />
      <TextInput
        label={t('catalogAdmin.fields.slug')}
        description={brand ? t('catalogAdmin.brands.slugChangeHint') : t('catalogAdmin.brands.slugHint')}
        {...form.text('slug')}
        placeholder={slugEdited ? undefined : slugify(form.values.name)}
        error={errorAt('slug')}
        styles={MONO_INPUT}
        data-testid="brand-form-slug"
      />
    </ModalForm>
  );
}
