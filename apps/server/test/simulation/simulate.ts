import { violations } from './checks.js';
import type { SimCluster } from './cluster.js';
import { Network } from './network.js';
import { quiesce } from './quiesce.js';
import { play, type Schedule } from './schedule.js';
import { Workload } from './workload.js';

/**
 * One schedule from a clean cluster: the perturbed phase, then healing (partitions lifted, crashed nodes
 * restarted, no more losses) and exchange until quiet. Answers what broke, empty when nothing did.
 */
export async function simulate(cluster: SimCluster, schedule: Schedule): Promise<string[]> {
  await cluster.reset();
  const network = new Network(cluster.nodes);
  const workload = new Workload(cluster.nodes);
  await play(schedule, cluster, network, workload);
  await network.heal();
  const unsettled = await quiesce(cluster);
  return [...(unsettled ? [unsettled] : []), ...(await violations(cluster, workload))];
}
