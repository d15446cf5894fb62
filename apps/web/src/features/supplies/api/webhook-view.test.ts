import type { Webhook } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import {
  canRetry,
  createInput,
  defaultDeliveryFilters,
  deliveryQuery,
  lastAnswer,
  webhookChanges,
  webhookDraft,
  webhookHost,
  webhookLabel,
} from './webhook-view';

const hook: Webhook = {
  id: '0b6d5c1e-7a43-4f39-9d55-1f1b2e6c0a11',
  url: 'https://supplier.example.org/kontor',
  description: 'Leverantörens orderintag',
  kinds: ['order.placed', 'order.status'],
  active: true,
  cursor: 41,
  createdAt: '2026-05-11T08:00:00.000Z',
  updatedAt: '2026-05-11T08:00:00.000Z',
  deliveries: { pending: 0, delivered: 3, dead: 1 },
  lastDeliveredAt: null,
};

describe('delivery filters', () => {
  it('opens on the dead-letter queue of every webhook', () => {
    expect(defaultDeliveryFilters).toEqual({ view: 'dead', webhookId: '' });
    expect(deliveryQuery(defaultDeliveryFilters, 50)).toEqual({ status: 'dead', webhookId: undefined, limit: 50 });
  });

  it('leaves the status out for all deliveries, and names one webhook when chosen', () => {
    expect(deliveryQuery({ view: 'all', webhookId: hook.id }, 100)).toEqual({
      status: undefined,
      webhookId: hook.id,
      limit: 100,
    });
  });
});

describe('the webhook form', () => {
  it('starts a new webhook active, for every kind, from now', () => {
    expect(webhookDraft(null)).toEqual({ url: '', description: '', kinds: [], active: true, from: 'now' });
  });

  it('sends a creation trimmed', () => {
    const draft = { ...webhookDraft(null), url: ' https://x.example/hook ', description: '  ERP ' };
    expect(createInput({ ...draft, from: 'beginning' })).toEqual({
      url: 'https://x.example/hook',
      description: 'ERP',
      kinds: [],
      active: true,
      from: 'beginning',
    });
  });

  it('patches only what changed', () => {
    expect(webhookChanges(hook, webhookDraft(hook))).toEqual({});
    // The same kinds in another order, and spaces around the same URL, are no change.
    const same = { ...webhookDraft(hook), url: ` ${hook.url} ` };
    expect(webhookChanges(hook, { ...same, kinds: ['order.status', 'order.placed'] })).toEqual({});
    expect(webhookChanges(hook, { ...webhookDraft(hook), description: 'ERP', active: false })).toEqual({
      description: 'ERP',
      active: false,
    });
    expect(webhookChanges(hook, { ...webhookDraft(hook), kinds: [] })).toEqual({ kinds: [] });
    expect(webhookChanges(hook, { ...webhookDraft(hook), url: 'http://other.example/in' })).toEqual({
      url: 'http://other.example/in',
    });
  });
});

describe('naming a webhook', () => {
  it('by where it sends, without the scheme', () => {
    expect(webhookHost('https://supplier.example.org/kontor')).toBe('supplier.example.org/kontor');
    expect(webhookHost('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080');
    expect(webhookHost('not a url')).toBe('not a url');
  });

  it('by its description when it has one', () => {
    expect(webhookLabel(hook)).toBe('Leverantörens orderintag');
    expect(webhookLabel({ ...hook, description: '  ' })).toBe('supplier.example.org/kontor');
  });
});

describe('a delivery', () => {
  it('is retried by hand only when dead', () => {
    expect(canRetry({ status: 'dead' })).toBe(true);
    expect(canRetry({ status: 'pending' })).toBe(false);
    expect(canRetry({ status: 'delivered' })).toBe(false);
  });

  it('says what the receiver last answered', () => {
    expect(lastAnswer({ status: 'dead', lastStatusCode: 500, lastError: 'HTTP 500: not now' })).toBe(
      'HTTP 500: not now',
    );
    expect(lastAnswer({ status: 'pending', lastStatusCode: null, lastError: 'ECONNREFUSED: connect …' })).toBe(
      'ECONNREFUSED: connect …',
    );
    expect(lastAnswer({ status: 'delivered', lastStatusCode: 204, lastError: null })).toBe('HTTP 204');
    expect(lastAnswer({ status: 'pending', lastStatusCode: null, lastError: null })).toBeNull();
  });
});
