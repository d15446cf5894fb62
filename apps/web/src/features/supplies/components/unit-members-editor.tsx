import type { UnitMembers } from '@kontor/contracts';
import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { useOrderingUnits, useSaveUnitMembers, useUnitMembers } from '../api/catalog-api';
import { UnitSelect } from './unit-select';

/** Who may order for a unit: pick the unit, then its people. */
export function UnitMembersEditor() {
  const { t } = useTranslation();
  const units = useOrderingUnits();
  const [unitId, setUnitId] = useState<string | null>(null);
  const members = useUnitMembers(unitId);
  return (
    <Stack gap="sm" data-testid="unit-members">
      <Text size="sm" c="dimmed">
        {t('supplies.members.intro')}
      </Text>
      {units.error ? <ProblemAlert error={units.error} /> : null}
      <UnitSelect units={units.data ?? []} value={unitId} onChange={setUnitId} testId="members-unit" />
      {members.error ? <ProblemAlert error={members.error} /> : null}
      {/* Keyed by unit, so the picker starts from the chosen unit's members. */}
      {unitId && members.data ? <MembersForm key={unitId} members={members.data} /> : null}
    </Stack>
  );
}

function MembersForm({ members }: { members: UnitMembers }) {
  const { t } = useTranslation();
  const save = useSaveUnitMembers();
  const { unitId, candidates } = members;
  const [userIds, setUserIds] = useState(members.userIds);
  return (
    <>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <MultiSelect
        label={t('supplies.members.people')}
        data={candidates.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
        value={userIds}
        onChange={setUserIds}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="members-users"
      />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate({ unitId, userIds })} loading={save.isPending} data-testid="members-save">
          {t('common.save')}
        </Button>
      </Group>
      {save.isSuccess && !save.isPending ? (
        <Text size="sm" c="green" role="status">
          {t('supplies.members.saved')}
        </Text>
      ) : null}
    </>
  );
}
