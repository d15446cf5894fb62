import { createHash, randomUUID } from 'node:crypto';
import type { kioskEntryInput, kioskReceipt, kioskSettings } from '@kontor/contracts';
import type { z } from 'zod';
import { type DirectoryPersonRef, directoryPerson, searchDirectoryPeople } from '../directory/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/http/errors.js';
import type { Db, Platform } from '../platform/platform.js';
import { localDate } from './dates.js';
import { entriesRepository } from './entries-repository.js';
import { unprocessable } from './errors.js';
import { type InvitationRow, kioskRepository } from './kiosk-repository.js';
import { entrySearchText } from './mappers.js';
import { announce } from './reception-service.js';
import { readSettings } from './settings.js';
import type { VisitorsDb } from './tables.js';

type KioskReceipt = z.infer<typeof kioskReceipt>;
type KioskSettings = z.infer<typeof kioskSettings>;

/** Kiosk keys and invitation tokens are kept as their SHA-256 only: a copy of the database opens no kiosk. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const HOST_RESULTS = 8;

/**
 * The guest kiosk: anonymous, so it can only create entries, and it never answers anyone's data (not even the
 * guest's own) beyond the names and units of possible hosts.
 */
export class KioskService {
  readonly #db: VisitorsDb;

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as VisitorsDb;
  }

  async settings(): Promise<KioskSettings> {
    const { privacyNotice, idleResetSeconds } = await readSettings(this.platform.db);
    return { privacyNotice, idleResetSeconds };
  }

  async hosts(query: string, key: string | undefined) {
    await this.#device(this.#db, key);
    const people = await searchDirectoryPeople(this.platform.db, query, HOST_RESULTS);
    return { hosts: people.map(({ id, name, unit }) => ({ id, name, unit })) };
  }

  /** What an invitation's QR code fills in; 404 when unknown, used, or not for today. */
  async invitation(token: string, key: string | undefined) {
    await this.#device(this.#db, key);
    const found = await kioskRepository.usable(this.#db, tokenHash(token), localDate(new Date()));
    if (!found) throw notFound('The invitation');
    const host = found.host_id ? await directoryPerson(this.platform.db, found.host_id) : undefined;
    return {
      firstName: found.first_name,
      lastName: found.last_name,
      company: found.company,
      purpose: found.purpose,
      host: found.host_id
        ? { id: found.host_id, name: host?.name ?? found.host_name ?? '', unit: host?.unit ?? null }
        : null,
      expectedOn: found.expected_on,
    };
  }

  async submit(
    _ctx: RequestContext,
    input: z.output<typeof kioskEntryInput>,
    key: string | undefined,
  ): Promise<KioskReceipt> {
    const id = randomUUID();
    return this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const device = await this.#device(db, key);
      const invitation = input.invitation ? await this.#claim(db, input.invitation, id) : undefined;
      const host = await this.#host(trx, input.hostId ?? null, invitation);
      const row = {
        id,
        state: 'waiting' as const,
        first_name: input.firstName,
        last_name: input.lastName,
        company: input.company,
        host_id: host?.id ?? null,
        host_name: host?.name ?? null,
        host_email: host?.email ?? null,
        purpose: input.purpose,
        notes: '',
        card: null,
        card_type: null,
        locale: input.locale ?? null,
        kiosk_id: device?.id ?? null,
        kiosk_name: device?.name ?? null,
        invitation_id: invitation?.id ?? null,
        card_given_at: null,
        card_given_by_name: null,
        exited_at: null,
        released_by_name: null,
        anonymised_at: null,
      };
      const stored = await entriesRepository.insert(db, {
        ...row,
        search_text: entrySearchText({ ...row, notes: '' }),
      });
      await announce(db, id, 'waiting');
      return { id, state: 'waiting', submittedAt: stored.submitted_at.toISOString() };
    });
  }

  /**
   * The registered kiosk sending this key (marked as seen), or null for a kiosk without one. A key that is unknown
   * or revoked is refused, and so is a kiosk without a key when the admin requires registered devices.
   */
  async #device(db: VisitorsDb, key: string | undefined): Promise<{ id: string; name: string } | null> {
    if (!key) {
      if ((await readSettings(db)).requireKioskDevice)
        throw new AppError(403, 'visitors.kiosk_required', 'Only registered kiosk devices may register guests here');
      return null;
    }
    const device = await kioskRepository.seen(db, tokenHash(key));
    if (!device)
      throw new AppError(403, 'visitors.kiosk_unknown', 'This kiosk device is not registered, or it was revoked');
    return device;
  }

  async #claim(db: VisitorsDb, token: string, entryId: string): Promise<InvitationRow> {
    const claimed = await kioskRepository.claim(db, tokenHash(token), localDate(new Date()), entryId);
    if (!claimed)
      throw unprocessable('invitation_invalid', 'The invitation is unknown, already used, or not for today', [
        { path: 'body.invitation', message: 'unknown, already used, or not for today' },
      ]);
    return claimed;
  }

  /** The host as the directory knows them now; an invitation's host who left the directory keeps their name. */
  async #host(
    trx: Db,
    hostId: string | null,
    invitation: InvitationRow | undefined,
  ): Promise<(DirectoryPersonRef & { email: string | null }) | null> {
    const wanted = hostId ?? invitation?.host_id ?? null;
    if (!wanted) return null;
    const person = await directoryPerson(trx, wanted);
    if (person) return person;
    if (!hostId && invitation?.host_id)
      return { id: invitation.host_id, name: invitation.host_name ?? '', unit: null, email: null };
    throw unprocessable('unknown_host', 'The host is not a person of the directory', [
      { path: 'body.hostId', message: 'no such person in the directory' },
    ]);
  }
}
