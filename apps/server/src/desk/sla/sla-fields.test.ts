import { describe, expect, it } from 'vitest';
import { compileQuery, QueryError } from '../query/index.js';
import { INCIDENT_FIELDS, suggestIncidentFilter } from '../query-fields.js';

const context = { userId: null, now: new Date('2026-12-03T12:00:00Z') };
const errorOf = (input: string) => {
  try {
    compileQuery(input, INCIDENT_FIELDS, context);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`'${input}' compiled`);
};

describe('the SLA fields of the incident filter', () => {
  it('offers sla: and due: where a term begins, and their values after the colon', () => {
    expect(suggestIncidentFilter('status:open s', 13).map((s) => s.text)).toEqual(
      expect.arrayContaining(['sla:', 'status:']),
    );
    expect(suggestIncidentFilter('sla:', 4).map((s) => s.text)).toEqual(['ok', 'at_risk', 'breached']);
    expect(suggestIncidentFilter('sla:b', 5)).toEqual([expect.objectContaining({ text: 'breached', from: 4, to: 5 })]);
    expect(suggestIncidentFilter('due:', 4).map((s) => s.text)).toEqual(expect.arrayContaining(['<', '>=']));
  });

  it('points at a wrong value with what is accepted there', () => {
    expect(errorOf('priority:high sla:late')).toMatchObject({
      code: 'bad_value',
      position: 18,
      length: 4,
      expected: ['ok', 'at_risk', 'breached'],
    });
    expect(errorOf('due:<soon')).toMatchObject({ code: 'bad_value', position: 5, length: 4 });
    expect(errorOf('sla:>ok')).toMatchObject({ code: 'bad_operator', position: 4 });
  });

  it('compiles due times ahead and behind, and sla:none', () => {
    for (const input of ['due:<2h', 'due:<+2h', 'due:<-1d', 'sla:breached OR sla:at_risk', 'sla:none', '-sla:ok'])
      expect(() => compileQuery(input, INCIDENT_FIELDS, context)).not.toThrow();
  });
});
