import type { CatalogAttribute } from '@kontor/contracts';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { DataTable } from '../../../../app/data-table';
import { PageHeader } from '../../../../app/page-header';
import { useAttributes, useDeleteAttribute } from '../api/taxonomy-api';
import { pickText } from '../api/translated';
import { type AttributeDraft, AttributeFormModal } from '../components/attribute-form-modal';

/** The typed attributes products are described by; those marked as facets filter the shop's search. */
export function AttributesPage() {
  const { t, i18n } = useTranslation();
  const attributes = useAttributes();
  const [draft, setDraft] = useState<AttributeDraft>(null);
  const [removing, setRemoving] = useState<CatalogAttribute | null>(null);
  const remove = useDeleteAttribute();
  const list = attributes.data ?? [];
  return (
    <>
      <PageHeader
        title={t('catalogAdmin.attributes.title')}
        action={{ label: t('catalogAdmin.attributes.new'), testId: 'attribute-new', onClick: () => setDraft('new') }}
      />
      <DataTable
        testId="attribute-list"
        minWidth={640}
        columns={[
          t('catalogAdmin.fields.name'),
          t('catalogAdmin.attributes.key'),
          t('catalogAdmin.attributes.type'),
          t('catalogAdmin.attributes.unit'),
          t('catalogAdmin.attributes.facet'),
        ]}
        withActions
        loading={attributes.isPending}
        error={attributes.error}
        empty={{ when: attributes.isSuccess && list.length === 0, text: t('catalogAdmin.attributes.empty') }}
      >
        {list.map((attribute) => {
          const name = pickText(attribute.name, i18n.language) || attribute.key;
          return (
            <Table.Tr key={attribute.key} data-testid="attribute-row" data-key={attribute.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {name}
                </Text>
                {attribute.type === 'enum' ? (
                  <Text size="xs" c="dimmed">
                    {attribute.options
                      .map((option) => pickText(option.label, i18n.language) || option.value)
                      .join(', ')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {attribute.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`catalogAdmin.attributeType.${attribute.type}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{attribute.unit ?? '–'}</Text>
              </Table.Td>
              <Table.Td>
                {attribute.facet ? (
                  <Badge size="sm" variant="light" tt="none">
                    {t('catalogAdmin.attributes.isFacet')}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    –
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setDraft(attribute)}
                    aria-label={t('catalogAdmin.editNamed', { name })}
                    data-testid="attribute-edit"
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(attribute)}
                    aria-label={t('catalogAdmin.deleteNamed', { name })}
                    data-testid="attribute-delete"
                  >
                    {t('common.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <AttributeFormModal draft={draft} onClose={() => setDraft(null)} />
      <ConfirmModal
        opened={removing !== null}
        title={t('catalogAdmin.attributes.deleteTitle', { name: removing?.key ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing.key, { onSuccess: () => setRemoving(null) })}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('catalogAdmin.attributes.deleteText')}
      </ConfirmModal>
    </>
  );
}
