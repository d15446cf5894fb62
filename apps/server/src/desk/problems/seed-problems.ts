import { randomUUID } from 'node:crypto';
import { systemContext } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';
import { ruleRepository } from './problem-repository.js';
import type { ProblemsDb } from './tables.js';

/** The demo rule: three network incidents within half an hour open a problem. Skipped when rules exist. */
export async function seedProblemsDemo(platform: Platform): Promise<void> {
  const db = platform.db as ProblemsDb;
  if ((await ruleRepository.all(db)).length > 0) return;
  const network = await db.selectFrom('desk.categories').select('id').where('name', '=', 'Nätverk').executeTakeFirst();
  if (!network) return;
  await platform.transaction(async (trx) => {
    const id = randomUUID();
    const rule = { name: 'Nätverksstörning', kind: 'category', threshold: 3, window_minutes: 30 } as const;
    await ruleRepository.insert(trx as ProblemsDb, { id, ...rule, category_id: network.id });
    await platform.audit.record(trx, systemContext('demo'), {
      action: 'desk.problem_rule.create',
      entity: 'desk.problem_rule',
      entityId: id,
      after: rule,
    });
  });
}
