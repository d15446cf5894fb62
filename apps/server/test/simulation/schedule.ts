import fc from 'fast-check';
import { setClock } from './clock.js';
import type { SimCluster } from './cluster.js';
import type { Network } from './network.js';
import { requestPull, requestPush } from './protocol.js';
import type { Workload, WriteAction, WriteMix } from './workload.js';

/**
 * One thing that happens in the perturbed phase. Indices are taken modulo what exists when the step runs (node 0
 * is the hub, client 0 the first client; `pick` chooses among messages in flight or rows), so every generated
 * schedule is valid and fast-check can shrink it freely.
 */
export type Step =
  | { do: 'write'; writer: 'hub' | number; action: WriteAction; pick: number }
  | { do: 'pull' | 'push' | 'partition'; client: number }
  | { do: 'deliver' | 'drop' | 'duplicate'; pick: number }
  | { do: 'crash' | 'restart'; node: number };

/**
 * The perturbed phase, and how far each node's clock is off. Step n happens at simulated time n * STEP_MS on a
 * true clock; a node's own clock is `skews[node]` ms off, so nodes may disagree on which of two writes is later.
 */
export interface Schedule {
  skews: number[];
  steps: Step[];
}

const STEP_MS = 10;
const MAX_SKEW_MS = 50;
/** Small pages, so that schedules of a few dozen writes cut pages, inside an origin's transaction too. */
const PAGE = 4;
const index = fc.nat({ max: 7 });

const write = (writer: fc.Arbitrary<'hub' | number>, actions: readonly WriteAction[]) =>
  fc.record({ do: fc.constant('write' as const), writer, action: fc.constantFrom(...actions), pick: index });

const step = (mix: WriteMix): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 2, arbitrary: write(fc.constant('hub'), mix.hub) },
    { weight: 4, arbitrary: write(index, mix.client) },
    { weight: 3, arbitrary: fc.record({ do: fc.constantFrom('pull' as const, 'push' as const), client: index }) },
    { weight: 8, arbitrary: fc.record({ do: fc.constant('deliver' as const), pick: index }) },
    { weight: 2, arbitrary: fc.record({ do: fc.constantFrom('drop' as const, 'duplicate' as const), pick: index }) },
    { weight: 1, arbitrary: fc.record({ do: fc.constant('partition' as const), client: index }) },
    { weight: 1, arbitrary: fc.record({ do: fc.constantFrom('crash' as const, 'restart' as const), node: index }) },
  );

/** Up to a few dozen steps: small schedules, so that thousands of them fit in a CI run. */
export const schedules = (mix: WriteMix, nodeCount: number): fc.Arbitrary<Schedule> =>
  fc.record({
    skews: fc.array(fc.integer({ min: -MAX_SKEW_MS, max: MAX_SKEW_MS }), {
      minLength: nodeCount,
      maxLength: nodeCount,
    }),
    steps: fc.array(step(mix), { minLength: 1, maxLength: 40, size: 'max' }),
  });

/** Plays the perturbed phase of a schedule; a crashed node neither writes nor sends until it restarts. */
export async function play({ skews, steps }: Schedule, cluster: SimCluster, network: Network, workload: Workload) {
  const { hub, clients, nodes } = cluster;
  const at = <T>(list: T[], position: number) => list[position % list.length] as T;
  for (const [position, step] of steps.entries()) {
    switch (step.do) {
      case 'write': {
        const writer = step.writer === 'hub' ? hub : at(clients, step.writer);
        if (!writer.up) break;
        await setClock(writer.db, position * STEP_MS + (skews[nodes.indexOf(writer)] ?? 0));
        await workload.write(writer, step.action, step.pick);
        break;
      }
      case 'pull':
      case 'push': {
        const client = at(clients, step.client);
        if (client.up) network.send(await (step.do === 'pull' ? requestPull : requestPush)(client, hub, PAGE));
        break;
      }
      case 'partition':
        network.togglePartition(hub, at(clients, step.client));
        break;
      case 'deliver':
        await network.deliver(step.pick);
        break;
      case 'drop':
        network.drop(step.pick);
        break;
      case 'duplicate':
        network.duplicate(step.pick);
        break;
      case 'crash':
        network.crash(at(nodes, step.node));
        break;
      case 'restart': {
        const node = at(nodes, step.node);
        if (!node.up) await node.restart();
        break;
      }
    }
  }
}
