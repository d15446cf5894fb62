import { describe, expect, it } from 'vitest';
import { suggest } from './suggest.js';
import { INCIDENT_FIELDS } from './test-fixture.js';

const texts = (input: string, cursor = input.length) => suggest(input, cursor, INCIDENT_FIELDS).map((s) => s.text);

describe('suggest', () => {
  it('offers field names where a term begins', () => {
    expect(texts('')).toEqual(expect.arrayContaining(['status:', 'priority:', 'assignee:', 'created:', 'label:']));
    expect(texts('pri')).toEqual(['priority:']);
    expect(texts('status:open c')).toEqual(['client:', 'category:', 'created:']);
    expect(texts('-LA')).toEqual(['label:']);
    expect(texts('(st')).toEqual(['status:']);
    expect(suggest('status:open cl', 14, INCIDENT_FIELDS)).toEqual([
      { text: 'client:', kind: 'field', description: 'The client organisation', from: 12 },
    ]);
  });

  it('offers keywords once a term is typed', () => {
    expect(texts('a O')).toEqual(['order:', 'OR']);
    expect(texts('a N')).toEqual(['number:', 'NOT']);
  });

  it('offers the values of the field at the cursor', () => {
    expect(texts('status:')).toEqual(['open', 'done', 'new', 'in_progress', 'waiting', 'resolved', 'closed']);
    expect(texts('status:o')).toEqual(['open']);
    expect(suggest('status:o', 8, INCIDENT_FIELDS)[0]).toMatchObject({
      kind: 'value',
      description: 'new, in_progress, waiting',
      from: 7,
    });
    expect(texts('-Status:IN')).toEqual(['in_progress']);
    expect(texts('assignee:')).toEqual(['me', 'none']);
    expect(texts('client:')).toEqual(['none']);
    expect(texts('label:x')).toEqual([]);
    expect(texts('unknown:')).toEqual([]);
  });

  it('offers comparisons and then values for ordered fields', () => {
    expect(texts('priority:')).toEqual(['>', '>=', '<', '<=', 'low', 'normal', 'high', 'critical']);
    expect(suggest('priority:', 9, INCIDENT_FIELDS)[0]).toMatchObject({ kind: 'operator', from: 9 });
    expect(texts('priority:>=h')).toEqual(['high']);
    expect(suggest('priority:>=h', 12, INCIDENT_FIELDS)[0]).toMatchObject({ from: 11 });
    expect(texts('created:>')).toEqual(['today', 'yesterday', '-1h', '-24h', '-7d', '-2w', '-30d']);
    expect(texts('created:y')).toEqual(['yesterday']);
  });

  it('offers values inside a value list, and OR', () => {
    expect(texts('status:(new OR w')).toEqual(['waiting']);
    expect(texts('status:(new ')).toContain('OR');
    expect(texts('status:(new ')).toContain('waiting');
    expect(texts('priority:(')).toEqual(['low', 'normal', 'high', 'critical', 'OR']);
    expect(texts('status:(new OR waiting) pr')).toEqual(['priority:']);
  });

  it('uses the cursor, not the end of the input', () => {
    expect(texts('status:open pri assignee:me', 15)).toEqual(['priority:']);
    expect(texts('status:o assignee:me', 8)).toEqual(['open']);
  });

  it('offers nothing inside quoted text', () => {
    expect(texts('client:"AC')).toEqual([]);
    expect(texts('"vpn d')).toEqual([]);
  });
});
