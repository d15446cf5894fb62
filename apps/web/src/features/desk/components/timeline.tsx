import type { Activity, IncidentPriority, IncidentStatus } from '@kontor/contracts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

/** A changed value as people read it: statuses and priorities in the user's language, the rest as stored. */
function shown(t: TFunction, field: string | null, value: string | null) {
  if (value === null) return t('desk.timeline.nothing');
  if (field === 'status') return t(`desk.status.${value as IncidentStatus}`);
  if (field === 'priority') return t(`desk.priority.${value as IncidentPriority}`);
  return value;
}

/** The incident's history: public replies, internal notes (visibly apart) and changes, oldest first. */
export function Timeline({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" data-testid="incident-timeline">
      {activities.map((activity) =>
        activity.kind === 'comment' ? (
          <Paper
            key={activity.id}
            withBorder
            p="sm"
            radius="md"
            data-testid="timeline-comment"
            data-internal={activity.internal || undefined}
            bg={activity.internal ? 'var(--mantine-color-yellow-0)' : undefined}
            style={
              activity.internal ? { borderColor: 'var(--mantine-color-yellow-5)', borderStyle: 'dashed' } : undefined
            }
          >
            <Group justify="space-between" mb={4} gap="xs">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {activity.actor.name}
                </Text>
                <Badge size="sm" tt="none" variant="light" color={activity.internal ? 'yellow' : 'blue'}>
                  {activity.internal ? t('desk.timeline.internal') : t('desk.timeline.public')}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {format.dateTime(activity.at)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {activity.body}
            </Text>
          </Paper>
        ) : (
          <Group key={activity.id} gap="xs" px="sm" data-testid="timeline-change" wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {activity.from === null && activity.field === 'status'
                ? t('desk.timeline.reported', { name: activity.actor.name })
                : activity.field === 'description'
                  ? t('desk.timeline.changedText', {
                      name: activity.actor.name,
                      field: t(`desk.field.${activity.field}`).toLocaleLowerCase(),
                    })
                  : t('desk.timeline.changed', {
                      name: activity.actor.name,
                      field: t(`desk.field.${(activity.field ?? 'title') as 'title'}`).toLocaleLowerCase(),
                      from: shown(t, activity.field, activity.from),
                      to: shown(t, activity.field, activity.to),
                    })}
              {' · '}
              {format.dateTime(activity.at)}
            </Text>
          </Group>
        ),
      )}
    </Stack>
  );
}
