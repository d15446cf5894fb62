import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../app/data-table';
import { pickText } from '../../catalog/api/translated';
import { countryList } from '../api/countries';
import { useShopCurrencies } from '../api/currencies-api';
import { useMoney } from '../api/money';
import { type ShippingMethod, type ShippingRate, type ShippingZone, sortRates } from '../api/shipping-draft';

/** A rate table in words, one line per currency: "SEK: up to 2 kg 59,00 kr · up to 5 kg 79,00 kr · heavier 149,00 kr". */
function useRateLines() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const currencies = useShopCurrencies();
  const kilograms = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 3 });
  return (rates: ShippingRate[]) => {
    const byCurrency = new Map<string, string[]>();
    for (const rate of sortRates(rates, currencies.all)) {
      const texts = byCurrency.get(rate.currency) ?? [];
      const amount = money(rate.amountMinor, rate.currency);
      texts.push(
        rate.maxWeightGrams !== null
          ? t('commerceOps.shipping.upTo', { weight: kilograms.format(rate.maxWeightGrams / 1000), amount })
          : texts.length > 0
            ? t('commerceOps.shipping.heavier', { amount })
            : t('commerceOps.shipping.anyWeight', { amount }),
      );
      byCurrency.set(rate.currency, texts);
    }
    return [...byCurrency].map(([currency, texts]) => ({ currency, text: texts.join(' · ') }));
  };
}

export interface ZoneActions {
  editZone: (zone: ShippingZone) => void;
  deleteZone: (zone: ShippingZone) => void;
  newMethod: (zone: ShippingZone) => void;
  editMethod: (method: ShippingMethod) => void;
  editRates: (method: ShippingMethod) => void;
  deleteMethod: (method: ShippingMethod) => void;
}

/** A zone: its countries, and its methods with their rate tables. */
export function ShippingZoneCard({ zone, actions }: { zone: ShippingZone; actions: ZoneActions }) {
  const { t, i18n } = useTranslation();
  const rateLines = useRateLines();
  const name = pickText(zone.name, i18n.language);
  const headingId = `zone-${zone.id}`;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="zone-card"
      data-code={zone.code}
    >
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={2} maw={720} style={{ flex: 1 }}>
          <Title order={2} size="h4" id={headingId}>
            {name}{' '}
            <Text span c="dimmed" ff="monospace" size="sm">
              {zone.code}
            </Text>
          </Title>
          <Text size="sm" c="dimmed" data-testid="zone-countries-text">
            {zone.countries.length > 0
              ? countryList(zone.countries, i18n.language)
              : t('commerceOps.shipping.noCountries')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" onClick={() => actions.newMethod(zone)} data-testid="method-new">
            {t('commerceOps.shipping.newMethod')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => actions.editZone(zone)}
            aria-label={t('commerceOps.shipping.editZoneTitle', { name })}
            data-testid="zone-edit"
          >
            {t('common.edit')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => actions.deleteZone(zone)}
            aria-label={t('commerceOps.shipping.deleteZoneTitle', { name })}
            data-testid="zone-delete"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <DataTable
        testId="methods-table"
        minWidth={820}
        withActions
        striped={false}
        columns={[
          t('commerceOps.shipping.method'),
          t('commerceOps.shipping.kind'),
          t('commerceOps.shipping.rates'),
          t('commerceOps.codes.state'),
        ]}
        loading={false}
        error={null}
        empty={{ when: zone.methods.length === 0, text: t('commerceOps.shipping.noMethods') }}
      >
        {zone.methods.map((method) => {
          const methodName = pickText(method.name, i18n.language);
          const lines = rateLines(method.rates);
          return (
            <Table.Tr key={method.id} data-testid="method-row" data-code={method.code} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {methodName}
                </Text>
                <Text size="xs" c="dimmed">
                  {method.carrier} · <span style={{ fontFamily: 'monospace' }}>{method.code}</span>
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge
                  variant="light"
                  color={method.kind === 'scheduled' ? 'orange' : 'blue'}
                  tt="none"
                  miw="max-content"
                >
                  {t(`commerceOps.shipping.kinds.${method.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td data-testid="method-rates">
                {lines.length > 0 ? (
                  lines.map((line) => (
                    <Text key={line.currency} size="sm">
                      <Text span fw={600} size="sm">
                        {line.currency}:
                      </Text>{' '}
                      {line.text}
                    </Text>
                  ))
                ) : (
                  <Text size="sm" c="orange">
                    {t('commerceOps.shipping.noRatesYet')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={method.active ? 'green' : 'gray'} variant="light" miw="max-content">
                  {method.active ? t('commerceOps.shipping.offered') : t('commerceOps.shipping.notOffered')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => actions.editRates(method)}
                    aria-label={t('commerceOps.shipping.ratesTitle', { name: methodName })}
                    data-testid="method-rates-edit"
                  >
                    {t('commerceOps.shipping.rates')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => actions.editMethod(method)}
                    aria-label={t('commerceOps.shipping.editMethodTitle', { name: methodName })}
                    data-testid="method-edit"
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => actions.deleteMethod(method)}
                    aria-label={t('commerceOps.shipping.deleteMethodTitle', { name: methodName })}
                    data-testid="method-delete"
                  >
                    {t('common.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Paper>
  );
}
