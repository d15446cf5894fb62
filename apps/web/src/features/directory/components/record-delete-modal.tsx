import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { type EditableInputs, useDeleteRecord } from '../api/directory-api';

export interface DeleteTarget {
  kind: keyof EditableInputs;
  id: string;
  name: string;
}

export function RecordDeleteModal({
  target,
  onClose,
  onDeleted,
}: {
  target: DeleteTarget | null;
  onClose: () => void;
  onDeleted?: (target: DeleteTarget) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteRecord(target?.kind ?? 'units');
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={target !== null}
      title={t('directory.edit.deleteTitle', { name: target?.name ?? '' })}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        target &&
        remove.mutate(target.id, {
          onSuccess: () => {
            close();
            onDeleted?.(target);
          },
        })
      }
    >
      {t('directory.edit.deleteText')}
    </ConfirmModal>
  );
}
