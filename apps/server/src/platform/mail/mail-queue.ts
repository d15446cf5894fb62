import { type ColumnType, type Generated, type Kysely, sql } from 'kysely';
import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { PollingLoop } from '../polling-loop.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Content-ID of an inline image, referenced from the HTML body as `cid:<cid>`. */
  cid?: string;
}

export interface MailMessage {
  /** One address, or several separated by commas. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** A message with a key already queued is dropped, so a caller may enqueue the same fact twice. */
  dedupeKey?: string;
  /** This message's own Message-ID (`<id@domain>`), so that an answer to it can be recognised. */
  messageId?: string;
  /** The Message-ID this message answers, and the conversation's earlier ones: mail programs thread by them. */
  inReplyTo?: string;
  references?: string[];
  /** Where the recipient's answer goes, when not to the sender (`mailFrom`). */
  replyTo?: string;
}

/** The conversation headers of a message, as `platform.mail_queue.headers` keeps them. */
type ThreadingHeaders = Pick<MailMessage, 'messageId' | 'inReplyTo' | 'references' | 'replyTo'>;

function threadingHeaders(message: MailMessage): ThreadingHeaders {
  const headers: ThreadingHeaders = {
    ...(message.messageId && { messageId: message.messageId }),
    ...(message.inReplyTo && { inReplyTo: message.inReplyTo }),
    ...(message.references?.length && { references: message.references }),
    ...(message.replyTo && { replyTo: message.replyTo }),
  };
  // A line break in a header value would let it add headers of its own.
  if (
    Object.values(headers)
      .flat()
      .some((value) => /[\r\n]/.test(value))
  )
    throw new TypeError('e-mail headers must be one line each');
  return headers;
}

/** Outbound e-mail as modules see it (docs/mail.md). */
export interface Mailer {
  /**
   * Queues `message` in the caller's transaction `trx`: it is sent only if that transaction commits, by a
   * hub node, after commit, retried until the SMTP server takes it.
   */
  // biome-ignore lint/suspicious/noExplicitAny: any module's transaction
  enqueue(trx: Kysely<any>, message: MailMessage): Promise<void>;
}

type StoredAttachment = { filename: string; contentType: string; content: string; cid?: string };

type MailTables = {
  'platform.mail_queue': {
    id: Generated<number>;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attachments: ColumnType<StoredAttachment[], string, string>;
    dedupe_key: string | null;
    headers: ColumnType<ThreadingHeaders, string, string>;
    attempts: Generated<number>;
    next_attempt_at: Generated<Date>;
    lease_until: Date | null;
    sent_at: Date | null;
    gave_up_at: Date | null;
    last_error: string | null;
    created_at: Generated<Date>;
  };
};

/** Attempts before a message is left as a dead letter for an operator to look at. */
export const MAX_MAIL_ATTEMPTS = 8;
const RETRY_CAP_MS = 6 * 3_600_000;
// Longer than the SMTP timeouts below add up to, so a live sender never loses its lease mid-send.
const LEASE_SECONDS = 300;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const SENT_KEPT_DAYS = 7;
const PRUNE_EVERY_MS = 3_600_000;

/** Full-jitter exponential backoff: spreads the retries of many messages that failed together. */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(RETRY_CAP_MS, baseMs * 2 ** Math.max(0, attempts - 1)));
}

const toNodemailerError = (error: unknown): NodemailerError =>
  error instanceof Error ? error : new Error(String(error));

export interface MailQueueOptions {
  // biome-ignore lint/suspicious/noExplicitAny: narrowed to the queue table below
  db: Kysely<any>;
  logger: Logger;
  registry: Registry;
  smtpUrl: string | undefined;
  from: string;
  pollMs: number;
  retryBaseMs: number;
  /** Read at every round: a client node promoted to hub starts sending without a restart. */
  isHub: () => boolean;
}

/**
 * The queue of outbound e-mail and its sender. Rows are claimed one at a time with SKIP LOCKED and a lease,
 * so hub instances sharing one PostgreSQL never send a message twice, and a crashed sender's message is
 * taken over once its lease runs out.
 */
export class MailQueue implements Mailer {
  readonly #db: Kysely<MailTables>;
  readonly #options: MailQueueOptions;
  readonly #transport: Transporter | undefined;
  readonly #sent: Counter;
  readonly #failed: Counter<'outcome'>;
  readonly #loop: PollingLoop;
  #abort = new AbortController();
  #prunedAt = 0;
  #toldNotConfigured = false;

