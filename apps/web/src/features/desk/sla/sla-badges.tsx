import { type Incident, type SlaClock, slaClocks } from '@kontor/contracts';
import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

const COLORS: Record<SlaClock['state'], string> = { running: 'teal', paused: 'gray', met: 'green', breached: 'red' };
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours" / "2 days ago": the largest whole unit, both ways (the app's relativeTime looks back only). */
function dueIn(language: string, iso: string, now: number): string {
  const difference = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS)
    if (Math.abs(difference) >= size) return format.format(Math.trunc(difference / size), unit);
  return format.format(Math.trunc(difference / 60_000), 'minute');
}

type SlaFields = Pick<
  Incident,
  'responseDueAt' | 'resolutionDueAt' | 'slaPausedSince' | 'firstResponseAt' | 'resolvedAt' | 'status'
>;

function ClockBadge({ which, clock }: { which: 'response' | 'resolution'; clock: SlaClock }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // Only a running clock says when; an overdue one says so in red, with the due time on hover.
  const when = clock.state === 'running' ? dueIn(i18n.language, clock.dueAt, Date.now()) : '';
  return (
    <Tooltip label={t('desk.sla.dueAt', { when: format.dateTime(clock.dueAt) })}>
      <Badge
        color={COLORS[clock.state]}
        variant={clock.state === 'breached' ? 'filled' : 'light'}
        tt="none"
        data-testid={`sla-${which}`}
        data-state={clock.state}
      >
        {t(`desk.sla.clock.${which}`)}: {t(`desk.sla.state.${clock.state}`, { when })}
      </Badge>
    </Tooltip>
  );
}

/** Both SLA clocks of an incident, coloured by where they stand; nothing when no policy applies. */
export function SlaBadges({ incident, compact = false }: { incident: SlaFields; compact?: boolean }) {
  const { response, resolution } = slaClocks(incident, new Date());
  // In a list only the clock that matters now: the response until it is answered, then the resolution.
  const responseOpen = response?.state === 'running' || response?.state === 'breached';
  const shown: Array<['response' | 'resolution', SlaClock | null]> = compact
    ? [responseOpen ? ['response', response] : ['resolution', resolution]]
    : [
        ['response', response],
        ['resolution', resolution],
      ];
  const clocks = shown.filter((entry): entry is ['response' | 'resolution', SlaClock] => entry[1] !== null);
  if (clocks.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {clocks.map(([which, clock]) => (
        <ClockBadge key={which} which={which} clock={clock} />
      ))}
    </Group>
  );
}
