import type { DeskListEntry } from '@kontor/contracts';
import { Button, MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../app/form';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useAgents } from '../api/desk-api';
import { useGroupMembers, useSetGroupMembers } from './settings-api';

/** The "Members" button of a group's row and the dialog that chooses its agents. */
export function GroupMembersButton({ group }: { group: DeskListEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="subtle"
        size="xs"
        onClick={() => setOpen(true)}
        aria-label={t('desk.settings.membersOf', { name: group.name })}
        data-testid="settings-group-members"
      >
        {t('desk.settings.members')}
      </Button>
      <FormModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('desk.settings.membersOf', { name: group.name })}
        size="md"
      >
        <MembersForm groupId={group.id} onDone={() => setOpen(false)} />
      </FormModal>
    </>
  );
}

function MembersForm({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const members = useGroupMembers(groupId);
  const agents = useAgents();
  if (members.error || agents.error) return <ProblemAlert error={members.error ?? agents.error} />;
  if (!members.data || !agents.data) return <PageLoader />;
  return (
    <MembersChoice
      groupId={groupId}
      initial={members.data.map((member) => member.id)}
      agents={agents.data}
      onDone={onDone}
    />
  );
}

interface MembersChoiceProps {
  groupId: string;
  initial: string[];
  agents: Array<{ id: string; name: string }>;
  onDone: () => void;
}

function MembersChoice({ groupId, initial, agents, onDone }: MembersChoiceProps) {
  const { t } = useTranslation();
  const save = useSetGroupMembers(groupId);
  const [chosen, setChosen] = useState(initial);
  return (
    <ModalForm
      onSubmit={() => save.mutate(chosen, { onSuccess: onDone })}
      onCancel={onDone}
      error={save.error}
      submitLabel={t('common.save')}
      submitTestId="settings-members-save"
      submitting={save.isPending}
    >
      <MultiSelect
        label={t('desk.settings.agents')}
        description={t('desk.settings.agentsHint')}
        data={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
        value={chosen}
        onChange={setChosen}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="settings-members-select"
        comboboxProps={{ withinPortal: false }}
      />
    </ModalForm>
  );
}
