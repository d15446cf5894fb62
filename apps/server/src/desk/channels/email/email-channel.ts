import { incidentReference } from '@kontor/contracts';
import { simpleParser } from 'mailparser';
import type { Db, Platform } from '../../../platform/platform.js';
import type { IncidentObserver } from '../../incident-service.js';
import type { DeskDb, StoredIncident } from '../../tables.js';
import type { ChannelIntake, Received } from '../intake.js';
import { domainOf, emailThreads, newMessageId } from './email-threads.js';
import { type Envelope, readInboundMail } from './inbound-mail.js';
import { SmtpListener } from './smtp-listener.js';

export type MailOutcome = Received | { outcome: 'ignored'; reason: string };

const FOOTER_SV = 'Svara på detta e-postmeddelande för att lägga till i ärendet.';
const FOOTER_EN = 'Reply to this e-mail to add to the incident.';

/**
 * The desk's e-mail channel (docs/desk-channels.md): mail in becomes incidents and comments through the intake,
 * each message once; an agent's public reply to an e-mail incident goes back to the requester, threaded by
 * Message-ID so that their answer comes back to the same incident.
 */
export class EmailChannel {
  readonly #db: DeskDb;
  readonly #domain: string;
  constructor(
    private readonly platform: Platform,
    private readonly intake: ChannelIntake,
  ) {
    this.#db = platform.db as DeskDb;
    this.#domain = domainOf(platform.config.deskMailAddress ?? platform.config.mailFrom);
  }

  /** Starts the inbound SMTP listener when `deskSmtpPort` is set (docs/desk-channels.md). */
  async listen(): Promise<SmtpListener | undefined> {
    const { deskSmtpPort, deskSmtpHost, deskAttachmentMaxBytes, deskMailAddress } = this.platform.config;
    if (!deskSmtpPort) return undefined;
    const listener = new SmtpListener({
      host: deskSmtpHost,
      port: deskSmtpPort,
      attachmentMaxBytes: deskAttachmentMaxBytes,
      mailAddress: deskMailAddress,
      logger: this.platform.logger,
      receive: (raw, envelope) => this.receive(raw, envelope),
    });
    await listener.start();
    return listener;
  }

  /** One message as the SMTP listener received it. */
  async receive(raw: Buffer, envelope: Envelope): Promise<MailOutcome> {
    const read = readInboundMail(await simpleParser(raw), raw, envelope);
    if (read.kind === 'ignored') {
      this.platform.logger.debug({ reason: read.reason }, 'desk e-mail ignored: automatic mail');
      return { outcome: 'ignored', reason: read.reason };
    }
    const { message } = read;
    if (read.reference !== null) {
      const key = await emailThreads.keyOfReference(this.#db, read.reference, message.from.address);
      if (key) message.inReplyTo.push(key);
    }
    const received = await this.intake.receive(message);
    if (received.outcome !== 'commented') await this.#acknowledge(received.incidentId, message.externalId);
    return received;
  }

  /** Tells the requester the incident's reference, once, for the message that opened it. */
  async #acknowledge(incidentId: string, externalId: string) {
    await this.platform.transaction(async (trx) => {
      const db = trx as DeskDb;
      if (!(await emailThreads.openedBy(db, incidentId, externalId))) return;
      const incident = await db
        .selectFrom('desk.incidents')
        .selectAll()
        .where('id', '=', incidentId)
        .executeTakeFirstOrThrow();
      const reference = incidentReference(Number(incident.number));
      await this.#send(trx, incident as StoredIncident, {
        subject: `[${reference}] ${incident.title}`,
        text: [
          `Hej ${incident.requester_name},`,
          '',
          `vi har tagit emot ditt meddelande. Ditt ärendenummer är ${reference}.`,
          `We received your message. Your reference is ${reference}.`,
          '',
          `${FOOTER_SV} / ${FOOTER_EN}`,
        ].join('\n'),
        // A retried delivery of the opening message finds this key and queues nothing.
        dedupeKey: `desk-email-ack:${incidentId}`,
      });
    });
  }

  /** Sends agents' public replies on e-mail incidents back to the requester, in the reply's transaction. */
  readonly observer: IncidentObserver = async (trx, change) => {
    const { incident, comment } = change;
    // Only an agent's public reply leaves Kontor: never an internal note, nor the requester's own words.
    if (change.kind !== 'comment' || !comment || comment.internal || !comment.byAgent) return;
    if (incident.channel !== 'email' || !incident.channel_address) return;
    const reference = incidentReference(Number(incident.number));
    await this.#send(trx, incident, {
      subject: `Re: [${reference}] ${incident.title}`,
      text: [comment.body, '', '-- ', `${reference}: ${incident.title}`, `${FOOTER_SV} / ${FOOTER_EN}`].join('\n'),
    });
  };

  async #send(trx: Db, incident: StoredIncident, mail: { subject: string; text: string; dedupeKey?: string }) {
    const address = incident.channel_address;
    if (!address) return;
    const { first, latest } = await emailThreads.requesterMessageIds(trx as DeskDb, incident.id);
    const messageId = newMessageId(this.#domain);
    await this.platform.mail.enqueue(trx, {
      to: address,
      ...mail,
      messageId,
      ...(latest && { inReplyTo: latest }),
      references: [...new Set([first, latest].filter((id): id is string => Boolean(id)))],
      ...(this.platform.config.deskMailAddress && { replyTo: this.platform.config.deskMailAddress }),
    });
    // The requester's answer names this Message-ID in In-Reply-To: it comes back to this incident.
    await this.intake.addThreadKey(trx, 'email', messageId, incident.id);
  }
}
