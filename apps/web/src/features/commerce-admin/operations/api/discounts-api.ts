import type { DiscountCode, DiscountRule, DiscountRuleInput } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../app/api-client';
import type { DiscountCodeBody } from './discount-draft';

const codesKey = ['commerce', 'discounts', 'codes'] as const;

export function useDiscountCodes() {
  return useQuery({
    queryKey: codesKey,
    queryFn: ({ signal }) => api<{ codes: DiscountCode[] }>('/api/commerce/discounts/codes', { signal }),
  });
}

function useCodeChange<Input>(change: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: codesKey }),
  });
}

export const useCreateCode = () =>
  useCodeChange((body: DiscountCodeBody) =>
    api<DiscountCode>('/api/commerce/discounts/codes', { method: 'POST', body }),
  );

/** PUT replaces the code (its uses are kept): deactivating sends it back whole with `active: false`. */
export const useSaveCode = () =>
  useCodeChange(({ id, body }: { id: string; body: DiscountCodeBody }) =>
    api<DiscountCode>(`/api/commerce/discounts/codes/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  );

const rulesKey = ['commerce', 'discounts', 'rules'] as const;

export function useDiscountRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => api<{ rules: DiscountRule[] }>('/api/commerce/discounts/rules', { signal }),
  });
}

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DiscountRuleInput }) =>
      api<DiscountRule>(`/api/commerce/discounts/rules/${encodeURIComponent(id)}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DiscountRuleInput) =>
      api<DiscountRule>('/api/commerce/discounts/rules', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}
