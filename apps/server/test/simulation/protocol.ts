import type { Vector } from '../../src/sync/change-log.js';
import type { Rejection } from '../../src/sync/service.js';
import type { WireChange } from '../../src/sync/signing.js';
import type { SimNode } from './sim-node.js';

interface Envelope {
  from: string;
  to: string;
}
export type PullRequest = Envelope & { kind: 'pull'; vector: Vector; limit: number; rejectedAfter: number };
export type PullAnswer = Envelope & {
  kind: 'pull-answer';
  changes: WireChange[];
  more: boolean;
  vector: Vector;
  rejections: Rejection[];
};
export type PushRequest = Envelope & { kind: 'push'; changes: WireChange[] };
export type PushAnswer = Envelope & { kind: 'push-answer'; vector: Vector };
export type Message = PullRequest | PullAnswer | PushRequest | PushAnswer;

/*
 * A client's exchange with its hub as `SyncClient` does it over HTTP, and the hub's answers as its routes give
 * them, with the engine's own functions: a pull is answered by `changesBeyond` on the hub, a push is applied by
 * `receive` (the Applier), and each answer carries the hub's vector, which tells the client what to push next
 * and which of its own changes the hub confirmed; a pull's answer also says which of them it refused.
 */

/** A pull, saying up to which of its own changes the client has heard the hub's refusals. */
export async function requestPull(client: SimNode, hub: SimNode, limit: number): Promise<PullRequest> {
  const rejectedAfter = await client.service.rejectionsHeardSeq();
  return { kind: 'pull', from: client.id, to: hub.id, vector: await client.vector(), limit, rejectedAfter };
}

/** A page of what the client holds beyond what it heard the hub holds (store and forward); none: undefined. */
export async function requestPush(client: SimNode, hub: SimNode, limit: number): Promise<PushRequest | undefined> {
  const { changes } = await client.service.changesBeyond(client.hubVector, limit);
  return changes.length === 0 ? undefined : { kind: 'push', from: client.id, to: hub.id, changes };
}

export async function servePull(hub: SimNode, request: PullRequest): Promise<PullAnswer> {
  // Read first, as the route does: every refusal of a seq it covers is then in the answer.
  const vector = await hub.vector();
  const { changes, more } = await hub.service.changesBeyond(request.vector, request.limit);
  const rejections = await hub.service.rejectionsOf(request.from, request.rejectedAfter);
  return { kind: 'pull-answer', from: hub.id, to: request.from, changes, more, vector, rejections };
}

export async function servePush(hub: SimNode, request: PushRequest): Promise<PushAnswer> {
  await hub.receive(request.changes);
  return { kind: 'push-answer', from: hub.id, to: request.from, vector: await hub.vector() };
}

export async function acceptAnswer(client: SimNode, answer: PullAnswer | PushAnswer) {
  if (answer.kind === 'pull-answer') {
    await client.receive(answer.changes);
    await client.service.hearRejections(answer.rejections, answer.vector[client.id] ?? 0);
  }
  client.hubVector = answer.vector;
  await client.service.confirm(answer.vector[client.id] ?? 0);
}

/** What `node` does with a message that reached it: a request is answered, an answer is taken in. */
export async function handle(node: SimNode, message: Message): Promise<Message | undefined> {
  switch (message.kind) {
    case 'pull':
      return servePull(node, message);
    case 'push':
      return servePush(node, message);
    default:
      await acceptAnswer(node, message);
      return undefined;
  }
}
