import type { CatalogPriceList } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { listCodeFrom, listState, saleListDraftOf, saleListInput, saleListPatch } from './sale-list-draft';

const summer: CatalogPriceList = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'sommarrea',
  kind: 'sale',
  name: 'Sommarrea',
  includesVat: true,
  startsAt: '2026-06-01T08:00:00.000Z',
  endsAt: null,
  priority: 5,
  active: true,
  running: false,
  priceCount: 3,
};

describe('a campaign as its form holds it', () => {
  it('makes the code from the name, as the server’s rule allows', () => {
    expect(listCodeFrom('Vårrea 2026')).toBe('varrea-2026');
    expect(listCodeFrom('Распродажа')).toBe('rasprodazha');
    expect(listCodeFrom(`${'Stor '.repeat(20)}rea`)).toMatch(/^[a-z0-9][a-z0-9_-]{0,39}$/);
    expect(listCodeFrom(`${'Stor '.repeat(20)}rea`).endsWith('-')).toBe(false);
  });

  it('sends a new campaign with the window read on the shop’s clock', () => {
    const draft = { ...saleListDraftOf(null), name: ' Vårrea ', validFrom: '2026-04-01T00:00', priority: 3 as const };
    expect(saleListInput(draft)).toEqual({
      code: 'varrea',
      name: 'Vårrea',
      priority: 3,
      startsAt: '2026-03-31T22:00:00.000Z',
      endsAt: null,
      active: true,
    });
    expect(saleListInput({ ...draft, code: 'egen', priority: '' })).toMatchObject({ code: 'egen', priority: 0 });
  });

  it('shows a stored window on the shop’s clock and patches only what changed', () => {
    const draft = saleListDraftOf(summer);
    expect(draft.validFrom).toBe('2026-06-01T10:00');
    expect(saleListPatch(summer, draft)).toEqual({});
    expect(saleListPatch(summer, { ...draft, validTo: '2026-06-30T23:59', priority: 7 })).toEqual({
      priority: 7,
      endsAt: '2026-06-30T21:59:00.000Z',
    });
    expect(saleListPatch(summer, { ...draft, validFrom: '', active: false })).toEqual({
      startsAt: null,
      active: false,
    });
  });

  it('says whether a list runs, waits for its start, has ended or is paused', () => {
    const june = Date.parse('2026-06-15T12:00:00Z');
    expect(listState(summer, june)).toBe('running');
    expect(listState(summer, Date.parse('2026-05-01T00:00:00Z'))).toBe('scheduled');
    expect(listState({ ...summer, endsAt: '2026-06-10T00:00:00.000Z' }, june)).toBe('ended');
    expect(listState({ ...summer, active: false }, june)).toBe('paused');
  });
});
