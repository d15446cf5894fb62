import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../app/format';
import { type SyncStatus, syncIndicatorState } from './sync-api';

const now = Date.parse('2026-03-01T12:00:00Z');
const client: SyncStatus = {
  role: 'client',
  nodeId: '00000000-0000-4000-8000-000000000001',
  hub: 'http://hub:3000',
  hubNodeId: '00000000-0000-4000-8000-000000000002',
  clusterId: '00000000-0000-4000-8000-000000000003',
  epoch: 1,
  enrolled: true,
  lastSyncAt: new Date(now - 5_000).toISOString(),
  lagSeconds: 5,
  pendingChanges: 0,
  waitingChanges: 0,
  lastError: null,
};

describe('syncIndicatorState', () => {
  it('calls a server the hub, whatever else it reports', () => {
    expect(syncIndicatorState({ ...client, role: 'server', lastSyncAt: null }, now)).toBe('hub');
  });

  it('is synced within a minute of the last sync and without an error', () => {
    expect(syncIndicatorState(client, now)).toBe('synced');
    expect(syncIndicatorState({ ...client, lastSyncAt: new Date(now - 59_000).toISOString() }, now)).toBe('synced');
  });

  it('is offline when the last sync is old, never happened, failed since, or this node stopped answering', () => {
    expect(syncIndicatorState({ ...client, lastSyncAt: new Date(now - 61_000).toISOString() }, now)).toBe('offline');
    expect(syncIndicatorState({ ...client, lastSyncAt: null }, now)).toBe('offline');
    expect(syncIndicatorState({ ...client, lastError: 'connect ECONNREFUSED' }, now)).toBe('offline');
    expect(syncIndicatorState(client, now, false)).toBe('offline');
  });

  it('says a client that has not joined a cluster is not enrolled', () => {
    expect(syncIndicatorState({ ...client, enrolled: false, lastSyncAt: null }, now)).toBe('not-enrolled');
  });
});

describe('relativeTime', () => {
  const en = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  it('uses the largest whole unit and calls the last few seconds now', () => {
    expect(relativeTime(en, -3_000)).toBe('now');
    expect(relativeTime(en, 2_000)).toBe('now');
    expect(relativeTime(en, -42_000)).toBe('42 seconds ago');
    expect(relativeTime(en, -150_000)).toBe('2 minutes ago');
    expect(relativeTime(en, -3 * 3_600_000)).toBe('3 hours ago');
    expect(relativeTime(en, -50 * 3_600_000)).toBe('2 days ago');
  });

  it('speaks the language it is given', () => {
    expect(relativeTime(new Intl.RelativeTimeFormat('sv', { numeric: 'auto' }), -150_000)).toBe('för 2 minuter sedan');
  });
});
