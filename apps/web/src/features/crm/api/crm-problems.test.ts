import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api-client';
import { crmProblemKey, isStaleVersion } from './crm-problems';

const problem = (status: number, code: string) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail: 'x', code, instance: '/api/crm', requestId: '' });

describe('CRM problems', () => {
  it('says where a legacy-only record is when the legacy CRM does not answer', () => {
    const down = problem(503, 'crm.legacy_unavailable');
    expect(crmProblemKey(down, true)).toBe('crm.problems.legacyUnavailableEdit');
    expect(crmProblemKey(down)).toBe('crm.problems.legacyUnavailable');
  });

  it('tells a stale edit from a refused switch and a node that is not the hub', () => {
    const stale = problem(409, 'crm.stale_version');
    expect(crmProblemKey(stale, true)).toBe('crm.problems.staleVersion');
    expect(isStaleVersion(stale)).toBe(true);
    expect(crmProblemKey(problem(409, 'crm.backfill_incomplete'))).toBe('crm.problems.switchRefused');
    expect(crmProblemKey(problem(409, 'crm.hub_only'))).toBe('crm.problems.hubOnly');
    expect(isStaleVersion(problem(409, 'crm.hub_only'))).toBe(false);
  });

  it('leaves other problems to the app', () => {
    expect(crmProblemKey(problem(422, 'validation_failed'))).toBeUndefined();
    expect(crmProblemKey(problem(409, 'crm.backfill_not_running'))).toBeUndefined();
    expect(crmProblemKey(new Error('boom'))).toBeUndefined();
  });
});
