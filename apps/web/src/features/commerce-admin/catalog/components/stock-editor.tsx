import type { CatalogAvailability } from '@kontor/contracts';
import { Badge, Group, NumberInput, SimpleGrid, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockDraft } from '../api/product-draft';
import type { ErrorAt } from './use-error-text';

interface StockEditorProps {
  path: string;
  stock: StockDraft;
  /** What the shop tells customers now, as last saved; null for a variant not saved yet. */
  availability: CatalogAvailability | null;
  onChange: (stock: StockDraft) => void;
  errorAt: ErrorAt;
}

const AVAILABILITY_COLOURS: Record<CatalogAvailability, string> = {
  in_stock: 'green',
  low: 'yellow',
  backorder: 'blue',
  out: 'red',
};

/** The counted level, whether customers may order beyond it, and when admins are told it runs low. */
export function StockEditor({ path, stock, availability, onChange, errorAt }: StockEditorProps) {
  const { t } = useTranslation();
  const count = (value: number | string) => (typeof value === 'number' ? value : '');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="stock-editor">
      <NumberInput
        label={t('catalogAdmin.stock.onHand')}
        value={stock.onHand}
        onChange={(value) => onChange({ ...stock, onHand: count(value) })}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=" "
        error={errorAt(`${path}.stock.onHand`)}
        data-testid="stock-on-hand"
      />
      <NumberInput
        label={t('catalogAdmin.stock.threshold')}
        description={t('catalogAdmin.stock.thresholdHint')}
        value={stock.lowStockThreshold}
        onChange={(value) => onChange({ ...stock, lowStockThreshold: count(value) })}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        error={errorAt(`${path}.stock.lowStockThreshold`)}
        data-testid="stock-threshold"
      />
      <Group gap="sm" align="center" mt={{ base: 0, sm: 24 }}>
        <Switch
          label={t('catalogAdmin.stock.backorder')}
          checked={stock.backorder}
          onChange={(event) => onChange({ ...stock, backorder: event.currentTarget.checked })}
          data-testid="stock-backorder"
        />
        {availability ? (
          <Badge variant="light" color={AVAILABILITY_COLOURS[availability]} tt="none" data-testid="stock-availability">
            {t(`catalogAdmin.availability.${availability}`)}
          </Badge>
        ) : null}
      </Group>
    </SimpleGrid>
  );
}
