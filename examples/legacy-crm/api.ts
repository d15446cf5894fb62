// The CRM's endpoints (README.md): clients, orders, stats, and the control endpoints tests and benchmarks use.
import { type FaultInjector, faultsSchema } from './faults.js';
import { foldName, searchWords } from './fold.js';
import { invalid, ok, parse, problem, type Reply } from './problems.js';
import type { Route } from './router.js';
import { byIdQuery, clientInput, clientPatch, clientsQuery, orderInput, orderPatch, ordersQuery } from './schemas.js';
import { seedSchema } from './seed.js';
import type { CrmStore, WriteRefusal } from './store.js';

/** A write's outcome: the record, or the problem its refusal is. */
function written<T>(result: T | WriteRefusal, what: string, id?: string, status = 200): Reply {
  switch (result) {
    case 'not_found':
      return problem(404, 'not_found', `${what} ${id} does not exist`);
    case 'stale':
      return problem(409, 'version_conflict', `${what} ${id} has changed since that version`);
    case 'no_client':
      throw invalid('The client does not exist', [{ path: 'body.clientId', message: 'no such client' }]);
    case 'full':
      return problem(409, 'full', 'No ids are left for new records');
    default:
      return ok(result, status);
  }
}

const found = <T>(record: T | undefined, what: string, id: string) =>
  record ? ok(record) : problem(404, 'not_found', `${what} ${id} does not exist`);

export function crmRoutes(store: CrmStore, faults: FaultInjector): Route[] {
  return [
    {
      method: 'GET',
      path: '/clients',
      async handle({ query }) {
        if (query.order === 'id') {
          const { afterId, limit } = parse(byIdQuery, query, 'query');
          return ok(await store.clientsById(afterId, limit));
        }
        const { q, afterName, afterId, limit } = parse(clientsQuery, query, 'query');
        const after =
          afterName !== undefined && afterId !== undefined ? { sortName: foldName(afterName), id: afterId } : undefined;
        return ok(await store.clientsByName({ words: searchWords(q), after, limit }));
      },
    },
    {
      method: 'GET',
      path: '/clients/:id',
      handle: async ({ id }) => found(await store.client(id), 'Client', id),
    },
    {
      method: 'POST',
      path: '/clients',
      handle: async ({ body }) =>
        written(await store.createClient(parse(clientInput, body, 'body')), 'Client', '', 201),
    },
    {
      method: 'PATCH',
      path: '/clients/:id',
      async handle({ id, body }) {
        const { version, ...patch } = parse(clientPatch, body, 'body');
        return written(await store.patchClient(id, patch, version), 'Client', id);
      },
    },
    {
      method: 'GET',
      path: '/orders',
      async handle({ query }) {
        if (query.order === 'id') {
          const { afterId, limit } = parse(byIdQuery, query, 'query');
          return ok(await store.ordersById(afterId, limit));
        }
        const { client, q, status, from, to, beforeAt, beforeId, limit } = parse(ordersQuery, query, 'query');
        const before = beforeAt && beforeId !== undefined ? { at: beforeAt, id: beforeId } : undefined;
        return ok(
          await store.ordersByTime({ clientId: client, words: searchWords(q), status, from, to, before, limit }),
        );
      },
    },
    {
      method: 'GET',
      path: '/orders/:id',
      handle: async ({ id }) => found(await store.order(id), 'Order', id),
    },
    {
      method: 'POST',
      path: '/orders',
      handle: async ({ body }) => written(await store.createOrder(parse(orderInput, body, 'body')), 'Order', '', 201),
    },
    {
      method: 'PATCH',
      path: '/orders/:id',
      async handle({ id, body }) {
        const { version, ...patch } = parse(orderPatch, body, 'body');
        return written(await store.patchOrder(id, patch, version), 'Order', id);
      },
    },
    { method: 'GET', path: '/stats', handle: async () => ok(await store.stats()) },
    { method: 'GET', path: '/_faults', handle: async () => ok(faults.current) },
    {
      method: 'PUT',
      path: '/_faults',
      handle: async ({ body }) => ok(faults.set(parse(faultsSchema, body ?? {}, 'body'))),
    },
    { method: 'DELETE', path: '/_faults', handle: async () => ok(faults.set({})) },
    {
      method: 'POST',
      path: '/_seed',
      handle: async ({ body }) => written(await store.seed(parse(seedSchema, body ?? {}, 'body')), 'Seed'),
    },
    {
      method: 'POST',
      path: '/_reset',
      async handle() {
        await store.reset();
        return { status: 204 };
      },
    },
  ];
}
