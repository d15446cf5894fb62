import type { LightMyRequestResponse } from 'fastify';
import { PricingService } from '../src/commerce/catalog/pricing-service.js';
import { StockService } from '../src/commerce/catalog/stock-service.js';
import type { StoreLocation } from '../src/platform/db/database.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CatalogNode {
  node: TestNode;
  smtp: SmtpTestServer;
  /** Holds commerce.catalog (and has an e-mail address, for low-stock alerts). */
  keeper: Session & { id: string };
  /** Holds commerce.marketing only. */
  marketer: Session & { id: string };
  /** Signed in, with no permission. */
  customer: Session & { id: string };
  /** The catalog's seams as checkout and orders call them. */
  pricing: PricingService;
  stock: StockService;
  as(session: Session | null, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** Like `as`, expecting `status`; answers the JSON body. */
  // biome-ignore lint/suspicious/noExplicitAny: the API's answers, of many shapes, read as the tests need them
  ok(session: Session | null, method: Method, url: string, payload?: object, status?: number): Promise<any>;
  close(): Promise<void>;
}

/** A hub with the demo organisation (WestGear's catalog among it), a real SMTP server and the catalog's people. */
export async function startCatalogNode(store: StoreLocation): Promise<CatalogNode> {
  const smtp = await startSmtpTestServer();
  const node = await startTestNode(store, { smtpUrl: smtp.url, mailRetryBaseMs: 50 });
  const keeper = await node.userWith(['commerce.catalog']);
  await expectStatus(
    node.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${keeper.id}`,
      headers: node.admin.headers,
      payload: { email: 'katalog@westgear.example' },
    }),
    200,
  );
  const marketer = await node.userWith(['commerce.marketing']);
  const customer = await node.userWith([]);
  const as: CatalogNode['as'] = (session, method, url, payload) =>
    node.app.inject({ method, url, payload, headers: session?.headers ?? {} });
  return {
    node,
    smtp,
    keeper,
    marketer,
    customer,
    pricing: new PricingService(node.platform),
    stock: new StockService(node.platform),
    as,
    async ok(session, method, url, payload, status = method === 'POST' ? 201 : 200) {
      const response = await expectStatus(as(session, method, url, payload), status);
      return response.body ? response.json() : null;
    },
    async close() {
      await node.close();
      await smtp.close();
    },
  };
}

/** A product with two propeller variants, in the admin API's shape; `slug` and SKUs made unique by `tag`. */
export const propellerInput = (tag: string, overrides: Record<string, unknown> = {}) => ({
  slug: `test-propeller-${tag}`,
  status: 'published',
  name: { sv: `Testpropeller ${tag}`, en: `Test propeller ${tag}` },
  description: { sv: 'Trebladig aluminiumpropeller.', en: 'Three-blade aluminium propeller.' },
  attributes: { material: 'aluminium', blades: 3 },
  options: [{ key: 'pitch', name: { sv: 'Stigning', en: 'Pitch' } }],
  variants: [
    { sku: `T-${tag}-13`, optionValues: { pitch: '13' }, attributes: { pitch_in: 13 }, weightGrams: 2100 },
    { sku: `T-${tag}-14`, optionValues: { pitch: '14' }, attributes: { pitch_in: 14 }, weightGrams: 2100 },
  ],
  ...overrides,
});
