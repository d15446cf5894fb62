/**
 * Background work that runs when nudged (after a commit that gave it something to do) and every `pollMs` (for
 * what other instances or a crash left behind), one run at a time: a nudge during a run runs it once more
 * afterwards, so none is lost. The outbox, the mail queue and the webhook dispatcher each drive one.
 */
export class PollingLoop {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #started = false;

  constructor(
    private readonly run: () => Promise<void>,
    /** Hears a failed run; the next nudge or poll tries again. */
    private readonly onError: (error: unknown) => void,
    private readonly pollMs: () => number,
  ) {}

  get started(): boolean {
    return this.#started;
  }

  /** Starts polling and runs once now. */
  start() {
    if (this.#started) return;
    this.#started = true;
    this.#schedule();
    this.nudge();
  }

  nudge() {
    if (!this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.run()
      .catch(this.onError)
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /** Stops polling and waits for a run under way to end. */
  async stop() {
    this.#started = false;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule() {
    this.#timer = setTimeout(() => {
      this.nudge();
      if (this.#started) this.#schedule();
    }, this.pollMs());
    this.#timer.unref();
  }
}
