import type { Calendar } from '@kontor/contracts';
import { Button, Checkbox, Group, Paper, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { type CalendarDraft, useSaveCalendar } from './sla-api';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const OFFICE = { open: '08:00', close: '17:00' };
export const NEW_CALENDAR: CalendarDraft = {
  name: '',
  timeZone: 'Europe/Stockholm',
  hours: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, null, null],
  holidays: [],
};

/** One calendar: name, zone, opening hours per weekday, holidays one date per line. */
export function CalendarForm({ calendar, onSaved }: { calendar: Calendar | CalendarDraft; onSaved?: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCalendar();
  const [draft, setDraft] = useState<CalendarDraft>(calendar);
  const [holidays, setHolidays] = useState(calendar.holidays.join('\n'));
  const setDay = (index: number, hours: CalendarDraft['hours'][number]) =>
    setDraft((current) => ({ ...current, hours: current.hours.map((day, i) => (i === index ? hours : day)) }));
  const submit = () =>
    save.mutate(
      {
        ...draft,
        id: 'id' in calendar ? calendar.id : undefined,
        holidays: holidays
          .split(/\s+/)
          .map((line) => line.trim())
          .filter(Boolean),
      },
      { onSuccess: onSaved },
    );
  return (
    <Paper withBorder p="md" radius="md" data-testid="calendar-form">
      <Stack gap="sm">
        <Group grow>
          <TextInput
            label={t('desk.sla.calendar.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('desk.sla.calendar.timeZone')}
            value={draft.timeZone}
            onChange={(e) => setDraft({ ...draft, timeZone: e.currentTarget.value })}
          />
        </Group>
        <Table>
          <Table.Tbody>
            {WEEKDAYS.map((weekday, index) => {
              const hours = draft.hours[index] ?? null;
              return (
                <Table.Tr key={weekday}>
                  <Table.Td w={140}>
                    <Checkbox
                      label={t(`desk.sla.weekday.${weekday}`)}
                      checked={hours !== null}
                      onChange={(e) => setDay(index, e.currentTarget.checked ? OFFICE : null)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {hours ? (
                      <Group gap="xs">
                        <TextInput
                          size="xs"
                          w={80}
                          aria-label={t('desk.sla.calendar.open')}
                          value={hours.open}
                          onChange={(e) => setDay(index, { ...hours, open: e.currentTarget.value })}
                        />
                        –
                        <TextInput
                          size="xs"
                          w={80}
                          aria-label={t('desk.sla.calendar.close')}
                          value={hours.close}
                          onChange={(e) => setDay(index, { ...hours, close: e.currentTarget.value })}
                        />
                      </Group>
                    ) : (
                      t('desk.sla.calendar.closed')
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Textarea
          label={t('desk.sla.calendar.holidays')}
          description={t('desk.sla.calendar.holidaysHint')}
          autosize
          minRows={3}
          maxRows={8}
          value={holidays}
          onChange={(e) => setHolidays(e.currentTarget.value)}
        />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button onClick={submit} loading={save.isPending} data-testid="calendar-save">
            {t('desk.sla.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
