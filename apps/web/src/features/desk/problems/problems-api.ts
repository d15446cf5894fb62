import type {
  DeskProblem,
  ProblemDetail,
  ProblemInput,
  ProblemRule,
  ProblemRuleInput,
  ProblemStatus,
} from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import { deskKey } from '../api/desk-api';

const PROBLEMS_API = '/api/desk/problems';
// Under the desk's key: the live topic `desk` re-reads them with the incidents.
const problemsKey = [...deskKey, 'problems'] as const;
const problemPath = (id: string, rest = '') => `${PROBLEMS_API}/${encodeURIComponent(id)}${rest}`;

export function useProblems(status: ProblemStatus | undefined) {
  return useQuery({
    queryKey: [...problemsKey, 'list', status ?? 'all'],
    queryFn: async ({ signal }) =>
      (await api<{ problems: DeskProblem[] }>(PROBLEMS_API, { signal, query: { status } })).problems,
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: [...problemsKey, 'one', id],
    queryFn: ({ signal }) => api<ProblemDetail>(problemPath(id), { signal }),
  });
}

function useProblemMutation<Input>(action: (input: Input) => Promise<ProblemDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (detail) => {
      queryClient.setQueryData([...problemsKey, 'one', detail.id], detail);
      // Closing resolves incidents: their lists and pages re-read too.
      void queryClient.invalidateQueries({ queryKey: deskKey });
    },
  });
}

export const useCreateProblem = () =>
  useProblemMutation((input: ProblemInput) => api<ProblemDetail>(PROBLEMS_API, { method: 'POST', body: input }));

export const useCloseProblem = (id: string) =>
  useProblemMutation((resolution: string) =>
    api<ProblemDetail>(problemPath(id, '/close'), { method: 'POST', body: { resolution } }),
  );

export const useExportProblem = (id: string) =>
  useProblemMutation(() => api<ProblemDetail>(problemPath(id, '/export'), { method: 'POST' }));

export const useUnlinkIncident = (id: string) =>
  useProblemMutation((incidentId: string) =>
    api<ProblemDetail>(problemPath(id, `/incidents/${encodeURIComponent(incidentId)}`), { method: 'DELETE' }),
  );

const rulesKey = [...problemsKey, 'rules'] as const;

export function useProblemRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: async ({ signal }) => (await api<{ rules: ProblemRule[] }>(`${PROBLEMS_API}/rules`, { signal })).rules,
  });
}

function useRuleMutation<Input>(action: (input: Input) => Promise<ProblemRule>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export const useCreateRule = () =>
  useRuleMutation((input: ProblemRuleInput) =>
    api<ProblemRule>(`${PROBLEMS_API}/rules`, { method: 'POST', body: input }),
  );

export const useToggleRule = () =>
  useRuleMutation((rule: Pick<ProblemRule, 'id' | 'active'>) =>
    api<ProblemRule>(`${PROBLEMS_API}/rules/${encodeURIComponent(rule.id)}`, {
      method: 'PATCH',
      body: { active: rule.active },
    }),
  );
