import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  /** What the row is called, so a screen reader says which one "Edit" changes. */
  name: string;
  /** `brand` gives the buttons `brand-edit` and `brand-delete`. */
  testId: string;
  onEdit: () => void;
  onDelete: () => void;
  deleteDisabled?: boolean;
}

/** A table row's Edit and Delete buttons. */
export function RowActions(props: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        onClick={props.onEdit}
        aria-label={t('catalogAdmin.editNamed', { name: props.name })}
        data-testid={`${props.testId}-edit`}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        disabled={props.deleteDisabled}
        onClick={props.onDelete}
        aria-label={t('catalogAdmin.deleteNamed', { name: props.name })}
        data-testid={`${props.testId}-delete`}
      >
        {t('common.delete')}
      </Button>
    </Group>
  );
}
