import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../app/form';
import { CreateProblemForm } from './create-problem-form';

/** The incidents an agent ticked in the list, for "Create problem from selected". */
export function useIncidentSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const onToggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return { selected, onToggle, clear: () => setSelected(new Set()) };
}

/** The action over the incident list: shown once incidents are ticked; opens the new problem when made. */
export function CreateProblemFromSelected({ selection }: { selection: ReturnType<typeof useIncidentSelection> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const count = selection.selected.size;
  if (count === 0 && !opened) return null;
  return (
    <Group gap="xs">
      <Button size="xs" onClick={() => setOpened(true)} data-testid="problem-from-selected">
        {t('desk.problems.fromSelected', { count })}
      </Button>
      <Button size="xs" variant="subtle" onClick={selection.clear}>
        {t('desk.problems.clearSelection')}
      </Button>
      <FormModal opened={opened} onClose={() => setOpened(false)} title={t('desk.problems.create')}>
        <CreateProblemForm
          incidentIds={[...selection.selected]}
          onCancel={() => setOpened(false)}
          onCreated={(problem) => {
            setOpened(false);
            selection.clear();
            navigate(`/desk/problems/${problem.id}`);
          }}
        />
      </FormModal>
    </Group>
  );
}
