import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * Prometheus metrics of one node (its own registry, so several nodes can share a process in tests):
 * Node's defaults (event-loop lag among them), the database pool, and request latency by route.
 */
export function createMetrics(pool: pg.Pool): Metrics {
  const registry = new Registry();
  // prom-client samples event-loop lag every 10 ms by default: a hundred wake-ups a second on an idle
  // workstation. Every 100 ms still catches any stall long enough to matter.
  collectDefaultMetrics({ register: registry, prefix: 'kontor_', eventLoopMonitoringPrecision: 100 });
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  poolGauge('kontor_db_pool_connections', 'Database connections open in the pool', () => pool.totalCount);
  poolGauge('kontor_db_pool_idle', 'Idle database connections', () => pool.idleCount);
  poolGauge('kontor_db_pool_waiting', 'Queries waiting for a database connection', () => pool.waitingCount);
  const requestDuration = new Histogram({
    name: 'kontor_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, requestDuration };
}

export function instrumentRequests(app: FastifyInstance, metrics: Metrics) {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
