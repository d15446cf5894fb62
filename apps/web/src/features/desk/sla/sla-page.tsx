import { type IncidentPriority, incidentPriorities, type SlaPolicy } from '@kontor/contracts';
import { Button, Group, NumberInput, Select, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { CalendarForm, NEW_CALENDAR } from './calendar-form';
import { useCalendars, useDeletePolicy, useSavePolicy, useSlaPolicies } from './sla-api';

/** `/desk/sla` (desk admins): business-hours calendars and the SLA targets of each priority. */
export function SlaPage() {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const policies = useSlaPolicies();
  const [adding, setAdding] = useState(false);
  if (calendars.isPending || policies.isPending) return <PageLoader />;
  if (calendars.error || policies.error) return <ProblemAlert error={calendars.error ?? policies.error} />;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title={t('desk.sla.title')}
        action={{ label: t('desk.sla.calendar.add'), testId: 'calendar-add', onClick: () => setAdding(true) }}
      />
      <Title order={2} size="h4">
        {t('desk.sla.policies')}
      </Title>
      <Table withTableBorder data-testid="sla-policies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desk.field.priority')}</Table.Th>
            <Table.Th>{t('desk.sla.calendar.title')}</Table.Th>
            <Table.Th>{t('desk.sla.responseMinutes')}</Table.Th>
            <Table.Th>{t('desk.sla.resolutionMinutes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...incidentPriorities].reverse().map((priority) => (
            <PolicyRow
              key={`${priority}-${JSON.stringify(policies.data.find((p) => p.priority === priority))}`}
              priority={priority}
              policy={policies.data.find((p) => p.priority === priority)}
              calendars={calendars.data.map((c) => ({ value: c.id, label: c.name }))}
            />
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t('desk.sla.calendars')}
      </Title>
      {adding ? <CalendarForm calendar={NEW_CALENDAR} onSaved={() => setAdding(false)} /> : null}
      {calendars.data.map((calendar) => (
        <CalendarForm key={`${calendar.id}-${JSON.stringify(calendar)}`} calendar={calendar} />
      ))}
    </Stack>
  );
}

function PolicyRow(props: {
  priority: IncidentPriority;
  policy: SlaPolicy | undefined;
  calendars: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const save = useSavePolicy();
  const remove = useDeletePolicy();
  const [calendarId, setCalendarId] = useState(props.policy?.calendarId ?? props.calendars[0]?.value ?? null);
  const [response, setResponse] = useState<number | string>(props.policy?.responseMinutes ?? 60);
  const [resolution, setResolution] = useState<number | string>(props.policy?.resolutionMinutes ?? 480);
  const error = save.error ?? remove.error;
  return (
    <>
      <Table.Tr data-priority={props.priority}>
        <Table.Td>{t(`desk.priority.${props.priority}`)}</Table.Td>
        <Table.Td>
          <Select
            size="xs"
            data={props.calendars}
            value={calendarId}
            onChange={setCalendarId}
            aria-label={t('desk.sla.calendar.title')}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            min={1}
            value={response}
            onChange={setResponse}
            aria-label={t('desk.sla.responseMinutes')}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            min={1}
            value={resolution}
            onChange={setResolution}
            aria-label={t('desk.sla.resolutionMinutes')}
          />
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              disabled={!calendarId}
              loading={save.isPending}
              onClick={() =>
                calendarId &&
                save.mutate({
                  priority: props.priority,
                  calendarId,
                  responseMinutes: Number(response),
                  resolutionMinutes: Number(resolution),
                })
              }
            >
              {t('desk.sla.save')}
            </Button>
            {props.policy ? (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(props.priority)}>
                {t('desk.sla.remove')}
              </Button>
            ) : null}
          </Group>
        </Table.Td>
      </Table.Tr>
      {error ? (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <ProblemAlert error={error} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
