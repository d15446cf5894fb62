import { systemContext } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';
import { LegacyUnavailable } from '../facade/legacy-client.js';
import {
  differenceOf,
  type EntityPort,
  type LegacyRecordBase,
  type OurCopyBase,
  type WalkPage,
} from './entity-ports.js';
import { type ConsistencyDifference, migrationDb, migrationRepository as repo } from './migration-repository.js';
import { backoffMs, sleep, TokenBucket } from './pacing.js';

/** Differences a report lists; past them it still counts what it checks. */
const LISTED_DIFFERENCES = 500;
/** Failed calls in a row after which a check gives up (some two minutes of backoff). */
const MAX_ATTEMPTS = 8;

export const INTERRUPTED = 'The node stopped before the check was through; start it again';

export interface CheckDeps<R extends LegacyRecordBase, S extends OurCopyBase> {
  platform: Platform;
  port: EntityPort<R, S>;
  batchSize: number;
  ratePerSecond: number;
}

/**
 * Walks the legacy CRM by id and compares each record with our copy: missing here, changed in the legacy CRM after it
 * moved, or differing although not edited here since (entity-ports.ts `differenceOf`). Writes its progress to the
 * report after every batch, so the page sees it move; paced like the backfill, so a check does not load the
 * legacy CRM more than the backfill may.
 */
export async function runConsistencyCheck<R extends LegacyRecordBase, S extends OurCopyBase>(
  deps: CheckDeps<R, S>,
  id: string,
  signal: AbortSignal,
): Promise<void> {
  const { platform, port, batchSize } = deps;
  const db = migrationDb(platform.db);
  const ctx = systemContext('crm-consistency-check');
  const bucket = new TokenBucket(deps.ratePerSecond);
  const progress: Progress = { checked: 0, missing: 0, differences: [] };
  let after: string | null = null;
  let attempt = 0;
  while (!signal.aborted) {
    await sleep(bucket.take(batchSize), signal);
    if (signal.aborted) break;
    let page: WalkPage<R>;
    try {
      page = await port.walk(after, batchSize);
      attempt = 0;
    } catch (error) {
      if (!(error instanceof LegacyUnavailable) || ++attempt >= MAX_ATTEMPTS) {
        const reason = error instanceof LegacyUnavailable ? error.message : 'see the log';
        platform.logger.warn({ err: error, entity: port.entity, check: id }, 'consistency check gave up');
        await repo.updateReport(db, id, progress, { finishedAt: new Date(), error: `Gave up: ${reason}` });
        return;
      }
      await sleep(backoffMs(attempt), signal);
      continue;
    }
    compare(port, page, await port.ours(ctx, walkedIds(page)), progress);
    after = page.last ?? after;
    const end = page.hasMore && page.last !== null ? undefined : { finishedAt: new Date(), error: null };
    await repo.updateReport(db, id, progress, end);
    if (end) return;
  }
  await repo.updateReport(db, id, progress, { finishedAt: new Date(), error: INTERRUPTED });
}

const walkedIds = (page: WalkPage<LegacyRecordBase>) => [
  ...page.items.map((record) => record.id),
  ...page.malformed.map((record) => record.id),
];

interface Progress {
  checked: number;
  missing: number;
  differences: ConsistencyDifference[];
}

/** Adds a page's findings: a record not here is missing; a malformed one here cannot be compared, so it differs. */
function compare<R extends LegacyRecordBase, S extends OurCopyBase>(
  port: EntityPort<R, S>,
  page: WalkPage<R>,
  copies: S[],
  progress: Progress,
) {
  const ours = new Map(copies.map((copy) => [copy.legacyId, copy]));
  const found: ConsistencyDifference[] = [];
  for (const record of page.items) {
    const copy = ours.get(record.id);
    const difference = copy && differenceOf(port, record, copy);
    if (!copy) progress.missing += 1;
    else if (difference) found.push(difference);
  }
  for (const record of page.malformed) {
    if (!ours.has(record.id)) progress.missing += 1;
    else found.push({ legacyId: record.id, fields: [{ field: 'record', ours: null, legacy: record.error }] });
  }
  progress.checked += page.items.length + page.malformed.length;
  progress.differences.push(...found.slice(0, LISTED_DIFFERENCES - progress.differences.length));
}
