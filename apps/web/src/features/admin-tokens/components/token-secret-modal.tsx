import type { ApiTokenCreated } from '@kontor/contracts';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface TokenSecretModalProps {
  token: ApiTokenCreated | null;
  onClose: () => void;
}

/** The secret exists in this answer only: the server keeps its hash, so this is the one chance to copy it. */
export function TokenSecretModal({ token, onClose }: TokenSecretModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('tokens.secret.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      {token ? (
        <Stack gap="md">
          <Alert color="yellow" title={t('tokens.secret.warningTitle')} role="alert">
            {t('tokens.secret.warning')}
          </Alert>
          <Text size="sm">{t('tokens.secret.for', { name: token.name, username: token.username })}</Text>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {token.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={token.secret}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="token-secret-copy">
                  {copied ? t('tokens.secret.copied') : t('tokens.secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose} data-testid="token-secret-close">
              {t('tokens.secret.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
