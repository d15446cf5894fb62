import type { FieldError } from '../../../app/api-client';

/**
 * Where the shop's problems belong on the page. The checkout names cart lines by their position
 * (`cart.lines.2.quantity`) and, in its message, by their SKU; both are used, the SKU first, since the position
 * counts the lines the server priced and may skip one the shop no longer sells.
 */

/** A cart line's problem, by SKU: what is wrong and, for a shortage, how many there are. */
export interface LineProblem {
  code: string;
  /** "only 2 of X are available": 2. */
  available: number | null;
}

const LINE_PATH = /^(?:body\.)?cart\.lines\.(\d+)\.(\w+)$/;

/** The SKU an error speaks of: the longest SKU of the cart named in its message, else the line at its position. */
function skuOf(error: FieldError, index: number, skus: string[]): string | null {
  const named = skus.filter((sku) => error.message.includes(sku)).sort((a, b) => b.length - a.length)[0];
  return named ?? skus[index] ?? null;
}

/** The problems of a checkout's answer that concern single cart lines, keyed by SKU. */
export function lineProblems(errors: FieldError[] | undefined, skus: string[], fallbackCode: string) {
  const result = new Map<string, LineProblem>();
  for (const error of errors ?? []) {
    const match = LINE_PATH.exec(error.path);
    if (!match) continue;
    const sku = skuOf(error, Number(match[1]), skus);
    if (!sku || result.has(sku)) continue;
    const available = /only (\d+) of/.exec(error.message);
    result.set(sku, { code: error.code ?? fallbackCode, available: available ? Number(available[1]) : null });
  }
  return result;
}

/**
 * A form's field errors keyed by the form's own paths: `body.shippingAddress.city` → `shippingAddress.city`.
 * Unlike the app's `fieldErrors()`, nested paths stay whole, since the checkout has two addresses.
 */
export function formPaths(errors: FieldError[] | undefined): Map<string, FieldError> {
  const result = new Map<string, FieldError>();
  for (const error of errors ?? []) {
    const path = error.path.replace(/^(body|query|params|headers)\.?/, '');
    if (path && !path.startsWith('cart.') && !result.has(path)) result.set(path, error);
  }
  return result;
}
