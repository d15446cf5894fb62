import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SecretOnceModalProps {
  /** The secret to show; the dialog is open while it is set. */
  secret: string | null;
  title: string;
  warningTitle: string;
  warning: string;
  /** What the secret is for, and how to use it. */
  children?: ReactNode;
  /** Prefix of the test ids: `<testId>`, `<testId>-copy`, `<testId>-close`. */
  testId: string;
  onClose: () => void;
}

/**
 * A secret the server shows in its answer once and never again (an API token, a webhook's signing key): this is
 * the one chance to copy it, so a click beside the dialog does not close it by accident.
 */
export function SecretOnceModal({
  secret,
  title,
  warningTitle,
  warning,
  children,
  testId,
  onClose,
}: SecretOnceModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {secret !== null ? (
        <Stack gap="md" data-testid={`${testId}-modal`}>
          <Alert color="yellow" title={warningTitle} role="alert">
            {warning}
          </Alert>
          {children}
          <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : 'blue'} onClick={copy} data-testid={`${testId}-copy`}>
                  {copied ? t('secretOnce.copied') : t('secretOnce.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose} data-testid={`${testId}-close`}>
              {t('secretOnce.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
