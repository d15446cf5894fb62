import type { CatalogPriceList } from '@kontor/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../../app/format';
import { priceListPage } from '../api/catalog-paths';
import { useDeletePriceList, usePriceLists } from '../api/prices-api';
import { CatalogListPage } from '../components/catalog-list-page';
import { ListStateBadge } from '../components/list-state-badge';
import { SaleListForm } from '../components/sale-list-form';
import { useShopWindow } from '../components/use-shop-window';

/** Retail and the campaigns (sale lists) that lower its prices while they run. */
export function PriceListsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const shopWindow = useShopWindow();
  return (
    <CatalogListPage<CatalogPriceList>
      section="priceLists"
      testId="price-list"
      items={usePriceLists()}
      remove={useDeletePriceList()}
      keyOf={(list) => list.id}
      nameOf={(list) => list.name}
      rowData={(list) => ({ 'data-code': list.code, 'data-kind': list.kind })}
      editable={(list) => list.kind === 'sale'}
      intro={
        <Text size="sm" c="dimmed" mb="sm" maw={720}>
          {t('catalogAdmin.priceLists.intro')}
        </Text>
      }
      minWidth={820}
      columns={[
        t('catalogAdmin.fields.name'),
        t('catalogAdmin.priceLists.kind'),
        t('catalogAdmin.priceLists.priority'),
        t('catalogAdmin.priceLists.window'),
        t('catalogAdmin.priceLists.prices'),
        t('catalogAdmin.priceLists.state'),
      ]}
      cells={(list) => (
        <>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Anchor component={Link} to={priceListPage(list.id)} size="sm" fw={500} data-testid="price-list-open">
              {list.name}
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace">
              {list.code}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{t(`catalogAdmin.priceLists.kinds.${list.kind}`)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{list.kind === 'sale' ? format.number(list.priority) : '–'}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{shopWindow(list.startsAt, list.endsAt)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" data-testid="price-list-count">
              {format.number(list.priceCount)}
            </Text>
          </Table.Td>
          <Table.Td>
            <ListStateBadge list={list} />
          </Table.Td>
        </>
      )}
      form={(list, close) => (
        <SaleListForm list={list} onClose={close} onCreated={(created) => navigate(priceListPage(created.id))} />
      )}
      formSize="lg"
    />
  );
}
