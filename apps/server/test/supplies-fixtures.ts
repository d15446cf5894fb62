import type { Article, Order, OrderingUnit } from '@kontor/contracts';
import { expectStatus, type Session, type TestNode } from './test-node.js';

export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** On a hub with the demo data: a nurse who orders for Ortopedavdelning 71, and staff who take orders in. */
export async function orderingStaff(node: TestNode) {
  const nurse = await node.userWith(['supplies.order', 'directory.read']);
  const staff = await node.userWith(['supplies.order', 'supplies.manage']);
  const units: OrderingUnit[] = (await node.app.inject({ url: '/api/supplies/units', headers: staff.headers })).json();
  const ward = units.find((unit) => unit.name === 'Ortopedavdelning 71') as OrderingUnit;
  await expectStatus(
    node.app.inject({
      method: 'PUT',
      url: `/api/supplies/units/${ward.id}/members`,
      payload: { userIds: [nurse.id] },
      headers: staff.headers,
    }),
    200,
  );
  return { nurse, staff, ward };
}

/** The first article of the catalog that matches `q`, inactive ones included. */
export async function findArticle(node: TestNode, session: Session, q: string): Promise<Article> {
  const response = await expectStatus(
    node.app.inject({ url: '/api/supplies/articles', query: { q, includeInactive: 'true' }, headers: session.headers }),
    200,
  );
  return response.json().articles[0];
}

/** An order for tomorrow, as POST /api/supplies/orders takes it. */
export const orderFor = (unitId: string, lines: Array<{ articleId: string; quantity: number }>) => ({
  unitId,
  deliveryAddress: 'Ortopedavdelning 71, plan 3, USÖ',
  requestedDate: tomorrow(),
  lines,
});

export async function placeOrder(
  node: TestNode,
  session: Session,
  unitId: string,
  lines: Array<{ articleId: string; quantity: number }>,
): Promise<Order> {
  const response = node.app.inject({
    method: 'POST',
    url: '/api/supplies/orders',
    payload: orderFor(unitId, lines),
    headers: session.headers,
  });
  return (await expectStatus(response, 201)).json();
}
