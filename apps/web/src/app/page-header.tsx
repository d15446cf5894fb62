import { Badge, Button, Group, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from './live-events';

interface PageHeaderProps {
  title: string;
  live?: LiveStatus;
  /** The page's main button, e.g. "New user". */
  action?: { label: string; testId: string; onClick: () => void; loading?: boolean };
}

export function PageHeader({ title, live, action }: PageHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center" mb="md" gap="sm">
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {title}
        </Title>
        {live ? (
          <Tooltip label={live === 'open' ? t('live.onHint') : t('live.offHint')}>
            <Badge
              variant="dot"
              color={live === 'open' ? 'green' : 'gray'}
              data-testid="live-status"
              data-status={live}
              tabIndex={0}
            >
              {live === 'open' ? t('live.on') : t('live.off')}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      {action ? (
        <Button data-testid={action.testId} onClick={action.onClick} loading={action.loading}>
          {action.label}
        </Button>
      ) : null}
    </Group>
  );
}
