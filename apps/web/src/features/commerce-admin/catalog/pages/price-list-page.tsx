import type { CatalogPriceList } from '@kontor/contracts';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { DataTable } from '../../../../app/data-table';
import { FormModal } from '../../../../app/form';
import { PageLoader } from '../../../../app/guards';
import { NotFoundPage } from '../../../../app/not-found-page';
import { PageHeader } from '../../../../app/page-header';
import { ProblemAlert } from '../../../../app/problem-alert';
import { useMayUse } from '../../../auth/api/session';
import { PRICE_LISTS_PAGE } from '../api/catalog-paths';
import { groupListPrices, tiersAfter } from '../api/list-prices';
import { formatMinor } from '../api/money';
import {
  exponentLookup,
  type ListPrice,
  useCurrencies,
  useListPrices,
  usePriceLists,
  useSetListPrices,
} from '../api/prices-api';
import { pickText } from '../api/translated';
import { CATALOG_KEEPERS } from '../components/catalog-nav';
import { ListPriceForm } from '../components/list-price-form';
import { ListStateBadge } from '../components/list-state-badge';
import { RowActions } from '../components/row-actions';
import { SaleListForm } from '../components/sale-list-form';
import { useConfirmRemoval } from '../components/use-confirm-removal';
import { useFormDialog } from '../components/use-form-dialog';
import { useShopWindow } from '../components/use-shop-window';

/** One price list and its prices; a campaign's prices are added, changed and removed here. */
export function PriceListPage() {
  const { listId = '' } = useParams();
  const lists = usePriceLists();
  const list = lists.data?.find((candidate) => candidate.id === listId);
  if (lists.error) return <ProblemAlert error={lists.error} />;
  if (lists.isPending) return <PageLoader />;
  if (!list) return <NotFoundPage />;
  return <PriceListDetail list={list} />;
}

function PriceListDetail({ list }: { list: CatalogPriceList }) {
  const { t, i18n } = useTranslation();
  const shopWindow = useShopWindow();
  // Marketing prices campaigns here; the product editor is the catalog keepers'.
  const keeper = useMayUse(CATALOG_KEEPERS);
  const prices = useListPrices(list.id);
  const currencies = useCurrencies();
  const exponentOf = exponentLookup(currencies.data);
  const [editingList, setEditingList] = useState(false);
  const dialog = useFormDialog<ListPrice>();
  const all = prices.data ?? [];
  const groups = groupListPrices(all, new Intl.Collator(i18n.language, { numeric: true }));
  const editable = list.kind === 'sale';
  const removal = useConfirmRemoval(useSetListPrices(list.id), (price: ListPrice) => {
    const group = all.filter((other) => other.variantId === price.variantId && other.currency === price.currency);
    const left = tiersAfter(group, { kind: 'remove', key: price.id }, exponentOf(price.currency));
    return { variantId: price.variantId, currency: price.currency, prices: left.ok ? left.prices : [] };
  });
  const amount = (price: ListPrice) =>
    formatMinor(i18n.language, price.amountMinor, price.currency, exponentOf(price.currency));

  return (
    <>
      <Anchor component={Link} to={PRICE_LISTS_PAGE} size="sm">
        {t('catalogAdmin.priceLists.back')}
      </Anchor>
      <PageHeader
        title={list.name}
        action={
          editable
            ? { label: t('catalogAdmin.listPrices.add'), testId: 'list-price-new', onClick: dialog.openNew }
            : undefined
        }
      />
      <Group gap="md" mb="md" wrap="wrap" data-testid="price-list-facts">
        <ListStateBadge list={list} />
        <Text size="sm">{t(`catalogAdmin.priceLists.kinds.${list.kind}`)}</Text>
        {editable ? (
          <Text size="sm">{t('catalogAdmin.priceLists.priorityIs', { priority: list.priority })}</Text>
        ) : null}
        <Text size="sm" data-testid="price-list-window">
          {shopWindow(list.startsAt, list.endsAt)}
        </Text>
        {editable ? (
          <Button size="xs" variant="default" onClick={() => setEditingList(true)} data-testid="price-list-edit">
            {t('catalogAdmin.priceLists.edit')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('catalogAdmin.priceLists.retailEditedPerProduct')}
          </Text>
        )}
      </Group>
      <DataTable
        testId="list-price-list"
        minWidth={760}
        columns={[
          t('catalogAdmin.listPrices.product'),
          t('catalogAdmin.fields.sku'),
          t('catalogAdmin.listPrices.currency'),
          t('catalogAdmin.prices.price'),
          t('catalogAdmin.prices.fromQuantity'),
          t('catalogAdmin.priceLists.window'),
        ]}
        withActions={editable}
        loading={prices.isPending || currencies.isPending}
        error={prices.error ?? currencies.error}
        empty={{ when: prices.isSuccess && all.length === 0, text: t('catalogAdmin.listPrices.empty') }}
        caption={
          all.length < list.priceCount ? t('catalogAdmin.listPrices.truncated', { shown: all.length }) : undefined
        }
      >
        {groups.flatMap((group) =>
          group.rows.map((price) => (
            <Table.Tr key={price.id} data-testid="list-price-row" data-sku={price.sku} data-currency={price.currency}>
              <Table.Td>
                {keeper ? (
                  <Anchor component={Link} to={`/commerce/catalog/products/${price.productId}`} size="sm">
                    {pickText(price.productName, i18n.language)}
                  </Anchor>
                ) : (
                  <Text size="sm">{pickText(price.productName, i18n.language)}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {price.sku}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{price.currency}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} data-testid="list-price-amount">
                  {amount(price)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{price.minQuantity}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {shopWindow(
                    price.validFrom,
                    price.validTo,
                    editable ? t('catalogAdmin.listPrices.wholeCampaign') : undefined,
                  )}
                </Text>
              </Table.Td>
              {editable ? (
                <Table.Td>
                  <RowActions
                    name={`${price.sku} ${amount(price)}`}
                    testId="list-price"
                    onEdit={() => dialog.openEdit(price)}
                    onDelete={() => removal.ask(price)}
                  />
                </Table.Td>
              ) : null}
            </Table.Tr>
          )),
        )}
      </DataTable>
      <FormModal
        opened={dialog.opened}
        onClose={dialog.close}
        title={dialog.item ? t('catalogAdmin.listPrices.edit') : t('catalogAdmin.listPrices.add')}
      >
        {currencies.data ? (
          <ListPriceForm
            list={list}
            prices={all}
            currencies={currencies.data}
            editing={dialog.item}
            onClose={dialog.close}
          />
        ) : null}
      </FormModal>
      <FormModal opened={editingList} onClose={() => setEditingList(false)} title={t('catalogAdmin.priceLists.edit')}>
        <SaleListForm list={list} onClose={() => setEditingList(false)} />
      </FormModal>
      <ConfirmModal
        {...removal.modal}
        title={t('catalogAdmin.listPrices.deleteTitle', {
          sku: removal.removing?.sku ?? '',
          price: removal.removing ? amount(removal.removing) : '',
        })}
        confirmLabel={t('common.delete')}
      >
        {t('catalogAdmin.listPrices.deleteText')}
      </ConfirmModal>
    </>
  );
}
