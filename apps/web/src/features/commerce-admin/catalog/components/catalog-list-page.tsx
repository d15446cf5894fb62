import { type ModalProps, Table } from '@mantine/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { type Column, DataTable } from '../../../../app/data-table';
import { FormModal } from '../../../../app/form';
import { PageHeader } from '../../../../app/page-header';
import { RowActions } from './row-actions';
import { useConfirmRemoval } from './use-confirm-removal';
import { useFormDialog } from './use-form-dialog';

/** The sections of catalogAdmin.* whose texts are title, new, edit, empty, deleteTitle and deleteText. */
type ListSection = 'brands' | 'attributes' | 'priceLists';

interface CatalogListPageProps<T> {
  section: ListSection;
  /** `brand` gives brand-new, brand-list, brand-row, brand-edit, brand-delete and brand-form-*. */
  testId: string;
  items: UseQueryResult<T[]>;
  /** The row's identity, and what the delete call takes. */
  keyOf: (item: T) => string;
  nameOf: (item: T) => string;
  columns: Column[];
  minWidth: number;
  /** The row's cells before its buttons: `Table.Td` elements. */
  cells: (item: T) => ReactNode;
  /** `data-*` attributes a test finds the row by. */
  rowData: (item: T) => Record<`data-${string}`, string>;
  /** The form of a new item (null) or of one to change; `close` after a save. */
  form: (item: T | null, close: () => void) => ReactNode;
  formSize?: ModalProps['size'];
  remove: UseMutationResult<unknown, Error, string>;
  /** Rows that cannot be changed here show no buttons. */
  editable?: (item: T) => boolean;
  /** Above the table: what the list is for. */
  intro?: ReactNode;
}

/** A catalog list with New, Edit and Delete: the form in a dialog, deleting asked first. */
export function CatalogListPage<T>(props: CatalogListPageProps<T>) {
  const { t } = useTranslation();
  const { section, testId } = props;
  const dialog = useFormDialog<T>();
  const removal = useConfirmRemoval(props.remove, props.keyOf);
  const list = props.items.data ?? [];
  return (
    <>
      <PageHeader
        title={t(`catalogAdmin.${section}.title`)}
        action={{ label: t(`catalogAdmin.${section}.new`), testId: `${testId}-new`, onClick: dialog.openNew }}
      />
      {props.intro}
      <DataTable
        testId={`${testId}-list`}
        minWidth={props.minWidth}
        columns={props.columns}
        withActions
        loading={props.items.isPending}
        error={props.items.error}
        empty={{ when: props.items.isSuccess && list.length === 0, text: t(`catalogAdmin.${section}.empty`) }}
      >
        {list.map((item) => (
          <Table.Tr key={props.keyOf(item)} data-testid={`${testId}-row`} {...props.rowData(item)}>
            {props.cells(item)}
            <Table.Td>
              {(props.editable?.(item) ?? true) ? (
                <RowActions
                  name={props.nameOf(item)}
                  testId={testId}
                  onEdit={() => dialog.openEdit(item)}
                  onDelete={() => removal.ask(item)}
                />
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FormModal
        opened={dialog.opened}
        onClose={dialog.close}
        title={dialog.item ? t(`catalogAdmin.${section}.edit`) : t(`catalogAdmin.${section}.new`)}
        size={props.formSize}
      >
        {props.form(dialog.item, dialog.close)}
      </FormModal>
      <ConfirmModal
        {...removal.modal}
        title={t(`catalogAdmin.${section}.deleteTitle`, {
          name: removal.removing ? props.nameOf(removal.removing) : '',
        })}
        confirmLabel={t('common.delete')}
      >
        {t(`catalogAdmin.${section}.deleteText`)}
      </ConfirmModal>
    </>
  );
}
