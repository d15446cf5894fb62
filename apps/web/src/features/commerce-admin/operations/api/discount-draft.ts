import type { DiscountCode } from '@kontor/contracts';
import { parseMinor } from '../../catalog/api/money';
import { parseAmount } from './money';

/** A discount code as its form holds it: text as typed, one currency for the amount and the minimum order. */
export type DiscountDraft = {
  code: string;
  description: string;
  kind: 'percent' | 'amount';
  /** "10" or "12,5" (per cent). */
  percent: string;
  currency: string;
  amount: string;
  minOrder: string;
  /** datetime-local values in the browser's time zone, or empty. */
  startsAt: string;
  endsAt: string;
  usageLimit: string;
};

export const emptyDiscountDraft: DiscountDraft = {
  code: '',
  description: '',
  kind: 'percent',
  percent: '',
  currency: 'SEK',
  amount: '',
  minOrder: '',
  startsAt: '',
  endsAt: '',
  usageLimit: '',
};

/** The body of POST/PUT /api/commerce/discounts/codes (discountCodeInput). */
export interface DiscountCodeBody {
  code: string;
  description: string;
  kind: 'percent' | 'amount';
  percentBp: number | null;
  amounts: Record<string, number>;
  minOrder: Record<string, number>;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  active: boolean;
}

export type DraftProblem = 'invalid' | 'range';

/**
 * The draft as the API wants it, or the fields it cannot read (keyed by the form's field). Percentages keep two
 * decimals: basis points, as the server counts them.
 */
export function draftToBody(
  draft: DiscountDraft,
): { body: DiscountCodeBody; problems?: never } | { body?: never; problems: Record<string, DraftProblem> } {
  const problems: Record<string, DraftProblem> = {};
  let percentBp: number | null = null;
  const amounts: Record<string, number> = {};
  const minOrder: Record<string, number> = {};
  if (draft.kind === 'percent') {
    percentBp = parseMinor(draft.percent, 2);
    if (percentBp === null || percentBp < 1 || percentBp > 10_000) problems.percent = 'range';
  } else {
    const amount = parseAmount(draft.amount, draft.currency);
    if (amount === null || amount < 1) problems.amount = 'invalid';
    else amounts[draft.currency] = amount;
  }
  if (draft.minOrder.trim()) {
    const minimum = parseAmount(draft.minOrder, draft.currency);
    if (minimum === null) problems.minOrder = 'invalid';
    else minOrder[draft.currency] = minimum;
  }
  const when = (text: string, field: string) => {
    if (!text) return null;
    const time = new Date(text);
    if (Number.isNaN(time.getTime())) {
      problems[field] = 'invalid';
      return null;
    }
    return time.toISOString();
  };
  const startsAt = when(draft.startsAt, 'startsAt');
  const endsAt = when(draft.endsAt, 'endsAt');
  if (startsAt && endsAt && endsAt <= startsAt) problems.endsAt = 'range';
  let usageLimit: number | null = null;
  if (draft.usageLimit.trim()) {
    usageLimit = /^\d+$/.test(draft.usageLimit.trim()) ? Number(draft.usageLimit) : Number.NaN;
    if (!Number.isSafeInteger(usageLimit) || usageLimit < 1) problems.usageLimit = 'invalid';
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      code: draft.code.trim(),
      description: draft.description.trim(),
      kind: draft.kind,
      percentBp,
      amounts,
      minOrder,
      startsAt,
      endsAt,
      usageLimit,
      active: true,
    },
  };
}

/** A saved code as the body that saves it again, e.g. with `active` turned off (PUT replaces the whole code). */
export function codeToBody(code: DiscountCode, active: boolean): DiscountCodeBody {
  return {
    code: code.code,
    description: code.description,
    kind: code.kind,
    percentBp: code.percentBp,
    amounts: code.amounts,
    minOrder: code.minOrder,
    startsAt: code.startsAt,
    endsAt: code.endsAt,
    usageLimit: code.usageLimit,
    active,
  };
}

/** Where the server's field paths land in the form: `amounts.SEK` → amount, `percentBp` → percent. */
export const SERVER_FIELDS: Record<string, keyof DiscountDraft> = {
  code: 'code',
  description: 'description',
  percentBp: 'percent',
  amounts: 'amount',
  minOrder: 'minOrder',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  usageLimit: 'usageLimit',
};
