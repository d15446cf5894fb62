import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** One message the test server accepted. */
export interface ReceivedMail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO), as the client gave them. */
  envelope: { from: string | undefined; to: string[] };
  /** The user the client signed in as, when the SMTP URL carried credentials. */
  user: string | undefined;
  /** The message as mailparser reads it: `subject`, `text`, `html`, `attachments` (with `cid`, `content`) … */
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  /** `smtp://127.0.0.1:<port>`: give it to a node as `smtpUrl` (credentials may be added; any are accepted). */
  url: string;
  port: number;
  /** Every accepted message, in the order received. */
  messages: ReceivedMail[];
  /** How many messages were refused so far (see `refuseNext`). */
  readonly refused: number;
  /**
   * Refuses the next `count` messages after their data was sent: by default with `451 4.3.0 try again later`,
   * as a busy relay does (the sender is expected to retry); with a 5xx `responseCode` for good (it is not).
   */
  refuseNext(count: number, responseCode?: number): void;
  /** Resolves with the first message (received already or later) `predicate` accepts; rejects after `timeoutMs`. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Messages received so far whose subject is `subject`. */
  withSubject(subject: string): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, without TLS, accepting any
 * sign-in or none, for tests of what Kontor sends by e-mail:
 *
 * ```ts
 * const smtp = await startSmtpTestServer();
 * // mailRetryBaseMs: retries after a refusal come within milliseconds instead of 30 s
 * const node = await startTestNode(store, { smtpUrl: smtp.url, mailRetryBaseMs: 10 });
 * // … do what sends the mail …
 * const mail = await smtp.waitFor((m) => m.parsed.subject === 'Your visitor has arrived');
 * await node.close();
 * await smtp.close();
 * ```
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const messages: ReceivedMail[] = [];
  let toRefuse = 0;
  let refusalCode = 451;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (toRefuse > 0) {
            toRefuse -= 1;
            state.refused += 1;
            const error: SMTPServerError = new Error(
              refusalCode < 500 ? '4.3.0 try again later' : '5.7.1 message refused',
            );
            error.responseCode = refusalCode;
            callback(error);
            return;
          }
          const from = session.envelope.mailFrom;
          messages.push({
            envelope: { from: from ? from.address : undefined, to: session.envelope.rcptTo.map((r) => r.address) },
            user: typeof session.user === 'string' ? session.user : undefined,
            parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get refused() {
      return state.refused;
    },
    refuseNext(count, responseCode = 451) {
      toRefuse = count;
      refusalCode = responseCode;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const subjects = messages.map((m) => m.parsed.subject);
          throw new Error(`no matching e-mail within ${timeoutMs} ms; received: ${JSON.stringify(subjects)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    withSubject: (subject) => messages.filter((m) => m.parsed.subject === subject),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
