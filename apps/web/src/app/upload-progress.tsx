import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes, type UploadState } from './file-upload';

/** Where a feature keeps the wording of its upload: `progressLabel`, `sending`, `checking`. */
export type UploadTexts =
  | 'bundles.import'
  | 'directoryImport.file'
  | 'desk.attachments.upload'
  | 'catalogAdmin.media.upload'
  | 'catalogAdmin.csv.file';

interface UploadProgressProps {
  state: UploadState<unknown>;
  texts: UploadTexts;
  /** Prefix of the test ids: `<testId>-upload` and `<testId>-upload-progress`. */
  testId: string;
}

/** How much of the file has reached the node, then that the node is reading it. */
export function UploadProgress({ state, texts, testId }: UploadProgressProps) {
  const { t, i18n } = useTranslation();
  if (state.phase !== 'sending' && state.phase !== 'checking') return null;
  const checking = state.phase === 'checking';
  const fraction = checking ? 1 : state.total > 0 ? state.sent / state.total : 0;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(Math.floor(fraction * 100) / 100);
  return (
    <Stack gap={4} data-testid={`${testId}-upload`} data-phase={state.phase}>
      <Progress
        value={fraction * 100}
        size="lg"
        striped={checking}
        animated={checking}
        aria-label={t(`${texts}.progressLabel`)}
        data-testid={`${testId}-upload-progress`}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {checking
          ? t(`${texts}.checking`)
          : t(`${texts}.sending`, {
              sent: formatBytes(i18n.language, state.sent),
              total: formatBytes(i18n.language, state.total),
              percent,
            })}
      </Text>
    </Stack>
  );
}
