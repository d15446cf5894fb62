import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../api/types';

type Hour = Overview['timeline'][number];

/** Office hours are always shown; a visit outside them widens the range. */
const FIRST_HOUR = 7;
const LAST_HOUR = 18;

export function timelineHours(timeline: readonly Hour[]): Hour[] {
  const busy = timeline.filter((hour) => hour.arrivals > 0 || hour.departures > 0).map((hour) => hour.hour);
  const first = Math.min(FIRST_HOUR, ...busy);
  const last = Math.max(LAST_HOUR, ...busy);
  const byHour = new Map(timeline.map((hour) => [hour.hour, hour]));
  return Array.from(
    { length: last - first + 1 },
    (_, index) => byHour.get(first + index) ?? { hour: first + index, arrivals: 0, departures: 0 },
  );
}

/**
 * Today's arrivals and departures per hour as plain CSS bars (no chart library), each with its count; the text
 * stays its own size on a phone. The picture is for the eye; screen readers get the same figures as a table.
 */
export function TimelineChart({ timeline }: { timeline: readonly Hour[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const hours = timelineHours(timeline);
  const top = Math.max(1, ...hours.map((hour) => Math.max(hour.arrivals, hour.departures)));
  // Two digits, 24-hour: narrow enough for a phone in every language.
  const hourFormat = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', hourCycle: 'h23' });
  const hourLabel = (hour: number) => hourFormat.format(new Date(2000, 0, 1, hour));
  const bar = (kind: 'arrivals' | 'departures', hour: Hour) => {
    const value = hour[kind];
    return (
      <div className="visitors-chart-slot" title={`${hourLabel(hour.hour)}: ${t(`visitors.panel.${kind}`)} ${value}`}>
        {value > 0 ? <span className="visitors-chart-value">{value}</span> : null}
        <div className={`visitors-chart-bar ${kind}`} style={{ height: `${(value / top) * 100}%` }} />
      </div>
    );
  };

  return (
    <figure style={{ margin: 0 }} data-testid="visitors-timeline">
      <figcaption id={captionId}>
        <Group gap="md" mb="sm">
          <Text fw={600}>{t('visitors.panel.timeline')}</Text>
          <Text size="sm">
            <span className="visitors-legend-swatch arrivals" />
            {t('visitors.panel.arrivals')}
          </Text>
          <Text size="sm">
            <span className="visitors-legend-swatch departures" />
            {t('visitors.panel.departures')}
          </Text>
        </Group>
      </figcaption>
      <div className="visitors-chart" aria-hidden="true">
        {hours.map((hour) => (
          <div key={hour.hour} className="visitors-chart-hour">
            <div className="visitors-chart-bars">
              {bar('arrivals', hour)}
              {bar('departures', hour)}
            </div>
            <span className="visitors-chart-label">{hourLabel(hour.hour)}</span>
          </div>
        ))}
      </div>
      <VisuallyHidden>
        <Table aria-labelledby={captionId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('visitors.panel.hour')}</Table.Th>
              <Table.Th scope="col">{t('visitors.panel.arrivals')}</Table.Th>
              <Table.Th scope="col">{t('visitors.panel.departures')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hours.map((hour) => (
              <Table.Tr key={hour.hour}>
                <Table.Th scope="row">{hourLabel(hour.hour)}</Table.Th>
                <Table.Td>{hour.arrivals}</Table.Td>
                <Table.Td>{hour.departures}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
