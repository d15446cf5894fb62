import { Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while an enrolled workstation loads the organisation's data; the page above asks until it is there. */
export function FirstRunProgress() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" data-testid="first-run-loading">
      <Group gap="sm" wrap="nowrap">
        <Loader size="sm" aria-hidden="true" />
        <Text fw={500}>{t('firstRun.loadingTitle')}</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('firstRun.loadingText')}
      </Text>
    </Stack>
  );
}
