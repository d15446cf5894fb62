import type { UserSummary } from '@kontor/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

export function UserStatusBadges({ user }: { user: Pick<UserSummary, 'disabled' | 'locked' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!user.disabled && !user.locked) {
    return (
      <Badge color="green" variant="light">
        {t('users.status.active')}
      </Badge>
    );
  }
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="gray" variant="filled">
          {t('users.status.disabled')}
        </Badge>
      ) : null}
      {user.locked ? (
        <Badge color="orange" variant="light" data-testid="user-locked-until">
          {user.lockedUntil
            ? t('users.status.lockedUntil', { time: format.dateTime(user.lockedUntil) })
            : t('users.status.locked')}
        </Badge>
      ) : null}
    </Group>
  );
}
