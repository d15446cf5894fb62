import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { DeliveryFailure, LeasedQueue } from '../delivery/leased-queue.js';
import { queuedWork } from '../queued-work.js';
import { backoffMs } from '../webhooks/signed-post.js';

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
const LEASE_MS = 300_000;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const SENT_KEPT_DAYS = 7;

/** Full-jitter exponential backoff: spreads the retries of many messages that failed together. */
export const retryDelayMs = (attempts: number, baseMs: number, random = Math.random): number =>
  backoffMs(attempts, baseMs, RETRY_CAP_MS, random);

type QueuedMail = Selectable<MailTables['platform.mail_queue']>;

/** A nodemailer failure as the queue settles it. */
function smtpFailure(error: unknown): DeliveryFailure {
  const failure: NodemailerError = error instanceof Error ? error : new Error(String(error));
  // A rejected recipient or message will be rejected again; a refused login is the operator's to fix.
  const hopeless = failure.permanent === true && failure.code !== 'EAUTH';
  return new DeliveryFailure(failure.message, hopeless, 0, { cause: failure });
}

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
 * The queue of outbound e-mail and its sender: a LeasedQueue over `platform.mail_queue`, so hub instances sharing
 * one PostgreSQL never send a message twice, and a crashed sender's message is taken over once its lease runs out.
 */
export class MailQueue implements Mailer {
  readonly #transport: Transporter | undefined;
  readonly #queue: LeasedQueue<QueuedMail>;
  #toldNotConfigured = false;

  constructor(options: MailQueueOptions) {
    const transport = options.smtpUrl
      ? nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS }, { from: options.from })
      : undefined;
    this.#transport = transport;
    this.#queue = new LeasedQueue<QueuedMail>({
      table: 'platform.mail_queue',
      db: options.db,
      logger: options.logger,
      pollMs: () => options.pollMs,
      isHub: options.isHub,
      ready: () => {
        if (!transport && !this.#toldNotConfigured) {
          this.#toldNotConfigured = true;
          options.logger.info('e-mail is not configured (smtpUrl): messages stay queued until it is');
        }
        return Boolean(transport);
      },
      leaseMs: LEASE_MS,
      maxAttempts: MAX_MAIL_ATTEMPTS,
      retryBaseMs: () => options.retryBaseMs,
      retryCapMs: RETRY_CAP_MS,
      keepSentDays: SENT_KEPT_DAYS,
      send: async (mail, signal) => {
        try {
          await transport?.sendMail({
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
            signal,
          });
        } catch (error) {
          throw smtpFailure(error);
        }
      },
      metrics: {
        registry: options.registry,
        sent: { name: 'kontor_mail_sent_total', help: 'E-mails the SMTP server took' },
        failed: {
          name: 'kontor_mail_failed_total',
          help: 'Failed attempts to send an e-mail: retried later, or given up (dead)',
        },
        messages: {
          name: 'kontor_mail_queue_messages',
          help: 'E-mails not sent: pending (waiting or being retried) and dead (given up, see docs/mail.md)',
        },
      },
      log: {
        roundFailed: 'e-mail queue failed; will retry',
        retry: 'could not send an e-mail; will retry',
        dead: 'gave up sending an e-mail; it stays in platform.mail_queue',
        facts: (mail, failure) => ({
          mailId: mail.id,
          responseCode: (failure.cause as NodemailerError | undefined)?.responseCode,
        }),
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
    queuedWork.note();
  }

  start() {
    this.#queue.start();
  }

  /** Sends what is due now rather than at the next poll; called after a commit that queued some. */
  nudge() {
    this.#queue.nudge();
  }

  /** Stops sending; a message on the wire is cancelled and stays queued for the next start. */
  async stop() {
    await this.#queue.stop();
    this.#transport?.close();
  }
}
