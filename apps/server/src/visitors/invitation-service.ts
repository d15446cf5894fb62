import { randomBytes, randomUUID } from 'node:crypto';
import type { invitation, invitationInput } from '@kontor/contracts';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { directoryPerson } from '../directory/index.js';
import { hasPermission, type RequestContext } from '../platform/context.js';
import { badRequest, notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { iso, isoOrNull, localDate } from './dates.js';
import { unprocessable } from './errors.js';
import { type InvitationRow, kioskRepository } from './kiosk-repository.js';
import { tokenHash } from './kiosk-service.js';
import { invitationMail, mailLocale } from './notifications.js';
import type { MailSender } from './reception-service.js';
import type { VisitorsDb } from './tables.js';

type Invitation = z.infer<typeof invitation>;

/** Reception sees every invitation; a host sees their own. */
const seesAll = (ctx: RequestContext) => hasPermission(ctx.actor, 'visitors.reception');

const toInvitation = (row: InvitationRow, link?: { kioskUrl: string; qrSvg: string }): Invitation => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  company: row.company,
  purpose: row.purpose,
  hostId: row.host_id,
  hostName: row.host_name,
  expectedOn: row.expected_on,
  createdAt: iso(row.created_at),
  usedAt: isoOrNull(row.used_at),
  kioskUrl: link?.kioskUrl ?? null,
  qrSvg: link?.qrSvg ?? null,
});

/**
 * Pre-registration: a host invites a guest for one day. The QR code carries a kiosk address with a random token
 * (kept only as its hash) that fills in the kiosk form; the entry it makes is linked to the invitation.
 */
export class InvitationService {
  readonly #db: VisitorsDb;

  constructor(
    private readonly platform: Platform,
    private readonly sendMail: MailSender,
  ) {
    this.#db = platform.db as VisitorsDb;
  }

  /** `origin` is where the caller reached this node, for the kiosk address when no `publicUrl` is set. */
  async create(ctx: RequestContext, input: z.output<typeof invitationInput>, origin: string): Promise<Invitation> {
    if (input.expectedOn < localDate(new Date()))
      throw unprocessable('date_past', 'An invitation is for today or a later day', [
        { path: 'body.expectedOn', message: 'lies in the past' },
      ]);
    const token = randomBytes(32).toString('base64url');
    const base = (this.platform.config.publicUrl ?? origin).replace(/\/+$/, '');
    const kioskUrl = `${base}/kiosk?invitation=${token}`;
    const [qrSvg, qrPng] = await Promise.all([
      QRCode.toString(kioskUrl, { type: 'svg', margin: 2 }),
      input.guestEmail ? QRCode.toBuffer(kioskUrl, { type: 'png', width: 480, margin: 2 }) : undefined,
    ]);
    return this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const host = input.hostId ? await directoryPerson(trx, input.hostId) : undefined;
      if (input.hostId && !host)
        throw unprocessable('unknown_host', 'The host is not a person of the directory', [
          { path: 'body.hostId', message: 'no such person in the directory' },
        ]);
      const row = await kioskRepository.insertInvitation(db, {
        id: randomUUID(),
        token_hash: tokenHash(token),
        first_name: input.firstName,
        last_name: input.lastName,
        company: input.company,
        purpose: input.purpose,
        host_id: host?.id ?? null,
        host_name: host?.name ?? null,
        expected_on: input.expectedOn,
        created_by: ctx.actor?.userId ?? null,
        created_by_name: ctx.actor?.displayName ?? 'Kontor',
      });
      if (input.guestEmail && qrPng) {
        const inviter = host?.name ?? ctx.actor?.displayName ?? '';
        await this.sendMail(
          db,
          invitationMail(
            input.guestEmail,
            row.id,
            { guest: `${input.firstName} ${input.lastName}`, host: inviter, date: input.expectedOn, url: kioskUrl },
            qrPng,
            mailLocale(ctx.actor?.locale ?? ctx.locale),
          ),
        );
      }
      return toInvitation(row, { kioskUrl, qrSvg });
    });
  }

  async list(ctx: RequestContext) {
    const own = seesAll(ctx) ? undefined : this.#userOf(ctx);
    return { invitations: (await kioskRepository.invitations(this.#db, own)).map((row) => toInvitation(row)) };
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const db = trx as VisitorsDb;
      const found = await kioskRepository.invitation(db, id);
      // Another host's invitation is as good as absent to a host.
      if (!found || (!seesAll(ctx) && found.created_by !== this.#userOf(ctx))) throw notFound('The invitation');
      await kioskRepository.deleteInvitation(db, id);
    });
  }

  #userOf(ctx: RequestContext): string {
    const userId = ctx.actor?.userId;
    if (!userId) throw badRequest('visitors.no_user', 'Invitations belong to a signed-in user');
    return userId;
  }
}
