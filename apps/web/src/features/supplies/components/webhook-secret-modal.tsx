import type { WebhookCreated } from '@kontor/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretOnceModal } from '../../../app/secret-once-modal';

interface WebhookSecretModalProps {
  webhook: WebhookCreated | null;
  onClose: () => void;
}

/** The signing secret is in the creation's answer only: the hub never shows it again. */
export function WebhookSecretModal({ webhook, onClose }: WebhookSecretModalProps) {
  const { t } = useTranslation();
  return (
    <SecretOnceModal
      secret={webhook?.secret ?? null}
      title={t('supplies.webhooks.secret.title')}
      warningTitle={t('supplies.webhooks.secret.warningTitle')}
      warning={t('supplies.webhooks.secret.warning')}
      testId="webhook-secret"
      onClose={onClose}
    >
      {webhook ? (
        <>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('supplies.webhooks.secret.for', { url: webhook.url })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('supplies.webhooks.secret.howTo')}
          </Text>
        </>
      ) : null}
    </SecretOnceModal>
  );
}
