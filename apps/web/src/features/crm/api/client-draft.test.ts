import type { CrmClient } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { clientDraft, clientInput, clientPatch, emptyClientDraft } from './client-draft';

const legacyClient: CrmClient = {
  ref: 'C000123',
  id: null,
  legacyId: 'C000123',
  name: 'Åsa Öberg',
  email: 'asa@example.se',
  phone: null,
  orgNumber: '556677-8899',
  city: 'Örebro',
  version: 3,
  source: 'legacy',
  updatedAt: '2026-01-02T03:04:05.000Z',
};

describe('client forms', () => {
  it('sends a new client with its blank fields left out', () => {
    expect(clientInput({ ...emptyClientDraft, name: '  Jörgen Ångström ', city: ' Umeå ' })).toEqual({
      name: 'Jörgen Ångström',
      city: 'Umeå',
    });
  });

  it('starts an edit from the client, missing fields blank', () => {
    expect(clientDraft(legacyClient)).toEqual({
      name: 'Åsa Öberg',
      email: 'asa@example.se',
      phone: '',
      orgNumber: '556677-8899',
      city: 'Örebro',
    });
  });

  it('sends only what changed, with the version the editor saw', () => {
    const draft = { ...clientDraft(legacyClient), phone: ' +46 19 12 34 56 ' };
    expect(clientPatch(legacyClient, draft)).toEqual({ version: 3, phone: '+46 19 12 34 56' });
  });

  it('sends a cleared field as null, and nothing but the version when nothing changed', () => {
    expect(clientPatch(legacyClient, { ...clientDraft(legacyClient), email: '  ' })).toEqual({
      version: 3,
      email: null,
    });
    expect(clientPatch(legacyClient, clientDraft(legacyClient))).toEqual({ version: 3 });
  });
});
