import type { CrmEntity, CrmMigrationStatus } from '@kontor/contracts';
import { Counter, Histogram, type Registry } from 'prom-client';

export type LegacyOperation = 'page' | 'get' | 'walk' | 'stats';
export type LegacyOutcome = 'ok' | 'error' | 'timeout';

/** Enough answers for a steady p95 on the migration page, few enough that an outage shows within a minute or two. */
const LATENCY_WINDOW = 1000;

/**
 * The facade's figures: on the node's Prometheus registry for operators, and as a snapshot for the migration page
 * (counts since start, latency percentiles over the last answers).
 */
export class FacadeMetrics {
  readonly #cacheRequests: Counter<'entity' | 'result'>;
  readonly #legacyRequests: Counter<'entity' | 'operation' | 'outcome'>;
  readonly #legacySeconds: Histogram<'entity' | 'operation'>;
  readonly #migrated: Counter<'entity' | 'via'>;
  readonly #latenciesMs = new Float64Array(LATENCY_WINDOW);
  #latencyCount = 0;
  #hits = 0;
  #misses = 0;
  #legacy = { requests: 0, errors: 0, timeouts: 0 };

  constructor(
    registry: Registry,
    readonly cacheBackend: 'redis' | 'memory',
  ) {
    const registers = [registry];
    this.#cacheRequests = new Counter({
      name: 'kontor_crm_cache_requests_total',
      help: 'Look-ups of legacy CRM records and pages in the cache, by result (hit: fresh entry; miss: the legacy CRM is asked)',
      labelNames: ['entity', 'result'],
      registers,
    });
    this.#legacyRequests = new Counter({
      name: 'kontor_crm_legacy_requests_total',
      help: 'Requests to the legacy CRM by operation and outcome',
      labelNames: ['entity', 'operation', 'outcome'],
      registers,
    });
    this.#legacySeconds = new Histogram({
      name: 'kontor_crm_legacy_request_seconds',
      help: 'How long the legacy CRM took to answer (or to fail)',
      labelNames: ['entity', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.#migrated = new Counter({
      name: 'kontor_crm_migrated_total',
      help: 'Records moved from the legacy CRM into our services, by how (an edit or the backfill)',
      labelNames: ['entity', 'via'],
      registers,
    });
    // Present from the start, so a dashboard shows zero rather than no data.
    for (const entity of ['clients', 'orders'] as const) {
      for (const result of ['hit', 'miss']) this.#cacheRequests.inc({ entity, result }, 0);
      for (const via of ['edit', 'backfill']) this.#migrated.inc({ entity, via }, 0);
    }
  }

  cacheLookup(entity: CrmEntity, hit: boolean): void {
    this.#cacheRequests.inc({ entity, result: hit ? 'hit' : 'miss' });
    if (hit) this.#hits += 1;
    else this.#misses += 1;
  }

  legacyRequest(entity: CrmEntity | 'all', operation: LegacyOperation, outcome: LegacyOutcome, ms: number): void {
    this.#legacyRequests.inc({ entity, operation, outcome });
    this.#legacySeconds.observe({ entity, operation }, ms / 1000);
    this.#legacy.requests += 1;
    if (outcome === 'error') this.#legacy.errors += 1;
    if (outcome === 'timeout') this.#legacy.timeouts += 1;
    this.#latenciesMs[this.#latencyCount % LATENCY_WINDOW] = ms;
    this.#latencyCount += 1;
  }

  /** Counts a record moved into our service (the backfill and migrate-on-edit both call it after commit). */
  migrated(entity: CrmEntity, via: 'edit' | 'backfill', count: number): void {
    if (count > 0) this.#migrated.inc({ entity, via }, count);
  }

  snapshot(): Pick<CrmMigrationStatus, 'cache' | 'legacy'> {
    const looked = this.#hits + this.#misses;
    const window = this.#latenciesMs.slice(0, Math.min(this.#latencyCount, LATENCY_WINDOW)).sort();
    const percentile = (p: number) =>
      window.length === 0
        ? null
        : Math.round((window[Math.min(window.length - 1, Math.ceil(p * window.length) - 1)] ?? 0) * 10) / 10;
    return {
      cache: {
        backend: this.cacheBackend,
        hits: this.#hits,
        misses: this.#misses,
        hitRatio: looked === 0 ? null : this.#hits / looked,
      },
      legacy: { ...this.#legacy, latencyP50Ms: percentile(0.5), latencyP95Ms: percentile(0.95) },
    };
  }
}
