import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localeNames } from '../../../app/i18n/i18n';
import type { VisitorEntry } from '../api/types';

export const guestName = (entry: Pick<VisitorEntry, 'firstName' | 'lastName'>) =>
  `${entry.firstName} ${entry.lastName}`.trim();

/** Who the guest is, as they typed it (React escapes it): name, company, host, purpose and where it came from. */
export function GuestLine({ entry }: { entry: VisitorEntry }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="lg" data-testid="guest-name" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
          {guestName(entry)}
        </Text>
        {entry.invited ? (
          <Badge variant="light" color="teal" tt="none">
            {t('visitors.entry.invited')}
          </Badge>
        ) : null}
        {entry.locale ? (
          <Badge variant="outline" color="gray" tt="none" title={t('visitors.entry.locale')}>
            {localeNames[entry.locale]}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" data-testid="guest-company" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
        {entry.company || t('visitors.entry.noCompany')}
      </Text>
      <Text size="sm" c="dimmed" data-testid="guest-host" style={{ overflowWrap: 'anywhere' }}>
        {t('visitors.entry.hostLine', { host: entry.hostName ?? t('visitors.entry.noHost') })}
      </Text>
      {entry.purpose ? (
        <Text
          size="sm"
          c="dimmed"
          data-testid="guest-purpose"
          style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}
        >
          {t('visitors.entry.purposeLine', { purpose: entry.purpose })}
        </Text>
      ) : null}
    </div>
  );
}
