import type { DeskListEntry } from '@kontor/contracts';
import { Badge, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { FormModal, ModalForm, useFieldErrors, useForm } from '../../../app/form';
import { ProblemAlert } from '../../../app/problem-alert';
import { type DeskListKind, useAddListEntry, useChangeListEntry } from './settings-api';

interface ListEditorProps {
  kind: DeskListKind;
  entries: DeskListEntry[] | undefined;
  loading: boolean;
  error: unknown;
  /** Extra buttons of a row (a group's members). */
  rowActions?: (entry: DeskListEntry) => React.ReactNode;
}

/** A list an administrator keeps: add, rename, retire (kept on old incidents, not offered) and reactivate. */
export function ListEditor({ kind, entries, loading, error, rowActions }: ListEditorProps) {
  const { t } = useTranslation();
  const add = useAddListEntry(kind);
  const change = useChangeListEntry(kind);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<DeskListEntry | null>(null);
  const { fieldErrors, generalError } = useFieldErrors(add.error, { codeFields: { 'desk.name_taken': 'name' } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput
            label={t(`desk.settings.new.${kind}`)}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldErrors.name}
            maxLength={80}
            w={320}
            data-testid={`settings-new-${kind}`}
          />
          <Button type="submit" mt={25} loading={add.isPending} data-testid={`settings-add-${kind}`}>
            {t('desk.settings.add')}
          </Button>
        </Group>
      </form>
      {generalError ? <ProblemAlert error={generalError} /> : null}
      {change.error ? <ProblemAlert error={change.error} /> : null}
      <DataTable
        testId={`settings-${kind}`}
        minWidth={480}
        columns={[t('desk.settings.name'), t('desk.settings.state')]}
        withActions
        loading={loading}
        error={error}
        empty={{ when: entries?.length === 0, text: t('desk.settings.empty') }}
      >
        {(entries ?? []).map((entry) => (
          <Table.Tr key={entry.id} data-testid={`settings-${kind}-row`} data-name={entry.name}>
            <Table.Td>{entry.name}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={entry.active ? 'green' : 'gray'}>
                {entry.active ? t('desk.settings.active') : t('desk.settings.retired')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {rowActions?.(entry)}
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setRenaming(entry)}
                  aria-label={t('desk.settings.renameOne', { name: entry.name })}
                >
                  {t('desk.settings.rename')}
                </Button>
                <Button
                  variant="subtle"
                  size="xs"
                  color={entry.active ? 'red' : 'green'}
                  onClick={() => change.mutate({ id: entry.id, active: !entry.active })}
                  aria-label={t(entry.active ? 'desk.settings.retireOne' : 'desk.settings.reactivateOne', {
                    name: entry.name,
                  })}
                  data-testid="settings-toggle-active"
                >
                  {entry.active ? t('desk.settings.retire') : t('desk.settings.reactivate')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FormModal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={t('desk.settings.rename')}
        size="md"
      >
        {renaming ? <RenameForm kind={kind} entry={renaming} onDone={() => setRenaming(null)} /> : null}
      </FormModal>
    </Stack>
  );
}

function RenameForm({ kind, entry, onDone }: { kind: DeskListKind; entry: DeskListEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeListEntry(kind);
  const form = useForm({ name: entry.name }, change.error, { codeFields: { 'desk.name_taken': 'name' } });
  return (
    <ModalForm
      onSubmit={() => change.mutate({ id: entry.id, name: form.values.name.trim() }, { onSuccess: onDone })}
      onCancel={onDone}
      error={form.generalError}
      submitLabel={t('common.save')}
      submitTestId="settings-rename-save"
      submitting={change.isPending}
    >
      <TextInput label={t('desk.settings.name')} maxLength={80} data-autofocus {...form.text('name')} />
    </ModalForm>
  );
}