  constructor(options: MailQueueOptions) {
    this.#options = options;
    this.#db = options.db.withTables<MailTables>();
    this.#loop = new PollingLoop(
      () => this.#round(),
      (error) => options.logger.warn({ err: error }, 'e-mail queue failed; will retry'),
      () => options.pollMs,
    );
    this.#transport = options.smtpUrl
      ? nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS }, { from: options.from })
      : undefined;
    const registers = [options.registry];
    this.#sent = new Counter({ name: 'kontor_mail_sent_total', help: 'E-mails the SMTP server took', registers });
    this.#failed = new Counter({
      name: 'kontor_mail_failed_total',
      help: 'Failed attempts to send an e-mail: retried later, or given up (dead)',
      labelNames: ['outcome'] as const,
      registers,
    });
    const db = this.#db;
    new Gauge({
      name: 'kontor_mail_queue_messages',
      help: 'E-mails not sent: pending (waiting or being retried) and dead (given up, see docs/mail.md)',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        const counts = await db
          .selectFrom('platform.mail_queue')
          .select([
            sql<number>`count(*) filter (where gave_up_at is null)::int`.as('pending'),
            sql<number>`count(*) filter (where gave_up_at is not null)::int`.as('dead'),
          ])
          .where('sent_at', 'is', null)
          .executeTakeFirstOrThrow();
        this.set({ state: 'pending' }, counts.pending);
        this.set({ state: 'dead' }, counts.dead);
      },
    });
  }

  async enqueue(
    // biome-ignore lint/suspicious/noExplicitAny: any module's transaction
    trx: Kysely<any>,
    message: MailMessage,
  ): Promise<void> {
    if (!message.to.includes('@') || /[\r\n]/.test(message.to)) {
      throw new TypeError('an e-mail needs a recipient address on one line');
    }
    const attachments: StoredAttachment[] = (message.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content.toString('base64'),
      ...(attachment.cid && { cid: attachment.cid }),
    }));
    await trx
      .withTables<MailTables>()
      .insertInto('platform.mail_queue')
      .values({
        recipient: message.to.trim(),
        subject: message.subject,
        text_body: message.text,
        html_body: message.html ?? null,
        attachments: JSON.stringify(attachments),
        dedupe_key: message.dedupeKey ?? null,
        headers: JSON.stringify(threadingHeaders(message)),
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }

  start() {
    if (this.#loop.started) return;
    this.#abort = new AbortController();
    this.#loop.start();
  }

  /** Sends what is due now rather than at the next poll; called after every commit. */
  nudge() {
    this.#loop.nudge();
  }

  /** Stops sending; a message on the wire is cancelled and stays queued for the next start. */
  async stop() {
    const stopped = this.#loop.stop();
    this.#abort.abort();
    await stopped;
    this.#transport?.close();
  }

  async #round() {
    if (!this.#options.isHub()) return;
    if (!this.#transport) {
      if (!this.#toldNotConfigured) {
        this.#toldNotConfigured = true;
        this.#options.logger.info('e-mail is not configured (smtpUrl): messages stay queued until it is');
      }
      return;
    }
    let more = true;
    while (more && this.#loop.started) more = await this.#sendNext(this.#transport);
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = Date.now();
      await this.#db
        .deleteFrom('platform.mail_queue')
        .where('sent_at', '<', sql<Date>`now() - make_interval(days => ${SENT_KEPT_DAYS})`)
        .execute();
    }
  }

  /** Claims, sends and settles one due message; false when none is due. */
  async #sendNext(transport: Transporter): Promise<boolean> {
    const db = this.#db;
    const due = db
      .selectFrom('platform.mail_queue')
      .select('id')
      .where('sent_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked();
    const mail = await db
      .updateTable('platform.mail_queue')
      .set({
        attempts: sql`attempts + 1`,
        lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
      })
      .where('id', 'in', due)
      .returningAll()
      .executeTakeFirst();
    if (!mail) return false;

    try {
      await transport.sendMail({
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text_body,
        ...(mail.html_body !== null && { html: mail.html_body }),
        attachments: mail.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.content, 'base64'),
          ...(attachment.cid && { cid: attachment.cid }),
        })),
        ...mail.headers,
        signal: this.#abort.signal,
      });
    } catch (error) {
      await this.#settleFailure(mail.id, mail.attempts, toNodemailerError(error));
      return this.#loop.started;
    }
    await db
      .updateTable('platform.mail_queue')
      .set({ sent_at: sql`now()`, lease_until: null })
      .where('id', '=', mail.id)
      .execute();
    this.#sent.inc();
    return true;
  }

  async #settleFailure(id: number, attempts: number, error: NodemailerError) {
    const db = this.#db;
    if (this.#abort.signal.aborted) {
      // Cut off by a stop: not the message's fault, so the attempt does not count.
      await db
        .updateTable('platform.mail_queue')
        .set({ attempts: sql`attempts - 1`, lease_until: null })
        .where('id', '=', id)
        .execute();
      return;
    }
    // A rejected recipient or message will be rejected again; a refused login is the operator's to fix.
    const hopeless = error.permanent === true && error.code !== 'EAUTH';
    const dead = hopeless || attempts >= MAX_MAIL_ATTEMPTS;
    const delayMs = retryDelayMs(attempts, this.#options.retryBaseMs);
    await db
      .updateTable('platform.mail_queue')
      .set({
        lease_until: null,
        last_error: error.message.slice(0, 1000),
        ...(dead
          ? { gave_up_at: sql`now()` }
          : { next_attempt_at: sql`now() + make_interval(secs => ${delayMs / 1000})` }),
      })
      .where('id', '=', id)
      .execute();
    this.#failed.inc({ outcome: dead ? 'dead' : 'retry' });
    const facts = { mailId: id, attempts, error: error.message, responseCode: error.responseCode };
    if (dead) this.#options.logger.warn(facts, 'gave up sending an e-mail; it stays in platform.mail_queue');
    else this.#options.logger.info({ ...facts, retryInMs: delayMs }, 'could not send an e-mail; will retry');
  }
}
