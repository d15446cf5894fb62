import { Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import type { usePromoteNode } from '../api/sync-api';

interface PromoteNodeButtonProps {
  /** Owned by the panel: once it succeeds this node is the hub, and this button is gone with the workstation. */
  promote: ReturnType<typeof usePromoteNode>;
}

/** "Make this node the hub", asked first in plain words: it changes every node of the cluster. */
export function PromoteNodeButton({ promote }: PromoteNodeButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const cancel = () => {
    setOpened(false);
    promote.reset();
  };
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)} data-testid="node-promote">
        {t('nodes.promote.action')}
      </Button>
      <ConfirmModal
        opened={opened}
        title={t('nodes.promote.title')}
        confirmLabel={t('nodes.promote.confirm')}
        onClose={cancel}
        onConfirm={() => promote.mutate()}
        loading={promote.isPending}
        error={promote.error}
      >
        <Stack gap="xs" data-testid="node-promote-consequences">
          <Text size="sm" fw={500}>
            {t('nodes.promote.intro')}
          </Text>
          <List size="sm" spacing={6}>
            <List.Item>{t('nodes.promote.becomesHub')}</List.Item>
            <List.Item>{t('nodes.promote.othersFollow')}</List.Item>
            <List.Item>{t('nodes.promote.oldHub')}</List.Item>
          </List>
        </Stack>
      </ConfirmModal>
    </>
  );
}
