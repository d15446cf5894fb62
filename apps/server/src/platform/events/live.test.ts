import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { TopicCatalog } from './live.js';

const user = (userId: string, permissions: string[] = []): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  locale: null,
  permissions: new Set(permissions),
  via: 'session',
});
const event = (topic: string, payload: unknown) => ({ id: '1', topic, payload, at: '2026-12-03T12:00:00.000Z' });

describe('TopicCatalog', () => {
  const catalog = new TopicCatalog();
  catalog.define('desk', 'desk.agent');
  catalog.definePersonal('notifications');

  it('grants a permission topic and its sub-topics to holders only', () => {
    expect(catalog.maySubscribe(user('a', ['desk.agent']), 'desk.incident')).toBe(true);
    expect(catalog.maySubscribe(user('b'), 'desk')).toBe(false);
    expect(catalog.mayHear(user('b'), event('desk', { incidentId: 'x' }))).toBe(true);
  });

  it('lets every signed-in user subscribe to a personal topic and hear only what names them', () => {
    expect(catalog.maySubscribe(user('a'), 'notifications')).toBe(true);
    expect(catalog.maySubscribe(null, 'notifications')).toBe(false);
    expect(catalog.mayHear(user('a'), event('notifications', { userId: 'a' }))).toBe(true);
    expect(catalog.mayHear(user('b'), event('notifications', { userId: 'a' }))).toBe(false);
    expect(catalog.mayHear(user('b'), event('notifications.desk', { userId: 'a' }))).toBe(false);
    expect(catalog.mayHear(user('b'), event('notifications', null))).toBe(false);
  });
});
