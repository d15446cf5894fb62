import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api-client';
import { formatBytes } from '../../../app/file-upload';
import { bundleExportUrl, bundleRefusalReason, parseVector } from './bundles-api';

const node = '0b6f3c1e-8a2d-4c5e-9f10-2a3b4c5d6e7f';
const problem = (code: string) =>
  new ApiError({ type: 'about:blank', title: 'x', status: 422, detail: '', code, instance: '/', requestId: '' });

describe('parseVector', () => {
  it('takes a node’s vector as that node shows it', () => {
    expect(parseVector(`{"${node}": 120}`)).toEqual({ [node]: 120 });
    expect(parseVector(' {} ')).toEqual({});
  });

  it('refuses what is not a vector of node ids to whole sequence numbers', () => {
    for (const text of ['', 'ward 7', '[]', 'null', '{"ward-7": 1}', `{"${node}": -1}`, `{"${node}": 1.5}`]) {
      expect(parseVector(text)).toBeNull();
    }
    expect(parseVector(`{"${node}": "120"}`)).toBeNull();
  });
});

describe('bundleExportUrl', () => {
  it('asks for everything, what lies beyond a vector, or the hub’s snapshot', () => {
    expect(bundleExportUrl({ kind: 'everything' })).toBe('/api/sync/bundle');
    expect(bundleExportUrl({ kind: 'snapshot' })).toBe('/api/sync/bundle?full=1');
    const since = new URL(bundleExportUrl({ kind: 'since', vector: { [node]: 7 } }), 'http://node');
    expect(JSON.parse(since.searchParams.get('since') ?? '')).toEqual({ [node]: 7 });
  });
});

describe('bundleRefusalReason', () => {
  it('reads the reason from the problem code of a refused bundle only', () => {
    expect(bundleRefusalReason(problem('sync.bundle_tampered'))).toBe('tampered');
    expect(bundleRefusalReason(problem('sync.read_only'))).toBeUndefined();
    expect(bundleRefusalReason(new Error('sync.bundle_tampered'))).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it('picks the unit that keeps the number small, in the user’s language', () => {
    expect(formatBytes('en', 700)).toBe('0.7 kB');
    expect(formatBytes('en', 3.5 * 1024 * 1024)).toBe('3.5 MB');
    expect(formatBytes('sv', 1536)).toBe('1,5 kB');
  });
});
