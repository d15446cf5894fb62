import type { SimCluster } from './cluster.js';
import { acceptAnswer, requestPull, requestPush, servePull, servePush } from './protocol.js';
import { type SimNode, vectorText } from './sim-node.js';

/** Far more rounds than a healed cluster needs: two carry a change from one client to every other. */
const MAX_ROUNDS = 6;
/** Pages as large as a real client's: the perturbed phase has cut small pages already. */
const PAGE = 2_000;

/**
 * Exchanges over a healed, reliable network, as `SyncClient` rounds do (pull every page, then push every page),
 * until every node holds what every other holds. Returns an explanation when the cluster never gets there.
 */
export async function quiesce({ hub, clients, nodes }: SimCluster): Promise<string | undefined> {
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    for (const client of clients) {
      await pullAll(client, hub);
      await pushAll(client, hub);
    }
    const vectors: string[] = [];
    for (const node of nodes) vectors.push(vectorText(await node.vector()));
    // Whether the nodes agree on the rows too is for the checks to say. A client hears of the hub's refusals of
    // its last pushes at its next pull, as a real one does at its next round (or nudge).
    if (vectors.every((vector) => vector === vectors[0])) {
      for (const client of clients) await pullAll(client, hub);
      return undefined;
    }
  }
  return `the healed cluster still holds different changes after ${MAX_ROUNDS} rounds of exchange`;
}

async function pullAll(client: SimNode, hub: SimNode) {
  for (let more = true; more; ) {
    const answer = await servePull(hub, await requestPull(client, hub, PAGE));
    await acceptAnswer(client, answer);
    more = answer.more;
  }
}

/** Pushes page after page until the client holds nothing the hub lacks, or the hub stops taking more. */
async function pushAll(client: SimNode, hub: SimNode) {
  for (;;) {
    const request = await requestPush(client, hub, PAGE);
    if (!request) return;
    const heard = vectorText(client.hubVector);
    await acceptAnswer(client, await servePush(hub, request));
    // The hub took nothing (it lacks an earlier change): the same page again would not help; the checks say why.
    if (vectorText(client.hubVector) === heard) return;
  }
}
