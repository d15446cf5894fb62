import { Button, Code, CopyButton, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { Enrollment } from '../api/sync-api';

interface EnrollmentCodeModalProps {
  enrollment: Enrollment | null;
  onClose: () => void;
}

/** The command a workstation is started with once, to join this hub with the code. */
export function enrollCommand(hubUrl: string, code: string) {
  return `kontor start --role client --upstream ${hubUrl} --enroll ${code}`;
}

/** A one-time code, for the operator to type on the new workstation; it works once, within 24 hours. */
export function EnrollmentCodeModal({ enrollment, onClose }: EnrollmentCodeModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const command = enrollment ? enrollCommand(window.location.origin, enrollment.code) : '';
  return (
    <Modal
      opened={enrollment !== null}
      onClose={onClose}
      title={t('nodes.enrollment.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      {enrollment ? (
        <Stack gap="md" data-testid="enrollment-modal">
          <Text size="sm">{t('nodes.enrollment.intro')}</Text>
          <Paper withBorder p="md" ta="center">
            <Text
              ff="monospace"
              fw={700}
              fz={{ base: 24, sm: 32 }}
              lts={2}
              style={{ wordBreak: 'break-all', userSelect: 'all' }}
              data-testid="enrollment-code"
            >
              {enrollment.code}
            </Text>
            <Text size="sm" c="dimmed" mt="xs" data-testid="enrollment-expires">
              {t('nodes.enrollment.expires', { time: format.dateTime(enrollment.expiresAt) })}
            </Text>
          </Paper>
          <CopyButton value={enrollment.code}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="enrollment-code-copy">
                {copied ? t('nodes.enrollment.copied') : t('nodes.enrollment.copyCode')}
              </Button>
            )}
          </CopyButton>
          <Text size="sm">{t('nodes.enrollment.commandIntro')}</Text>
          <Code block data-testid="enrollment-command" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {command}
          </Code>
          <Group justify="space-between">
            <CopyButton value={command}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : 'blue'}
                  onClick={copy}
                  data-testid="enrollment-command-copy"
                >
                  {copied ? t('nodes.enrollment.copied') : t('nodes.enrollment.copyCommand')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose} data-testid="enrollment-done">
              {t('nodes.enrollment.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
