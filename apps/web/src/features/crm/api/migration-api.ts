import type { CrmEntity, CrmMigrationStatus } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { crmKey } from './clients-api';
import { migrationBusy } from './migration-figures';

const statusKey = [...crmKey, 'migration'] as const;
const entityPath = (entity: CrmEntity, rest: string) => `/api/crm/migration/${entity}/${rest}`;
/** While a backfill runs the counts move by the second; otherwise only the facade's figures drift, slowly. */
const BUSY_POLL_MS = 2_000;
const IDLE_POLL_MS = 30_000;

export function useMigrationStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => api<CrmMigrationStatus>('/api/crm/migration', { signal }),
    refetchInterval: (query) => (migrationBusy(query.state.data) ? BUSY_POLL_MS : IDLE_POLL_MS),
    retry: false,
  });
}

/** Every migration command changes the status: it is read again at once rather than at the next poll. */
function useMigrationCommand<Input>(send: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export const useBackfillCommand = () =>
  useMigrationCommand(({ entity, action }: { entity: CrmEntity; action: 'start' | 'pause' }) =>
    api(entityPath(entity, 'backfill'), { method: 'POST', body: { action } }),
  );

export const useLegacySwitch = () =>
  useMigrationCommand(({ entity, legacyOff }: { entity: CrmEntity; legacyOff: boolean }) =>
    api(entityPath(entity, 'legacy'), { method: 'PUT', body: { legacyOff } }),
  );

export const useConsistencyCheck = () =>
  useMigrationCommand((entity: CrmEntity) => api<{ id: string }>(entityPath(entity, 'check'), { method: 'POST' }));
