import type { CrmClient, CrmClientInput, CrmClientPatch } from '@kontor/contracts';

/** A client form's values as typed: every field a string, an empty one meaning "none". */
export type ClientDraft = {
  name: string;
  email: string;
  phone: string;
  orgNumber: string;
  city: string;
};

const OPTIONAL = ['email', 'phone', 'orgNumber', 'city'] as const;

export const emptyClientDraft: ClientDraft = { name: '', email: '', phone: '', orgNumber: '', city: '' };

export function clientDraft(client: CrmClient): ClientDraft {
  return {
    name: client.name,
    email: client.email ?? '',
    phone: client.phone ?? '',
    orgNumber: client.orgNumber ?? '',
    city: client.city ?? '',
  };
}

const orNull = (text: string) => text.trim() || null;

/** A new client: blank optional fields are left out rather than sent as empty text the server would refuse. */
export function clientInput(draft: ClientDraft): CrmClientInput {
  const input: CrmClientInput = { name: draft.name.trim() };
  for (const field of OPTIONAL) {
    const value = orNull(draft[field]);
    if (value !== null) input[field] = value;
  }
  return input;
}

/**
 * An edit sends only the fields that changed (a cleared one as null) with the version the editor saw, so the
 * server refuses it if someone else saved in between instead of overwriting their change.
 */
export function clientPatch(client: CrmClient, draft: ClientDraft): CrmClientPatch {
  const patch: CrmClientPatch = { version: client.version };
  const name = draft.name.trim();
  if (name !== client.name) patch.name = name;
  for (const field of OPTIONAL) {
    const value = orNull(draft[field]);
    if (value !== client[field]) patch[field] = value;
  }
  return patch;
}
