import type { OrderingUnit } from '@kontor/contracts';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface UnitSelectProps {
  units: OrderingUnit[];
  value: string | null;
  onChange: (unitId: string) => void;
  label?: string;
  testId?: string;
}

/** Picks a care unit by name; the path tells apart units of the same name in different hospitals. */
export function UnitSelect({ units, value, onChange, label, testId = 'unit-select' }: UnitSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label ?? t('supplies.fields.unit')}
      data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
      renderOption={({ option }) => {
        const unit = units.find((candidate) => candidate.id === option.value);
        return (
          <div>
            <div>{option.label}</div>
            {unit?.path ? (
              <div style={{ fontSize: 'var(--mantine-font-size-xs)', opacity: 0.7 }}>{unit.path}</div>
            ) : null}
          </div>
        );
      }}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      data-testid={testId}
    />
  );
}
