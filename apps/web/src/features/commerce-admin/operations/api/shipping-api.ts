import type { ShippingTables } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api-client';
import type { MethodBody, ShippingRate, ZoneBody } from './shipping-draft';

const tablesKey = ['commerce', 'shipping'] as const;
const base = '/api/commerce/shipping';
const at = (kind: 'zones' | 'methods', id: string) => `${base}/${kind}/${encodeURIComponent(id)}`;

export function useShippingTables() {
  return useQuery({
    queryKey: tablesKey,
    queryFn: ({ signal }) => api<ShippingTables>(base, { signal }),
  });
}

/** Every change answers the whole tables after it: they replace the cached ones, with no second request. */
function useTablesChange<Input>(change: (input: Input) => Promise<ShippingTables | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (tables) =>
      tables ? queryClient.setQueryData(tablesKey, tables) : queryClient.invalidateQueries({ queryKey: tablesKey }),
  });
}

export const useSaveZone = () =>
  useTablesChange(({ id, body }: { id: string | null; body: ZoneBody }) =>
    id
      ? api<ShippingTables>(at('zones', id), { method: 'PUT', body })
      : api<ShippingTables>(`${base}/zones`, { method: 'POST', body }),
  );

export const useDeleteZone = () => useTablesChange((id: string) => api<null>(at('zones', id), { method: 'DELETE' }));

export const useSaveMethod = () =>
  useTablesChange(({ id, body }: { id: string | null; body: MethodBody }) =>
    id
      ? api<ShippingTables>(at('methods', id), { method: 'PUT', body })
      : api<ShippingTables>(`${base}/methods`, { method: 'POST', body }),
  );

export const useDeleteMethod = () =>
  useTablesChange((id: string) => api<null>(at('methods', id), { method: 'DELETE' }));

/** Replaces a method's whole rate table. */
export const useSaveRates = () =>
  useTablesChange(({ methodId, rates }: { methodId: string; rates: ShippingRate[] }) =>
    api<ShippingTables>(`${at('methods', methodId)}/rates`, { method: 'PUT', body: { rates } }),
  );
