import { type IncidentDetail, type IncidentStatus, incidentTransitions } from '@kontor/contracts';
import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { hasPermission, useMe } from '../../auth/api/session';
import { useChangeStatus, useDeskLive, useIncident } from '../api/desk-api';
import { CommentBox } from '../components/comment-box';
import { IncidentAttachments } from '../components/incident-attachments';
import { PriorityBadge, StatusBadge } from '../components/incident-badges';
import { IncidentFields } from '../components/incident-fields';
import { Timeline } from '../components/timeline';
import { SlaBadges } from '../sla/sla-badges';

/** The button's words: going back to work from resolved or closed is a reopen. */
const transitionKey = (from: IncidentStatus, to: IncidentStatus) =>
  to === 'in_progress' && (from === 'resolved' || from === 'closed') ? 'reopen' : to;

export function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const agent = hasPermission(me, 'desk.agent');
  useDeskLive(agent);
  const incident = useIncident(id);
  if (incident.isPending) return <PageLoader />;
  if (incident.error) return <ProblemAlert error={incident.error} />;
  const data = incident.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={agent ? '/desk' : '/desk/my'} size="sm">
        ← {agent ? t('desk.title') : t('desk.my.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text ff="monospace" c="dimmed" size="sm" data-testid="incident-reference">
            {data.reference}
          </Text>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="incident-title">
            {data.title}
          </Title>
        </div>
        <Group gap="xs">
          <StatusBadge status={data.status} />
          <PriorityBadge priority={data.priority} />
          {agent ? <SlaBadges incident={data} /> : null}
        </Group>
      </Group>
      {agent ? <StatusButtons incident={data} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: agent ? 8 : 12 }}>
          <Stack gap="md">
            <Summary incident={data} />
            <Paper withBorder p="md" radius="md">
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="incident-description">
                {data.description || t('desk.noDescription')}
              </Text>
            </Paper>
            <Title order={2} size="h4">
              {t('desk.timeline.title')}
            </Title>
            <Timeline activities={data.timeline} />
            <CommentBox incidentId={data.id} agent={agent} />
            <IncidentAttachments incidentId={data.id} />
          </Stack>
        </Grid.Col>
        {agent ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md" radius="md">
              <IncidentFields key={data.updatedAt} incident={data} />
            </Paper>
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}

function Summary({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: Array<[string, string]> = [
    [t('desk.field.requester'), [incident.requester.name, incident.requester.email].filter(Boolean).join(' · ')],
    [t('desk.field.created'), format.dateTime(incident.createdAt)],
    [t('desk.field.assignee'), incident.assignee?.name ?? '—'],
    [t('desk.field.category'), incident.category?.name ?? '—'],
  ];
  if (incident.resolvedAt) rows.push([t('desk.field.resolved'), format.dateTime(incident.resolvedAt)]);
  return (
    <Group gap="xl" wrap="wrap">
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </div>
      ))}
    </Group>
  );
}

function StatusButtons({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const change = useChangeStatus(incident.id);
  return (
    <div>
      <ProblemAlert error={change.error} />
      <Group gap="xs" data-testid="status-buttons">
        {incidentTransitions[incident.status].map((to) => (
          <Button
            key={to}
            size="xs"
            variant={to === 'resolved' ? 'filled' : 'light'}
            color={to === 'resolved' ? 'green' : undefined}
            loading={change.isPending && change.variables?.status === to}
            onClick={() => change.mutate({ status: to })}
            data-testid={`status-${to}`}
          >
            {t(`desk.transition.${transitionKey(incident.status, to)}`)}
          </Button>
        ))}
      </Group>
    </div>
  );
}
