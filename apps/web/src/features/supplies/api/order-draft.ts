import {
  type Article,
  MAX_ORDER_LINES,
  MAX_ORDER_QUANTITY,
  type OrderLine,
  type OrderLineInput,
} from '@kontor/contracts';

/** A line being ordered, with what the form shows about its article (the price is known for catalog picks only). */
export interface DraftLine {
  articleId: string;
  articleNumber: string;
  name: string;
  unit: string;
  packSize: number;
  priceMinor: number | null;
  quantity: number;
}

/** The cart, an order being edited, or the lines of a change request: one shape, one form. */
export interface OrderDraft {
  lines: DraftLine[];
  deliveryAddress: string;
  requestedDate: string;
  note: string;
}

export const MAX_ADDRESS_LENGTH = 500;
export const MAX_NOTE_LENGTH = 2000;

export function lineFromArticle(article: Article, quantity: number): DraftLine {
  const { id, articleNumber, name, unit, packSize, priceMinor } = article;
  return { articleId: id, articleNumber, name, unit, packSize, priceMinor, quantity };
}

/** Lines of a placed or standard order carry no price: the form then totals what it knows. */
export function lineFromOrderLine(line: OrderLine): DraftLine {
  return { ...line, priceMinor: null };
}

const clampQuantity = (quantity: number) => Math.min(MAX_ORDER_QUANTITY, quantity);

/** Adding an article already in the cart raises its quantity rather than listing it twice. */
export function addLines(lines: DraftLine[], added: DraftLine[]): DraftLine[] {
  const result = lines.map((line) => ({ ...line }));
  for (const line of added) {
    const existing = result.find((candidate) => candidate.articleId === line.articleId);
    if (existing) {
      existing.quantity = clampQuantity(existing.quantity + line.quantity);
      existing.priceMinor ??= line.priceMinor;
    } else {
      result.push({ ...line, quantity: clampQuantity(line.quantity) });
    }
  }
  return result;
}

export function setQuantity(lines: DraftLine[], articleId: string, quantity: number): DraftLine[] {
  return lines.map((line) => (line.articleId === articleId ? { ...line, quantity } : line));
}

export function removeLine(lines: DraftLine[], articleId: string): DraftLine[] {
  return lines.filter((line) => line.articleId !== articleId);
}

export interface DraftTotals {
  /** The sum of the lines whose price is known, in öre. */
  priceMinor: number;
  /** How many lines have no known price, so the total is a lower bound. */
  unpriced: number;
  quantity: number;
}

export function draftTotals(lines: DraftLine[]): DraftTotals {
  let priceMinor = 0;
  let unpriced = 0;
  let quantity = 0;
  for (const line of lines) {
    quantity += line.quantity;
    if (line.priceMinor === null) unpriced += 1;
    else priceMinor += line.priceMinor * line.quantity;
  }
  return { priceMinor, unpriced, quantity };
}

export type QuantityProblem = 'tooSmall' | 'tooBig' | 'notWhole';
/** What can be wrong with one line: its quantity, or an article the catalog no longer offers. */
export type LineProblem = QuantityProblem | 'inactive';

/** The server's rule (orderLineInput): a whole number from 1 to MAX_ORDER_QUANTITY. */
export function quantityProblem(quantity: number): QuantityProblem | null {
  if (!Number.isInteger(quantity)) return 'notWhole';
  if (quantity < 1) return 'tooSmall';
  if (quantity > MAX_ORDER_QUANTITY) return 'tooBig';
  return null;
}

export interface DraftProblems {
  lines?: 'empty' | 'tooMany';
  /** By article id. */
  byArticle: Record<string, LineProblem>;
  deliveryAddress?: 'required' | 'tooLong';
  requestedDate?: 'required';
  note?: 'tooLong';
}

/**
 * Checks a draft as the server will, so the common mistakes are caught before a round trip (or while offline).
 * `inactive`: articles the catalog has withdrawn since they went into the draft.
 */
export function draftProblems(
  draft: OrderDraft,
  scope: 'order' | 'lines',
  inactive: ReadonlySet<string> = new Set(),
): DraftProblems {
  const problems: DraftProblems = { byArticle: {} };
  if (draft.lines.length === 0) problems.lines = 'empty';
  else if (draft.lines.length > MAX_ORDER_LINES) problems.lines = 'tooMany';
  for (const line of draft.lines) {
    const problem = inactive.has(line.articleId) ? 'inactive' : quantityProblem(line.quantity);
    if (problem) problems.byArticle[line.articleId] = problem;
  }
  if (scope === 'lines') return problems;
  const address = draft.deliveryAddress.trim();
  if (!address) problems.deliveryAddress = 'required';
  else if (address.length > MAX_ADDRESS_LENGTH) problems.deliveryAddress = 'tooLong';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.requestedDate)) problems.requestedDate = 'required';
  if (draft.note.trim().length > MAX_NOTE_LENGTH) problems.note = 'tooLong';
  return problems;
}

export function hasProblems(problems: DraftProblems): boolean {
  return Object.keys(problems).length > 1 || Object.keys(problems.byArticle).length > 0;
}

export function lineInputs(lines: DraftLine[]): OrderLineInput[] {
  return lines.map(({ articleId, quantity }) => ({ articleId, quantity }));
}

/**
 * A standard order may name articles withdrawn since it was saved: those stay out of the cart. An article the
 * catalog index does not hold (not loaded yet) is kept; the server has the last word.
 */
export function orderableLines(lines: DraftLine[], catalog: ReadonlyMap<string, { active: boolean }> | undefined) {
  const kept = lines.filter((line) => catalog?.get(line.articleId)?.active !== false);
  return { kept, dropped: lines.length - kept.length };
}
