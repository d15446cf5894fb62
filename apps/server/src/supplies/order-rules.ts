import { MAX_ORDER_LINES, MAX_ORDER_QUANTITY, type OrderLineInput } from '@kontor/contracts';
import { badRequest, type FieldError } from '../platform/http/errors.js';
import { catalogRepository } from './catalog-repository.js';
import { membersRepository } from './members-repository.js';
import type { StoredLine, SuppliesDb } from './tables.js';
import type { UnitNames } from './units.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who is ordering, as far as the rules care: staff who manage supplies order for any unit. */
export interface Orderer {
  userId: string | null;
  permissions: ReadonlySet<string>;
}

export const managesSupplies = (permissions: ReadonlySet<string>) =>
  permissions.has('*') || permissions.has('supplies.manage');

/** Whether the orderer may order for the unit: a member of it, or staff. */
export async function mayOrderFor(db: SuppliesDb, orderer: Orderer, unitId: string): Promise<boolean> {
  if (managesSupplies(orderer.permissions)) return true;
  return orderer.userId !== null && membersRepository.isMember(db, unitId, orderer.userId);
}

export async function unitProblems(
  db: SuppliesDb,
  units: Pick<UnitNames, 'all'>,
  orderer: Orderer,
  unitId: string,
): Promise<FieldError[]> {
  const unit = (await units.all(db)).get(unitId);
  if (!unit) return [{ path: 'unitId', code: 'unknown_unit', message: 'There is no such unit' }];
  if (!(await mayOrderFor(db, orderer, unitId)))
    return [{ path: 'unitId', code: 'not_member', message: `You do not order for ${unit.name}` }];
  return [];
}

/**
 * What is wrong with the lines of an order: every article known and active, each once, quantities whole and
 * between 1 and the maximum. Answers the lines as stored (the article's number, name and unit as of now) when
 * nothing is wrong. The client node says it before it saves; the hub says it again for what arrives.
 */
export async function checkLines(
  db: SuppliesDb,
  lines: OrderLineInput[],
): Promise<{ problems: FieldError[]; stored: StoredLine[] }> {
  const problems: FieldError[] = [];
  if (!Array.isArray(lines) || lines.length === 0)
    return {
      problems: [{ path: 'lines', code: 'too_small', message: 'An order needs at least one line' }],
      stored: [],
    };
  if (lines.length > MAX_ORDER_LINES)
    problems.push({ path: 'lines', code: 'too_big', message: `An order has at most ${MAX_ORDER_LINES} lines` });
  // What arrives at the hub was checked by a node that may be old or tampered with: an id that is no uuid is
  // simply unknown, never a query error that would refuse the whole batch.
  const ids = [...new Set(lines.map((line) => String(line.articleId)))].filter((id) => UUID.test(id));
  const articles = new Map((await catalogRepository.byIds(db, ids)).map((article) => [article.id, article]));
  const seen = new Set<string>();
  const stored: StoredLine[] = [];
  lines.forEach((line, index) => {
    const article = articles.get(String(line.articleId));
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_ORDER_QUANTITY)
      problems.push({
        path: `lines.${index}.quantity`,
        code: 'quantity',
        message: `The quantity must be a whole number from 1 to ${MAX_ORDER_QUANTITY}`,
        minimum: 1,
        maximum: MAX_ORDER_QUANTITY,
      });
    if (!article) {
      problems.push({ path: `lines.${index}.articleId`, code: 'unknown_article', message: 'There is no such article' });
      return;
    }
    if (!article.active)
      problems.push({
        path: `lines.${index}.articleId`,
        code: 'inactive_article',
        message: `${article.articleNumber} ${article.name} can no longer be ordered`,
      });
    if (seen.has(article.id))
      problems.push({
        path: `lines.${index}.articleId`,
        code: 'duplicate_article',
        message: `${article.articleNumber} ${article.name} is on the order twice; change the quantity instead`,
      });
    seen.add(article.id);
    stored.push({
      articleId: article.id,
      quantity: line.quantity,
      articleNumber: article.articleNumber,
      name: article.name,
      unit: article.unit,
      packSize: article.packSize,
    });
  });
  return { problems, stored };
}

/** A delivery date cannot lie before the day the order was placed. */
export function dateProblems(requestedDate: string, placedOn: string): FieldError[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(requestedDate))
    return [{ path: 'requestedDate', code: 'invalid_date', message: 'The requested date must be a date (YYYY-MM-DD)' }];
  if (requestedDate < placedOn)
    return [{ path: 'requestedDate', code: 'date_past', message: 'The requested date lies in the past' }];
  return [];
}

/** One sentence for a refusal that travels back to the ordering node. */
export const refusalText = (problems: FieldError[]) =>
  problems.length === 0 ? undefined : problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');

/** Refuses a request whose order (or list) has problems, naming each field as the request body holds it. */
export function refuseProblems(problems: FieldError[]) {
  const [first] = problems;
  if (first)
    throw badRequest(
      'supplies.invalid_order',
      first.message,
      problems.map((problem) => ({ ...problem, path: `body.${problem.path}` })),
    );
}
