import { z } from 'zod';

/** How long a request picked to time out hangs when its caller does not give up first. */
const HANG_MS = 60_000;

export const faultsSchema = z.strictObject({
  /** Added to every answer. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  /** Up to this much more, uniformly at random. */
  jitterMs: z.number().int().min(0).max(60_000).default(0),
  /** Share of requests answered with `errorStatus`. */
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.number().int().min(400).max(599).default(503),
  /** Share of requests that never answer (until the caller gives up, or 60 s). */
  timeoutRate: z.number().min(0).max(1).default(0),
  /** Every request answers 503 at once. */
  down: z.boolean().default(false),
});
export type Faults = z.infer<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

/** What the faults leave of a request: it goes on, or it gets this problem instead of its answer. */
export type FaultVerdict = { pass: true } | { pass: false; status: number; code: string; detail: string };

/** Resolves after `ms`, or at once when `signal` aborts (a caller that gave up needs no answer). */
function pause(ms: number, signal: AbortSignal, pending: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pending.delete(done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    pending.add(done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The injected misbehaviour of the data endpoints; the control endpoints (`/_…`) never suffer it. */
export class FaultInjector {
  #faults: Faults = faultsSchema.parse({});
  readonly #pending = new Set<() => void>();

  get current(): Faults {
    return { ...this.#faults };
  }

  /** Replaces the faults: what `input` leaves out is off. Throws a ZodError on invalid input. */
  set(input: FaultsInput): Faults {
    this.#faults = faultsSchema.parse(input);
    return this.current;
  }

  async apply(signal: AbortSignal): Promise<FaultVerdict> {
    const faults = this.#faults;
    if (faults.down) return { pass: false, status: 503, code: 'down', detail: 'The CRM is down' };
    const delay = faults.latencyMs + Math.random() * faults.jitterMs;
    if (delay > 0) await pause(delay, signal, this.#pending);
    if (Math.random() < faults.timeoutRate) {
      await pause(HANG_MS, signal, this.#pending);
      return { pass: false, status: 504, code: 'timeout', detail: 'The CRM did not answer in time' };
    }
    if (Math.random() < faults.errorRate)
      return { pass: false, status: faults.errorStatus, code: 'injected_error', detail: 'An injected failure' };
    return { pass: true };
  }

  /** Ends every wait at once (the server is closing). */
  release(): void {
    for (const done of [...this.#pending]) done();
  }
}
