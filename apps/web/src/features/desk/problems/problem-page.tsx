import type { ProblemDetail } from '@kontor/contracts';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../../app/data-table';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDeskLive } from '../api/desk-api';
import { StatusBadge } from '../components/incident-badges';
import { ExportBadge, ProblemStatusBadge } from './problem-badges';
import { useCloseProblem, useExportProblem, useProblem, useUnlinkIncident } from './problems-api';

/** A problem: its incidents with their statuses, its history, closing it and exporting it. */
export function ProblemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDeskLive();
  const problem = useProblem(id);
  const exporting = useExportProblem(id);
  const [closing, setClosing] = useState(false);
  if (problem.isPending) return <PageLoader />;
  if (problem.error) return <ProblemAlert error={problem.error} />;
  const data = problem.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/desk/problems" size="sm">
        ← {t('desk.problems.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text ff="monospace" c="dimmed" size="sm" data-testid="problem-reference">
            {data.reference}
          </Text>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="problem-title">
            {data.title}
          </Title>
        </div>
        <Group gap="xs">
          <ProblemStatusBadge status={data.status} />
          <ExportBadge state={data.export} />
        </Group>
      </Group>
      <Group gap="sm">
        {data.status === 'open' ? (
          <Button onClick={() => setClosing(true)} data-testid="problem-close">
            {t('desk.problems.close')}
          </Button>
        ) : null}
        <Button
          variant="default"
          onClick={() => exporting.mutate(undefined)}
          loading={exporting.isPending}
          data-testid="problem-export"
        >
          {t('desk.problems.exportButton')}
        </Button>
      </Group>
      {exporting.error ? <ProblemAlert error={exporting.error} /> : null}
      <ExportState problem={data} />
      {data.description ? (
        <Paper withBorder p="md" radius="md">
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.description}</Text>
        </Paper>
      ) : null}
      {data.resolution ? (
        <Paper withBorder p="md" radius="md" data-testid="problem-resolution">
          <Text fw={600} size="sm">
            {t('desk.problems.resolution')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.resolution}</Text>
        </Paper>
      ) : null}
      <LinkedIncidents problem={data} />
      <History problem={data} />
      <FormModal opened={closing} onClose={() => setClosing(false)} title={t('desk.problems.close')}>
        <CloseForm id={data.id} count={data.openIncidentCount} onDone={() => setClosing(false)} />
      </FormModal>
    </Stack>
  );
}

function ExportState({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = problem.export;
  if (!state) return null;
  return (
    <Text size="sm" c={state.status === 'failed' ? 'red' : 'dimmed'} data-testid="problem-export-state">
      {t('desk.problems.exportState', {
        status: t(`desk.problems.export.${state.status}`),
        when: format.dateTime(state.sentAt ?? state.requestedAt),
        count: state.attempts,
      })}
      {state.lastError ? ` — ${state.lastError}` : ''}
    </Text>
  );
}

function LinkedIncidents({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const unlink = useUnlinkIncident(problem.id);
  const open = problem.status === 'open';
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('desk.problems.incidents')}
      </Title>
      {unlink.error ? <ProblemAlert error={unlink.error} /> : null}
      <DataTable
        testId="problem-incidents"
        columns={[
          t('desk.field.number'),
          t('desk.field.title'),
          t('desk.field.status'),
          t('desk.field.requester'),
          ...(open ? [{ label: t('desk.problems.unlink'), hidden: true }] : []),
        ]}
        minWidth={640}
        loading={false}
        error={null}
        empty={{ when: problem.incidents.length === 0, text: t('desk.problems.noIncidents') }}
      >
        {problem.incidents.map((incident) => (
          <Table.Tr key={incident.id} data-testid="problem-incident-row" data-id={incident.id}>
            <Table.Td>
              <Anchor component={Link} to={`/desk/incidents/${incident.id}`} ff="monospace" size="sm">
                {incident.reference}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{incident.title}</Table.Td>
            <Table.Td>
              <StatusBadge status={incident.status} />
            </Table.Td>
            <Table.Td>{incident.requesterName}</Table.Td>
            {open ? (
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => unlink.mutate(incident.id)}
                  aria-label={`${t('desk.problems.unlink')} ${incident.reference}`}
                >
                  {t('desk.problems.unlink')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

function History({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {t('desk.problems.history')}
      </Title>
      {problem.timeline.map((entry) => (
        <Text size="sm" key={entry.id} data-testid="problem-history-entry">
          <Text span c="dimmed">
            {format.dateTime(entry.at)}
          </Text>{' '}
          {t(`desk.problems.activity.${entry.kind}`, { actor: entry.actor.name, incident: entry.incidentReference })}
        </Text>
      ))}
    </Stack>
  );
}

function CloseForm({ id, count, onDone }: { id: string; count: number; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useCloseProblem(id);
  const form = useForm({ resolution: '' }, close.error);
  return (
    <ModalForm
      onSubmit={() => close.mutate(form.values.resolution, { onSuccess: onDone })}
      onCancel={onDone}
      error={form.generalError}
      submitLabel={t('desk.problems.close')}
      submitTestId="problem-close-submit"
      submitting={close.isPending}
    >
      <Text size="sm">{t('desk.problems.closeExplain', { count })}</Text>
      <Textarea
        label={t('desk.problems.resolution')}
        required
        autosize
        minRows={4}
        maxLength={20_000}
        data-testid="problem-resolution-input"
        {...form.text('resolution')}
      />
    </ModalForm>
  );
}
