import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emptyFitment, type FitmentDraft } from '../api/product-draft';
import type { ErrorAt } from './use-error-text';

interface FitmentEditorProps {
  /** `variants.<key>`: where this variant's errors are. */
  path: string;
  fitments: FitmentDraft[];
  onChange: (fitments: FitmentDraft[]) => void;
  errorAt: ErrorAt;
}

const MAX_FITMENTS = 500;

/** Which engines and years a variant fits: a propeller fits a Yamaha F40 of 2010 to 2020. */
export function FitmentEditor({ path, fitments, onChange, errorAt }: FitmentEditorProps) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<FitmentDraft>) =>
    onChange(fitments.map((fitment) => (fitment.key === key ? { ...fitment, ...change } : fitment)));
  const at = (fitment: FitmentDraft, field: string) => errorAt(`${path}.fitments.${fitment.key}.${field}`);
  const year = (value: number | string) => (typeof value === 'number' ? value : '');
  return (
    <Stack gap="xs" data-testid="fitment-editor">
      {fitments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('catalogAdmin.fitment.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalogAdmin.fitment.make')}</Table.Th>
                <Table.Th scope="col">{t('catalogAdmin.fitment.model')}</Table.Th>
                <Table.Th scope="col">{t('catalogAdmin.fitment.yearFrom')}</Table.Th>
                <Table.Th scope="col">{t('catalogAdmin.fitment.yearTo')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fitments.map((fitment, index) => {
                const row = t('catalogAdmin.fitment.row', { number: index + 1 });
                return (
                  <Table.Tr key={fitment.key} data-testid="fitment-row">
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${t('catalogAdmin.fitment.make')}, ${row}`}
                        placeholder="Yamaha"
                        value={fitment.make}
                        onChange={(event) => update(fitment.key, { make: event.currentTarget.value })}
                        error={at(fitment, 'make') ?? errorAt(`${path}.fitments.${fitment.key}`)}
                        data-testid="fitment-make"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${t('catalogAdmin.fitment.model')}, ${row}`}
                        placeholder="F40"
                        value={fitment.model}
                        onChange={(event) => update(fitment.key, { model: event.currentTarget.value })}
                        error={at(fitment, 'model')}
                        data-testid="fitment-model"
                      />
                    </Table.Td>
                    <Table.Td w={110}>
                      <NumberInput
                        size="xs"
                        aria-label={`${t('catalogAdmin.fitment.yearFrom')}, ${row}`}
                        value={fitment.yearFrom}
                        onChange={(value) => update(fitment.key, { yearFrom: year(value) })}
                        min={1900}
                        max={2100}
                        allowDecimal={false}
                        allowNegative={false}
                        error={at(fitment, 'yearFrom')}
                        data-testid="fitment-year-from"
                      />
                    </Table.Td>
                    <Table.Td w={110}>
                      <NumberInput
                        size="xs"
                        aria-label={`${t('catalogAdmin.fitment.yearTo')}, ${row}`}
                        value={fitment.yearTo}
                        onChange={(value) => update(fitment.key, { yearTo: year(value) })}
                        min={1900}
                        max={2100}
                        allowDecimal={false}
                        allowNegative={false}
                        error={at(fitment, 'yearTo')}
                        data-testid="fitment-year-to"
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => onChange(fitments.filter((other) => other.key !== fitment.key))}
                        aria-label={t('catalogAdmin.fitment.remove', { row })}
                        data-testid="fitment-remove"
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
      )}
      {errorAt(`${path}.fitments`) ? (
        <Text c="red" size="sm" role="alert">
          {errorAt(`${path}.fitments`)}
        </Text>
      ) : null}
      {fitments.length < MAX_FITMENTS ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => onChange([...fitments, emptyFitment()])}
            data-testid="fitment-add"
          >
            {t('catalogAdmin.fitment.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
