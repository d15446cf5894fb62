import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
}

/** Asks before a destructive action; focus starts on Cancel so Enter does not destroy by accident. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack gap="md">
        {/* A div, so an explanation may hold paragraphs or a list as well as a sentence. */}
        <Text size="sm" component="div">
          {props.children}
        </Text>
        {props.error ? <ProblemAlert error={props.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={props.onConfirm} loading={props.loading} data-testid="confirm-submit">
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
