import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';

export interface JobContext {
  /**
   * The job's own transaction, which holds its lock: everything the job writes commits together, or not at
   * all when it throws. Use it for every read and write; on PGlite `platform.db` would wait for it forever.
   */
  // biome-ignore lint/suspicious/noExplicitAny: modules narrow it to their own tables with `withTables`
  db: Kysely<any>;
  logger: Logger;
}

export type JobWork = (ctx: JobContext) => Promise<void>;

/** What asking a job to run came to: it ran, another run held it, or this node is not a hub. */
export type JobRun = 'ran' | 'busy' | 'client-node';

/** Work a module repeats on the hub (docs/architecture.md#scheduled-jobs). */
export interface Jobs {
  /**
   * Runs `work` every `intervalMs` once the node serves, on hub nodes only, and on one hub instance at a
   * time. A failure is logged and the job runs again at its next tick. Register in `init`.
   */
  every(name: string, intervalMs: number, work: JobWork): void;
  /** Runs the job now and resolves when it is done; rejects with the job's own error if it fails. */
  runNow(name: string): Promise<JobRun>;
}

interface Job {
  name: string;
  intervalMs: number;
  work: JobWork;
  logger: Logger;
  timer?: NodeJS.Timeout;
  running?: Promise<JobRun>;
}

export interface JobSchedulerOptions {
  // biome-ignore lint/suspicious/noExplicitAny: jobs run below any module's table types
  db: Kysely<any>;
  logger: Logger;
  registry: Registry;
  /** Read at every tick: a client node promoted to hub takes its jobs up without a restart. */
  isHub: () => boolean;
  /** Lets the outbox and the mail queue send what a job's transaction added. */
  afterCommit: () => void;
}

export class JobScheduler implements Jobs {
  readonly #jobs = new Map<string, Job>();
  readonly #options: JobSchedulerOptions;
  readonly #runs: Counter<'job' | 'outcome'>;
  #started = false;

  constructor(options: JobSchedulerOptions) {
    this.#options = options;
    this.#runs = new Counter({
      name: 'kontor_job_runs_total',
      help: 'Runs of scheduled jobs on this instance, by job and outcome (ok, failed)',
      labelNames: ['job', 'outcome'] as const,
      registers: [options.registry],
    });
  }

  every(name: string, intervalMs: number, work: JobWork): void {
    if (this.#jobs.has(name)) throw new Error(`a job named ${name} is already registered`);
    if (!Number.isFinite(intervalMs) || intervalMs < 10) throw new RangeError(`job ${name}: interval too short`);
    const job: Job = { name, intervalMs, work, logger: this.#options.logger.child({ job: name }) };
    this.#jobs.set(name, job);
    if (this.#started) this.#schedule(job);
  }

  async runNow(name: string): Promise<JobRun> {
    const job = this.#jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    return this.#run(job);
  }

  start() {
    if (this.#started) return;
    this.#started = true;
    for (const job of this.#jobs.values()) this.#schedule(job);
  }

  /** Stops the timers and waits for runs under way to finish. */
  async stop() {
    this.#started = false;
    for (const job of this.#jobs.values()) clearTimeout(job.timer);
    await Promise.allSettled([...this.#jobs.values()].map((job) => job.running));
  }

  #schedule(job: Job) {
    job.timer = setTimeout(async () => {
      try {
        await this.#run(job);
      } catch (error) {
        job.logger.error({ err: error }, 'job failed; it runs again at its next tick');
      }
      if (this.#started) this.#schedule(job);
    }, job.intervalMs);
    job.timer.unref();
  }

  async #run(job: Job): Promise<JobRun> {
    if (!this.#options.isHub()) return 'client-node';
    if (job.running) return 'busy';
    job.running = this.#runLocked(job);
    try {
      return await job.running;
    } finally {
      job.running = undefined;
    }
  }

  async #runLocked(job: Job): Promise<JobRun> {
    let ran: boolean;
    try {
      ran = await this.#options.db.transaction().execute(async (trx) => {
        // Transaction-scoped, so a crashed instance can never leave the job locked.
        const lock = await sql<{ locked: boolean }>`
          select pg_try_advisory_xact_lock(hashtext(${`kontor.job.${job.name}`})) as locked`.execute(trx);
        if (!lock.rows[0]?.locked) return false;
        await job.work({ db: trx, logger: job.logger });
        return true;
      });
    } catch (error) {
      this.#runs.inc({ job: job.name, outcome: 'failed' });
      throw error;
    }
    if (!ran) return 'busy';
    this.#runs.inc({ job: job.name, outcome: 'ok' });
    this.#options.afterCommit();
    return 'ran';
  }
}
