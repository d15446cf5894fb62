// The legacy CRM stand-in as a process (README.md):
//   node examples/legacy-crm --port 4100 [--data DIR] [--token T] [--seed-clients 100000 --seed-orders-per-client 3]
import { parseArgs } from 'node:util';
import { startLegacyCrm } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    token: { type: 'string' },
    'seed-clients': { type: 'string', default: '0' },
    'seed-orders-per-client': { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: node examples/legacy-crm [options]   (or: npm run legacy-crm -- [options])
  --port N                      where to listen (default 4100; 0 picks a free port)
  --host ADDRESS                (default 127.0.0.1)
  --data DIR                    keep the database in DIR (default: in memory, gone when it stops)
  --token T                     require "Authorization: Bearer T" on every request
  --seed-clients N              generate N clients at start when the database is empty (default 0)
  --seed-orders-per-client M    and M orders for each (default 3)
  --seed S                      the seed of the generated records (default 1)`);
  process.exit(0);
}

const number = (name: string, value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a whole number, not ${value}`);
    process.exit(2);
  }
  return parsed;
};

const crm = await startLegacyCrm({
  port: number('port', values.port),
  host: values.host,
  dataDir: values.data,
  token: values.token,
});

const clients = number('seed-clients', values['seed-clients']);
if (clients > 0) {
  const stats = await crm.stats();
  if (stats.clients > 0) console.log(`not seeding: the database already has ${stats.clients} clients`);
  else {
    const started = performance.now();
    const seeded = await crm.seed({
      clients,
      ordersPerClient: number('seed-orders-per-client', values['seed-orders-per-client']),
      seed: number('seed', values.seed),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`seeded ${seeded.clients} clients and ${seeded.orders} orders in ${seconds} s`);
  }
}

// Tests and scripts wait for this line (and read the port from it when started with --port 0).
console.log(`legacy-crm listening on ${crm.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void crm.close().then(() => process.exit(0));
  });
}
