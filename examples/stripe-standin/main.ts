// A local server speaking Stripe's protocol for hosted card payments (README.md):
//   node --import tsx examples/stripe-standin/main.ts --port 12111 \
//     --webhook-url http://127.0.0.1:3000/api/shop/payments/webhook/stripe \
//     --webhook-secret whsec_local_standin --secret-key sk_test_standin
import { parseArgs } from 'node:util';
import { startStripeStandin } from './standin.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '12111' },
    host: { type: 'string', default: '127.0.0.1' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string', default: 'whsec_local_standin' },
    'secret-key': { type: 'string', default: 'sk_test_standin' },
    'public-url': { type: 'string' },
    'retry-base-ms': { type: 'string', default: '1000' },
    'retry-attempts': { type: 'string', default: '6' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: node --import tsx examples/stripe-standin/main.ts [options]
  --port N               where to listen (default 12111; 0 picks a free port)
  --host ADDRESS         (default 127.0.0.1)
  --webhook-url URL      where to POST the signed events (the shop's /api/shop/payments/webhook/stripe)
  --webhook-secret S     the whsec_… secret the events are signed with (default whsec_local_standin)
  --secret-key KEY       the API key callers must send as Bearer (default sk_test_standin)
  --public-url URL       base of the payment page links, when browsers reach this server under another address
  --retry-base-ms N      first retry delay of a webhook the shop did not take; doubles per attempt (default 1000)
  --retry-attempts N     delivery attempts per event (default 6)`);
  process.exit(0);
}

const standin = await startStripeStandin({
  port: Number(values.port),
  host: values.host,
  webhookUrl: values['webhook-url'] ?? null,
  webhookSecret: values['webhook-secret'] as string,
  secretKey: values['secret-key'],
  publicUrl: values['public-url'],
  retry: { baseMs: Number(values['retry-base-ms']), attempts: Number(values['retry-attempts']) },
  log: (line) => console.log(`${new Date().toISOString()} ${line}`),
});

console.log(`Stripe stand-in listening on ${standin.url}`);
console.log(`  API:       ${standin.url}/v1 (Bearer ${values['secret-key']})`);
console.log(`  webhooks:  ${values['webhook-url'] ?? '(none: set --webhook-url)'}`);
console.log('  cards:     4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void standin.close().then(() => process.exit(0));
  });
}
