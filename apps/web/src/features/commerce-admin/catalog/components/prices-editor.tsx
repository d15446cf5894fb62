import type { CatalogPriceList } from '@kontor/contracts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRICE_LISTS_PAGE, priceListPage } from '../api/catalog-paths';
import { formatMinor } from '../api/money';
import { emptyTier, type PriceRow, type TierDraft, type VariantPrices } from '../api/price-draft';
import type { Currency } from '../api/prices-api';
import type { VariantPricesAnswer } from '../api/products-api';
import type { ErrorAt } from './use-error-text';

interface PricesEditorProps {
  variantKey: string;
  retail: CatalogPriceList | undefined;
  priceLists: CatalogPriceList[];
  currencies: Currency[];
  prices: VariantPrices;
  onChange: (prices: VariantPrices) => void;
  /** The saved rows of every list and what a customer pays now; undefined for a variant not saved yet. */
  saved: VariantPricesAnswer | undefined;
  errorAt: ErrorAt;
}

/**
 * The retail prices per currency, with volume tiers and optional validity windows (consumer prices include VAT),
 * and, read-only, what campaigns and other lists set: those are edited on the price lists page.
 */
export function PricesEditor(props: PricesEditorProps) {
  const { t, i18n } = useTranslation();
  const { retail, variantKey } = props;
  const exponentOf = (code: string) => props.currencies.find((currency) => currency.code === code)?.exponent ?? 2;
  const others = (props.saved?.prices ?? []).filter((row) => row.priceListId !== retail?.id);
  const listOf = new Map(props.priceLists.map((list) => [list.id, list]));
  if (!retail)
    return (
      <Text size="sm" c="dimmed">
        {t('catalogAdmin.prices.noRetailList')}
      </Text>
    );
  const setTiers = (currency: string, tiers: TierDraft[]) =>
    props.onChange({ ...props.prices, [retail.id]: { ...props.prices[retail.id], [currency]: tiers } });
  return (
    <Stack gap="sm" data-testid="prices-editor">
      <Text size="sm" c="dimmed">
        {t('catalogAdmin.prices.retailHint')}
      </Text>
      {props.currencies
        .filter((currency) => currency.active || (props.prices[retail.id]?.[currency.code]?.length ?? 0) > 0)
        .map((currency) => {
          const stored = props.prices[retail.id]?.[currency.code] ?? [];
          // A currency without prices shows one empty row: typing a price there is how it gets one.
          const firstKey = `first-${variantKey}-${currency.code}`;
          const tiers = stored.length > 0 ? stored : [{ ...emptyTier(1), key: firstKey }];
          const path = `prices.${variantKey}.${retail.id}.${currency.code}`;
          const update = (key: string, change: Partial<TierDraft>) =>
            setTiers(
              currency.code,
              tiers.map((tier) => (tier.key === key ? { ...tier, ...change } : tier)),
            );
          const now = props.saved?.current.find((price) => price.currency === currency.code);
          return (
            <Stack key={currency.code} gap={4} data-testid={`price-currency-${currency.code}`}>
              <Group gap="xs" justify="space-between">
                <Title order={4} size="h6">
                  {t('catalogAdmin.prices.retailIn', { currency: currency.code })}
                </Title>
                {now ? (
                  <Text size="xs" c="dimmed" data-testid="price-now">
                    {t('catalogAdmin.prices.now', {
                      price: formatMinor(i18n.language, now.unitPriceMinor, currency.code, currency.exponent),
                    })}
                    {now.lowestPrice30dMinor !== null
                      ? ` · ${t('catalogAdmin.prices.lowest30d', {
                          price: formatMinor(i18n.language, now.lowestPrice30dMinor, currency.code, currency.exponent),
                        })}`
                      : ''}
                  </Text>
                ) : null}
              </Group>
              <Table.ScrollContainer minWidth={640} type="native">
                <Table verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('catalogAdmin.prices.fromQuantity')}</Table.Th>
                      <Table.Th scope="col">{t('catalogAdmin.prices.amount', { currency: currency.code })}</Table.Th>
                      <Table.Th scope="col">{t('catalogAdmin.prices.validFrom')}</Table.Th>
                      <Table.Th scope="col">{t('catalogAdmin.prices.validTo')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {tiers.map((tier, index) => {
                      const row = t('catalogAdmin.prices.tier', { number: index + 1, currency: currency.code });
                      const at = (field: string) => props.errorAt(`${path}.${tier.key}.${field}`);
                      return (
                        <Table.Tr key={tier.key} data-testid="price-tier">
                          <Table.Td w={110}>
                            <NumberInput
                              size="xs"
                              aria-label={`${t('catalogAdmin.prices.fromQuantity')}, ${row}`}
                              value={tier.minQuantity}
                              onChange={(value) =>
                                update(tier.key, { minQuantity: typeof value === 'number' ? value : '' })
                              }
                              min={1}
                              allowDecimal={false}
                              allowNegative={false}
                              error={at('minQuantity')}
                              data-testid="price-min-quantity"
                            />
                          </Table.Td>
                          <Table.Td miw={130}>
                            <TextInput
                              size="xs"
                              inputMode="decimal"
                              aria-label={`${t('catalogAdmin.prices.amount', { currency: currency.code })}, ${row}`}
                              placeholder={currency.exponent > 0 ? `0${i18n.language === 'en' ? '.' : ','}00` : '0'}
                              value={tier.amount}
                              onChange={(event) => update(tier.key, { amount: event.currentTarget.value })}
                              error={at('amount') ?? (index === 0 ? props.errorAt(path) : undefined)}
                              data-testid="price-amount"
                            />
                          </Table.Td>
                          <Table.Td w={190}>
                            <TextInput
                              size="xs"
                              type="datetime-local"
                              aria-label={`${t('catalogAdmin.prices.validFrom')}, ${row}`}
                              value={tier.validFrom}
                              onChange={(event) => update(tier.key, { validFrom: event.currentTarget.value })}
                              error={at('validFrom')}
                            />
                          </Table.Td>
                          <Table.Td w={190}>
                            <TextInput
                              size="xs"
                              type="datetime-local"
                              aria-label={`${t('catalogAdmin.prices.validTo')}, ${row}`}
                              value={tier.validTo}
                              onChange={(event) => update(tier.key, { validTo: event.currentTarget.value })}
                              error={at('validTo')}
                            />
                          </Table.Td>
                          <Table.Td ta="right">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              disabled={stored.length === 0}
                              onClick={() =>
                                setTiers(
                                  currency.code,
                                  stored.filter((other) => other.key !== tier.key),
                                )
                              }
                              aria-label={t('catalogAdmin.prices.removeTier', { row })}
                            >
                              ×
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => {
                    const highest = Math.max(
                      0,
                      ...tiers.map((tier) => (tier.minQuantity === '' ? 0 : tier.minQuantity)),
                    );
                    setTiers(currency.code, [...tiers, emptyTier(highest < 1 ? 1 : highest * 2)]);
                  }}
                  data-testid="price-tier-add"
                >
                  {t('catalogAdmin.prices.addTier')}
                </Button>
              </Group>
            </Stack>
          );
        })}
      {others.length > 0 ? <OtherLists rows={others} listOf={listOf} exponentOf={exponentOf} /> : null}
    </Stack>
  );
}

function OtherLists(props: {
  rows: PriceRow[];
  listOf: Map<string, CatalogPriceList>;
  exponentOf: (currency: string) => number;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} data-testid="price-other-lists">
      <Group justify="space-between">
        <Title order={4} size="h6">
          {t('catalogAdmin.prices.otherLists')}
        </Title>
        <Anchor component={Link} to={PRICE_LISTS_PAGE} size="sm">
          {t('catalogAdmin.prices.editInCampaigns')}
        </Anchor>
      </Group>
      <Table fz="sm" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('catalogAdmin.prices.list')}</Table.Th>
            <Table.Th scope="col">{t('catalogAdmin.prices.fromQuantity')}</Table.Th>
            <Table.Th scope="col">{t('catalogAdmin.prices.price')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => {
            const list = props.listOf.get(row.priceListId);
            return (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor component={Link} to={priceListPage(row.priceListId)} size="sm">
                    {list?.name ?? row.priceListCode}
                  </Anchor>{' '}
                  {list?.running ? (
                    <Badge size="xs" color="green" variant="light" tt="none">
                      {t('catalogAdmin.prices.running')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{row.minQuantity}</Table.Td>
                <Table.Td>
                  {formatMinor(i18n.language, row.amountMinor, row.currency, props.exponentOf(row.currency))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
