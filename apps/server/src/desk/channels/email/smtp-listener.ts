import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerError } from 'smtp-server';
import { AppError } from '../../../platform/http/errors.js';
import { megabytes } from '../../attachments/attachment-errors.js';
import type { Envelope } from './inbound-mail.js';

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** The largest attachment the desk keeps; the largest message follows from it. */
  attachmentMaxBytes: number;
  /** The desk's address: when set, mail only for it (or another address of its domain) is taken. */
  mailAddress: string | undefined;
  logger: Logger;
  receive(raw: Buffer, envelope: Envelope): Promise<unknown>;
}

/**
 * Base64 makes a file a third larger, plus line breaks (76 characters + CRLF per line); a megabyte on top covers
 * the text, the headers and small files beside the largest one.
 */
const messageLimit = (attachmentMaxBytes: number) => Math.ceil((attachmentMaxBytes * 4 * 78) / (3 * 76)) + 1_048_576;

const smtpError = (responseCode: number, message: string): SMTPServerError =>
  Object.assign(new Error(message), { responseCode });

/** Reads the DATA of one message, up to the limit the server announced (stream.sizeExceeded past it). */
async function readData(stream: SMTPServerDataStream): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // Past the limit the rest is drained, not kept: the message is refused anyway.
    if (stream.sizeExceeded) continue;
    chunks.push(chunk);
    size += chunk.length;
  }
  return stream.sizeExceeded ? undefined : Buffer.concat(chunks, size);
}

/**
 * The desk's inbound SMTP listener (docs/desk-channels.md). Meant to sit behind the organisation's mail server
 * (which relays the desk's address to it) or to be the MX itself; plain SMTP, no sign-in. A message is answered
 * 250 only once it is stored, so the sending server keeps it and retries on any failure here (4xx); what can never
 * be taken (a file over the limit) is refused for good (5xx) and the sender learns why from the bounce.
 */
export class SmtpListener {
  readonly #server: SMTPServer;
  constructor(private readonly options: SmtpListenerOptions) {
    const size = messageLimit(options.attachmentMaxBytes);
    const accepted = options.mailAddress?.toLowerCase();
    const acceptedDomain = accepted?.split('@')[1];
    this.#server = new SMTPServer({
      banner: 'Kontor service desk',
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      size,
      logger: false,
      onRcptTo(address, _session, callback) {
        const recipient = address.address.toLowerCase();
        if (accepted && recipient !== accepted && recipient.split('@')[1] !== acceptedDomain)
          return callback(smtpError(550, `5.1.1 <${recipient}>: this server takes mail for ${accepted} only`));
        callback();
      },
      onData: (stream, session, callback) => {
        this.#data(stream, { mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : false }).then(
          () => callback(),
          (error: SMTPServerError) => callback(error),
        );
      },
    });
    this.#server.on('error', (error) => options.logger.warn({ err: error }, 'desk SMTP listener error'));
  }

  async #data(stream: SMTPServerDataStream, envelope: Envelope) {
    const raw = await readData(stream);
    const limit = megabytes(this.options.attachmentMaxBytes);
    if (!raw) throw smtpError(552, `5.3.4 message too large: a file may be at most ${limit}`);
    try {
      await this.options.receive(raw, envelope);
    } catch (error) {
      if (error instanceof AppError && error.status === 413)
        throw smtpError(552, `5.3.4 attachment too large: a file may be at most ${limit}`);
      if (error instanceof AppError && error.status < 500) throw smtpError(554, `5.6.0 ${error.message}`);
      this.options.logger.error({ err: error }, 'desk e-mail could not be stored; the sender will retry');
      throw smtpError(451, '4.3.0 could not store the message now, try again later');
    }
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port, this.options.host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const address = this.#server.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    this.options.logger.info({ host: this.options.host, port }, 'desk e-mail: SMTP listener started');
    return port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
