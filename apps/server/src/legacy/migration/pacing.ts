/**
 * A token bucket of records per second: a walk asks before each batch how long to wait. It lends a whole batch at
 * once (the balance may go below zero) and makes the next one wait the debt off, so batches larger than a second's
 * allowance still keep the average at the rate; a second's allowance may go at once after an idle spell.
 */
export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = perSecond;
    this.#at = now();
  }

  /** Milliseconds to wait before `count` records may go; they are taken now. */
  take(count: number): number {
    const now = this.now();
    this.#tokens = Math.min(this.perSecond, this.#tokens + ((now - this.#at) / 1000) * this.perSecond);
    this.#at = now;
    const wait = this.#tokens >= 0 ? 0 : (-this.#tokens / this.perSecond) * 1000;
    this.#tokens -= count;
    return wait;
  }
}

const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/**
 * How long to wait before retry `attempt` (1, 2 …): doubling from half a second up to 30 s, each drawn between half
 * and all of it, so that instances failing together do not retry together.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Waits `ms`, or less when `signal` aborts (a stop or a pause does not wait out a backoff). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

const RATE_WINDOW_MS = 10_000;

/** Records per second over the last ten seconds, as a walk reports its batches. */
export class RateWindow {
  readonly #batches: Array<{ at: number; count: number }> = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  add(count: number): void {
    this.#batches.push({ at: this.now(), count });
  }

  perSecond(): number {
    const now = this.now();
    while ((this.#batches[0]?.at ?? now) < now - RATE_WINDOW_MS) this.#batches.shift();
    const first = this.#batches[0];
    if (!first) return 0;
    const total = this.#batches.reduce((sum, batch) => sum + batch.count, 0);
    // A lone batch says nothing of pace yet: count it over the whole window rather than over no time at all.
    const span = Math.max(now - first.at, 1000);
    return Math.round((total / span) * 1000 * 10) / 10;
  }
}
