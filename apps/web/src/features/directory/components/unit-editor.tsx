import type { ContactPoint, FunctionSummary, Notice, PersonSummary, UnitDetail } from '@kontor/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ContactDraft, ContactFormModal, type ContactOwner } from './contact-form';
import { type FunctionDraft, FunctionFormModal } from './function-form';
import { type NoticeDraft, NoticeFormModal } from './notice-form';
import { type PersonDraft, PersonFormModal } from './person-form';
import { type DeleteTarget, RecordDeleteModal } from './record-delete-modal';
import { type UnitDraft, UnitFormModal } from './unit-form';

type Dialog =
  | { type: 'unit'; draft: UnitDraft }
  | { type: 'person'; draft: PersonDraft }
  | { type: 'function'; draft: FunctionDraft }
  | { type: 'contact'; draft: ContactDraft }
  | { type: 'notice'; draft: NoticeDraft }
  | { type: 'delete'; target: DeleteTarget };

/** The dialogs an editor opens from a unit's page, one at a time, and the actions that open them. */
export function useUnitEditor(unit: UnitDetail | undefined) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const navigate = useNavigate();
  const close = () => setDialog(null);
  const unitId = unit?.id ?? '';

  const actions = {
    editUnit: () =>
      unit &&
      setDialog({
        type: 'unit',
        draft: {
          id: unit.id,
          parentId: unit.parentId,
          kind: unit.kind,
          name: unit.name,
          description: unit.description,
        },
      }),
    newChildUnit: () =>
      setDialog({ type: 'unit', draft: { id: null, parentId: unitId, kind: 'unit', name: '', description: '' } }),
    newPerson: () =>
      setDialog({ type: 'person', draft: { id: null, unitId, givenName: '', familyName: '', title: '' } }),
    editPerson: (person: PersonSummary) => setDialog({ type: 'person', draft: { ...person } }),
    newFunction: () => setDialog({ type: 'function', draft: { id: null, unitId, name: '', holderId: null } }),
    editFunction: (fn: FunctionSummary) =>
      setDialog({
        type: 'function',
        draft: { id: fn.id, unitId: fn.unitId, name: fn.name, holderId: fn.holder?.id ?? null },
      }),
    newContact: (owner: ContactOwner) =>
      setDialog({ type: 'contact', draft: { id: null, owner, kind: 'phone', label: '', value: '', priority: 1 } }),
    editContact: (owner: ContactOwner, contact: ContactPoint) =>
      setDialog({ type: 'contact', draft: { ...contact, owner } }),
    newNotice: () =>
      setDialog({
        type: 'notice',
        draft: {
          id: null,
          unitId,
          kind: 'bulletin',
          title: '',
          body: '',
          publishAt: new Date().toISOString(),
          unpublished: false,
        },
      }),
    editNotice: (notice: Notice) => setDialog({ type: 'notice', draft: { ...notice } }),
    remove: (target: DeleteTarget) => setDialog({ type: 'delete', target }),
  };

  const dialogs = (
    <>
      <UnitFormModal draft={dialog?.type === 'unit' ? dialog.draft : null} onClose={close} />
      <PersonFormModal draft={dialog?.type === 'person' ? dialog.draft : null} onClose={close} />
      <FunctionFormModal
        draft={dialog?.type === 'function' ? dialog.draft : null}
        people={unit?.people ?? []}
        onClose={close}
      />
      <ContactFormModal draft={dialog?.type === 'contact' ? dialog.draft : null} onClose={close} />
      <NoticeFormModal draft={dialog?.type === 'notice' ? dialog.draft : null} onClose={close} />
      <RecordDeleteModal
        target={dialog?.type === 'delete' ? dialog.target : null}
        onClose={close}
        // The unit's own page is gone with it: go up to its parent, or to the directory.
        onDeleted={(target) =>
          target.kind === 'units' &&
          target.id === unitId &&
          navigate(unit?.parentId ? `/directory/units/${unit.parentId}` : '/directory')
        }
      />
    </>
  );
  return { actions, dialogs };
}
