import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDirectoryEditing } from '../api/can-edit';
import { type UnitDraft, UnitFormModal } from './unit-form';

/** The directory page's editing entry point on the hub; on a client node, why there is none. */
export function EditingBar({ newUnitParentId }: { newUnitParentId: string | null }) {
  const { t } = useTranslation();
  const { canEdit, readOnlyCopy } = useDirectoryEditing();
  const [draft, setDraft] = useState<UnitDraft | null>(null);
  if (readOnlyCopy) {
    return (
      <Alert color="gray" mb="md" data-testid="directory-read-only" data-print="hide">
        {t('directory.readOnly')}
      </Alert>
    );
  }
  if (!canEdit) return null;
  return (
    <Group mb="md" data-print="hide">
      <Button
        variant="light"
        onClick={() => setDraft({ id: null, parentId: newUnitParentId, kind: 'unit', name: '', description: '' })}
        data-testid="directory-new-unit"
      >
        {t('directory.edit.newUnit')}
      </Button>
      <Button component={Link} to="/directory/import" variant="default" data-testid="directory-import">
        {t('directoryImport.open')}
      </Button>
      <UnitFormModal draft={draft} onClose={() => setDraft(null)} />
    </Group>
  );
}
