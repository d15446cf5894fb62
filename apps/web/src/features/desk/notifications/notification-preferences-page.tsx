import type { NotificationEvent } from '@kontor/contracts';
import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useNotificationPreferences, useSaveNotificationPreferences } from './notifications-api';

type Choice = { event: NotificationEvent; inApp: boolean; email: boolean };

/** `/desk/notifications`: which events reach me, in the app and by e-mail (a table of checkboxes). */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    if (preferences.data) setChoices(preferences.data.preferences);
  }, [preferences.data]);
  if (preferences.isPending) return <PageLoader />;
  if (preferences.error) return <ProblemAlert error={preferences.error} />;
  const toggle = (event: NotificationEvent, channel: 'inApp' | 'email', value: boolean) =>
    setChoices((current) =>
      current.map((choice) => (choice.event === event ? { ...choice, [channel]: value } : choice)),
    );
  const changed = JSON.stringify(choices) !== JSON.stringify(preferences.data.preferences);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('desk.notifications.preferences.title')} />
      {preferences.data.emailAddress ? (
        <Text size="sm" c="dimmed">
          {t('desk.notifications.preferences.emailTo', { address: preferences.data.emailAddress })}
        </Text>
      ) : (
        <Alert color="yellow">{t('desk.notifications.preferences.noEmail')}</Alert>
      )}
      <Table withTableBorder data-testid="notification-preferences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desk.notifications.preferences.event')}</Table.Th>
            <Table.Th ta="center">{t('desk.notifications.preferences.inApp')}</Table.Th>
            <Table.Th ta="center">{t('desk.notifications.preferences.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {choices.map((choice) => {
            const label = t(`desk.notifications.event.${choice.event}`);
            return (
              <Table.Tr key={choice.event} data-event={choice.event}>
                <Table.Td>
                  <Text size="sm">{label}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`desk.notifications.hint.${choice.event}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="center">
                    <Checkbox
                      checked={choice.inApp}
                      onChange={(e) => toggle(choice.event, 'inApp', e.currentTarget.checked)}
                      aria-label={`${label}: ${t('desk.notifications.preferences.inApp')}`}
                      data-testid={`pref-${choice.event}-inApp`}
                    />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group justify="center">
                    <Checkbox
                      checked={choice.email}
                      onChange={(e) => toggle(choice.event, 'email', e.currentTarget.checked)}
                      aria-label={`${label}: ${t('desk.notifications.preferences.email')}`}
                      data-testid={`pref-${choice.event}-email`}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Group>
        <Button
          onClick={() => save.mutate(choices)}
          loading={save.isPending}
          disabled={!changed}
          data-testid="pref-save"
        >
          {t('desk.notifications.preferences.save')}
        </Button>
        {save.isSuccess && !changed ? (
          <Text size="sm" c="green" data-testid="pref-saved">
            {t('desk.notifications.preferences.saved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
