import type { Logger } from 'pino';
import type { DeskParts } from '../desk-parts.js';
import type { SmtpListener } from './email/smtp-listener.js';

/**
 * The channels that take incidents in by listening (the ESB consumer and the SMTP listener) run on the hub only.
 * `follow` starts or stops them to match the node's role now; calls are serialised, so a burst of authority
 * changes never starts a listener twice, and nothing starts once the node stops.
 */
export class HubIntake {
  #running = false;
  #closed = false;
  #smtp: SmtpListener | undefined;
  #turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly desk: Pick<DeskParts, 'esb' | 'email'>,
    private readonly isHub: () => boolean,
    private readonly logger: Logger,
  ) {}

  /** Starts or stops the listeners to match the node's role now. */
  follow(): Promise<void> {
    return this.#enqueue(() => (this.isHub() && !this.#closed ? this.#start() : this.#stop()));
  }

  /** Stops the listeners for good (the node stops). */
  stop(): Promise<void> {
    this.#closed = true;
    return this.#enqueue(() => this.#stop());
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#turn = this.#turn
      .then(step)
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'could not follow the node’s role with the desk intake'),
      );
    return this.#turn;
  }

  async #start() {
    if (this.#running) return;
    this.#running = true;
    this.desk.esb?.start();
    this.#smtp = await this.desk.email.listen();
  }

  async #stop() {
    if (!this.#running) return;
    this.#running = false;
    const smtp = this.#smtp;
    this.#smtp = undefined;
    await Promise.all([this.desk.esb?.stop(), smtp?.stop()]);
  }
}
