import { Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { DataTable } from '../../../app/data-table';
import { ProblemAlert } from '../../../app/problem-alert';
import { fieldErrorText } from '../../../app/problem-text';
import { useSaveCardTypes } from '../api/admin-api';
import { isDefaultCardType } from '../api/card-label';
import { rowErrors } from '../api/row-errors';
import type { VisitorCardType } from '../api/types';
import { useCardTypes } from '../api/visitors-api';

interface Row {
  /** Stable across edits, for React: a key typed into a new row changes as it is typed. */
  rowId: number;
  isNew: boolean;
  key: string;
  name: string;
  from: number | string;
  to: number | string;
}

let nextRowId = 0;

/** What each clash the server finds means, by the field it names (none: the row's range overlaps another). */
const clashWords: Record<string, ParseKeys> = {
  '': 'visitors.admin.rangeOverlaps',
  to: 'visitors.admin.rangeBackwards',
  key: 'visitors.admin.keyRepeated',
};
const toRow = (type: VisitorCardType): Row => ({ rowId: nextRowId++, isNew: false, ...type });

/** The card types and their number ranges, edited as one list: the server refuses overlapping ranges. */
export function AdminCardTypes() {
  const { t } = useTranslation();
  const types = useCardTypes();
  const save = useSaveCardTypes();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (types.data && rows === null) setRows(types.data.map(toRow));
  }, [types.data, rows]);
  const errors = rowErrors(save.error, 'types');
  const generalError = save.error && (!(save.error instanceof ApiError) || errors.size === 0) ? save.error : null;

  const change = (rowId: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((previous) => previous?.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row)) ?? previous);
  };
  const submit = () => {
    if (!rows) return;
    setSaved(false);
    save.mutate(
      rows.map(({ key, name, from, to }) => ({
        key: key.trim(),
        name: name.trim(),
        from: Number(from),
        to: Number(to),
      })),
      {
        onSuccess: () => {
          setSaved(true);
          // What was sent is what the server now holds: new keys become fixed.
          setRows((previous) => previous?.map((row) => ({ ...row, isNew: false })) ?? previous);
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('visitors.admin.typesIntro')}
      </Text>
      {generalError ? <ProblemAlert error={generalError} /> : null}
      {saved ? (
        <Alert color="green" variant="light" data-testid="card-types-saved">
          {t('visitors.admin.saved')}
        </Alert>
      ) : null}
      <DataTable
        testId="card-types"
        minWidth={820}
        columns={[
          t('visitors.admin.typeKey'),
          t('visitors.admin.typeName'),
          t('visitors.admin.typeShownAs'),
          t('visitors.admin.from'),
          t('visitors.admin.to'),
        ]}
        withActions
        loading={types.isPending || rows === null}
        error={types.error}
      >
        {(rows ?? []).map((row, index) => {
          const rowError = errors.get(index);
          const text = (field: string, kind: 'text' | 'number' = 'text') => {
            const error = rowError?.get(field);
            if (!error) return undefined;
            // The server's clashes (its words name list indexes) said in the admin's language.
            if (error.code === 'card_types_invalid') return t(clashWords[field] ?? 'visitors.errors.cardTypesInvalid');
            return fieldErrorText(t, error, kind);
          };
          return (
            <Table.Tr
              key={row.rowId}
              data-testid="card-type-row"
              data-key={row.key}
              data-invalid={rowError ? true : undefined}
            >
              <Table.Td>
                <TextInput
                  aria-label={t('visitors.admin.typeKey')}
                  value={row.key}
                  onChange={(event) => change(row.rowId, { key: event.currentTarget.value })}
                  readOnly={!row.isNew}
                  variant={row.isNew ? 'default' : 'filled'}
                  error={text('key')}
                  ff="monospace"
                  data-testid="card-type-key"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('visitors.admin.typeName')}
                  value={row.name}
                  onChange={(event) => change(row.rowId, { name: event.currentTarget.value })}
                  error={text('name')}
                  data-testid="card-type-name"
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" data-testid="card-type-shown-as">
                  {isDefaultCardType(row.key) ? t(`visitors.cardTypes.${row.key}`) : row.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('visitors.admin.from')}
                  value={row.from}
                  onChange={(value) => change(row.rowId, { from: value })}
                  min={0}
                  max={999}
                  allowDecimal={false}
                  error={text('from', 'number')}
                  w={110}
                  data-testid="card-type-from"
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('visitors.admin.to')}
                  value={row.to}
                  onChange={(value) => change(row.rowId, { to: value })}
                  min={0}
                  max={999}
                  allowDecimal={false}
                  error={text('to', 'number')}
                  w={110}
                  data-testid="card-type-to"
                />
                {text('') ? (
                  <Text size="xs" c="red" role="alert" data-testid="card-type-row-error">
                    {text('')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() =>
                    setRows((previous) => previous?.filter((other) => other.rowId !== row.rowId) ?? previous)
                  }
                  aria-label={t('visitors.admin.removeType', { name: row.name || row.key })}
                >
                  {t('common.delete')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() =>
            setRows((previous) => [
              ...(previous ?? []),
              { rowId: nextRowId++, isNew: true, key: '', name: '', from: '', to: '' },
            ])
          }
          data-testid="card-type-add"
        >
          {t('visitors.admin.addType')}
        </Button>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => {
              save.reset();
              setRows(types.data?.map(toRow) ?? null);
            }}
            data-testid="card-types-undo"
          >
            {t('visitors.admin.undo')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="card-types-save">
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
