import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Edit and Delete for one record, named for screen readers ("Edit Märta Sjöberg"). */
export function EditButtons({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-print="hide" style={{ flexShrink: 0 }}>
      <Button size="compact-xs" variant="default" onClick={onEdit} aria-label={t('directory.edit.editNamed', { name })}>
        {t('common.edit')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={onDelete}
        aria-label={t('directory.edit.deleteNamed', { name })}
      >
        {t('common.delete')}
      </Button>
    </Group>
  );
}
