import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../app/format';
import {
  lagText,
  parseHubAddress,
  SYNC_STATUS_OFFLINE_POLL_MS,
  SYNC_STATUS_POLL_MS,
  type SyncStatus,
  syncIndicatorState,
  syncProblem,
  syncStatusPollMs,
} from './sync-api';

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
  lastErrorCode: null,
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

describe('syncStatusPollMs', () => {
  it('asks again sooner while the node shows as offline, so the hub coming back shows within seconds', () => {
    expect(syncStatusPollMs(client, now, true)).toBe(SYNC_STATUS_POLL_MS);
    expect(syncStatusPollMs({ ...client, lastError: 'connect ECONNREFUSED' }, now, true)).toBe(
      SYNC_STATUS_OFFLINE_POLL_MS,
    );
    expect(syncStatusPollMs(client, now, false)).toBe(SYNC_STATUS_OFFLINE_POLL_MS);
    expect(syncStatusPollMs({ ...client, role: 'server' }, now, true)).toBe(SYNC_STATUS_POLL_MS);
    expect(syncStatusPollMs(undefined, now, true)).toBe(SYNC_STATUS_POLL_MS);
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

describe('syncProblem', () => {
  it('names the kind of trouble the node reports by its code, so it can be said in the user’s language', () => {
    expect(syncProblem('hub_unreachable')).toBe('hub-unreachable');
    expect(syncProblem('not_enrolled')).toBe('not-enrolled');
    expect(syncProblem('request_failed')).toBe('shell-request');
    expect(syncProblem('failed')).toBe('failed');
  });
});

describe('parseHubAddress', () => {
  it('takes an http or https URL, stored without a trailing slash as the shell stores it', () => {
    expect(parseHubAddress(' https://hub.example.org/ ')).toBe('https://hub.example.org');
    expect(parseHubAddress('http://10.0.0.7:3000')).toBe('http://10.0.0.7:3000');
  });

  it('refuses what the server would refuse', () => {
    for (const text of ['', 'hub.example.org', 'ftp://hub.example.org', 'https://']) {
      expect(parseHubAddress(text), text).toBeNull();
    }
  });
});

describe('lagText', () => {
  it('says how far behind in the largest whole unit, in the user’s language', () => {
    expect(lagText('en', 0)).toBe('0 seconds');
    expect(lagText('en', 42)).toBe('42 seconds');
    expect(lagText('en', 150)).toBe('2 minutes');
    expect(lagText('en', 3 * 3_600 + 59)).toBe('3 hours');
    expect(lagText('en', 50 * 3_600)).toBe('2 days');
    expect(lagText('sv', 60)).toBe('1 minut');
  });
});
