import type { ApiTokenCreated } from '@kontor/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretOnceModal } from '../../../app/secret-once-modal';

interface TokenSecretModalProps {
  token: ApiTokenCreated | null;
  onClose: () => void;
}

/** The secret exists in this answer only: the server keeps its hash, so this is the one chance to copy it. */
export function TokenSecretModal({ token, onClose }: TokenSecretModalProps) {
  const { t } = useTranslation();
  return (
    <SecretOnceModal
      secret={token?.secret ?? null}
      title={t('tokens.secret.title')}
      warningTitle={t('tokens.secret.warningTitle')}
      warning={t('tokens.secret.warning')}
      testId="token-secret"
      onClose={onClose}
    >
      {token ? <Text size="sm">{t('tokens.secret.for', { name: token.name, username: token.username })}</Text> : null}
    </SecretOnceModal>
  );
}
