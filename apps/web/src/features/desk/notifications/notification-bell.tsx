import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import { hasPermission, useMe, useNodeInfo } from '../../auth/api/session';
import { useMarkRead, useNotifications } from './notifications-api';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}

/** The header's bell: the unread count, live, and the newest notifications, each leading to its incident. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  // The desk lives on the hub: a workstation has no notifications to show (its routes answer 409 hub_only).
  const enabled = node?.role === 'server' && (hasPermission(me, 'desk.agent') || hasPermission(me, 'desk.request'));
  const [opened, setOpened] = useState(false);
  const page = useNotifications(enabled);
  const markRead = useMarkRead();
  if (!enabled) return null;
  const unread = page.data?.unread ?? 0;
  const notifications = page.data?.notifications ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} withinPortal shadow="md">
      <Popover.Target>
        <Indicator
          label={unread}
          size={18}
          disabled={unread === 0}
          offset={4}
          data-testid="notification-count"
          data-count={unread}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => setOpened((open) => !open)}
            aria-label={t('desk.notifications.bell', { count: unread })}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('desk.notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markRead.mutate('all')}>
            {t('desk.notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={400}>
          {notifications.length === 0 ? (
            <Text c="dimmed" size="sm" p="xs">
              {t('desk.notifications.empty')}
            </Text>
          ) : (
            <Stack gap={4} data-testid="notification-list">
              {notifications.map((notification) => (
                <UnstyledButton
                  key={notification.id}
                  p="xs"
                  data-testid="notification-item"
                  data-unread={notification.readAt === null}
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: notification.readAt ? undefined : 'var(--mantine-color-blue-light)',
                  }}
                  onClick={() => {
                    if (!notification.readAt) markRead.mutate(notification.id);
                    setOpened(false);
                    navigate(`/desk/incidents/${notification.incidentId}`);
                  }}
                >
                  <Text size="sm" fw={notification.readAt ? 400 : 600}>
                    {t(`desk.notifications.event.${notification.event}`)}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Text span ff="monospace" size="xs" c="dimmed">
                      {notification.reference}
                    </Text>{' '}
                    {notification.title}
                  </Text>
                  {notification.excerpt ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {notification.actorName ? `${notification.actorName}: ` : ''}
                      {notification.excerpt}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed" title={format.dateTime(notification.createdAt)}>
                    {format.relativeTime(notification.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Anchor component={Link} to="/desk/notifications" size="sm" onClick={() => setOpened(false)}>
          {t('desk.notifications.settingsLink')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
