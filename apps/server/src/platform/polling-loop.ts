const WAKE_MARGIN_MS = 5;

/**
 * Background work that runs when nudged (after a commit that gave it something to do) and every `pollMs` (for
 * what other instances or a crash left behind), one run at a time: a nudge during a run runs it once more
 * afterwards, so none is lost. The outbox, the mail queue and the webhook dispatcher each drive one.
 */
export class PollingLoop {
  #timer: NodeJS.Timeout | undefined;
  /** Each shorter than a poll, so they are few: one per row put off since. */
  readonly #wakes = new Set<NodeJS.Timeout>();
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

  /**
   * Runs once more `ms` from now when that comes before the next poll: work a run put off for a moment (a retry
   * after a short backoff) is done when it falls due, not a whole poll later.
   */
  wakeIn(ms: number) {
    if (!this.#started || ms >= this.pollMs()) return;
    // The work's own clock (the database's now()) may be a little behind a timer that fires early.
    const wake = setTimeout(() => {
      this.#wakes.delete(wake);
      this.nudge();
    }, ms + WAKE_MARGIN_MS);
    wake.unref();
    this.#wakes.add(wake);
  }

  /** Stops polling and waits for a run under way to end. */
  async stop() {
    this.#started = false;
    clearTimeout(this.#timer);
    for (const wake of this.#wakes) clearTimeout(wake);
    this.#wakes.clear();
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
