import type { CatalogAttribute } from '@kontor/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAttributes, useDeleteAttribute } from '../api/taxonomy-api';
import { pickText } from '../api/translated';
import { AttributeForm } from '../components/attribute-form';
import { CatalogListPage } from '../components/catalog-list-page';

/** The typed attributes products are described by; those marked as facets filter the shop's search. */
export function AttributesPage() {
  const { t, i18n } = useTranslation();
  const nameOf = (attribute: CatalogAttribute) => pickText(attribute.name, i18n.language) || attribute.key;
  return (
    <CatalogListPage
      section="attributes"
      testId="attribute"
      items={useAttributes()}
      remove={useDeleteAttribute()}
      keyOf={(attribute) => attribute.key}
      nameOf={nameOf}
      rowData={(attribute) => ({ 'data-key': attribute.key })}
      minWidth={640}
      columns={[
        t('catalogAdmin.fields.name'),
        t('catalogAdmin.attributes.key'),
        t('catalogAdmin.attributes.type'),
        t('catalogAdmin.attributes.unit'),
        t('catalogAdmin.attributes.facet'),
      ]}
      cells={(attribute) => (
        <>
          <Table.Td>
            <Text size="sm" fw={500}>
              {nameOf(attribute)}
            </Text>
            {attribute.type === 'enum' ? (
              <Text size="xs" c="dimmed">
                {attribute.options.map((option) => pickText(option.label, i18n.language) || option.value).join(', ')}
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
        </>
      )}
      form={(attribute, close) => <AttributeForm attribute={attribute} onClose={close} />}
    />
  );
}
