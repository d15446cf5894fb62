import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../api/bundles-api';
import type { UploadState } from '../api/use-bundle-upload';

/** How much of the file has reached the node, then that the node is checking and merging it. */
export function UploadProgress({ state }: { state: UploadState }) {
  const { t, i18n } = useTranslation();
  if (state.phase !== 'sending' && state.phase !== 'checking') return null;
  const checking = state.phase === 'checking';
  const fraction = checking ? 1 : state.total > 0 ? state.sent / state.total : 0;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(Math.floor(fraction * 100) / 100);
  return (
    <Stack gap={4} data-testid="bundle-upload" data-phase={state.phase}>
      <Progress
        value={fraction * 100}
        size="lg"
        striped={checking}
        animated={checking}
        aria-label={t('bundles.import.progressLabel')}
        data-testid="bundle-upload-progress"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {checking
          ? t('bundles.import.checking')
          : t('bundles.import.sending', {
              sent: formatBytes(i18n.language, state.sent),
              total: formatBytes(i18n.language, state.total),
              percent,
            })}
      </Text>
    </Stack>
  );
}
