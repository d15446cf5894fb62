import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { type FieldKind, fieldErrorText, problemText } from '../../../app/problem-text';
import { formPaths } from '../lib/shop-problems';

/** The shop's own problem codes in the customer's words; `code` with or without its `commerce.` prefix. */
export function shopCodeText(t: TFunction, code: string | undefined): string | null {
  switch (code?.replace(/^commerce\./, '')) {
    case 'cart_empty':
      return t('shop.problems.cartEmpty');
    case 'out_of_stock':
      return t('shop.problems.outOfStock');
    case 'unknown_sku':
      return t('shop.problems.unknownSku');
    case 'no_price':
      return t('shop.problems.noPrice');
    case 'unsold_currency':
      return t('shop.problems.unsoldCurrency');
    case 'quantity_too_large':
    case 'invalid_quantity':
      return t('shop.problems.quantity');
    case 'unknown_discount_code':
      return t('shop.discount.unknown');
    case 'discount_code_expired':
      return t('shop.discount.expired');
    case 'discount_code_used_up':
      return t('shop.discount.usedUp');
    case 'discount_code_not_applicable':
      return t('shop.problems.codeNotApplicable');
    case 'unknown_shipping_method':
      return t('shop.problems.shippingMethod');
    case 'idempotency_in_progress':
      return t('shop.problems.inProgress');
    case 'idempotency_key_reused':
      return t('shop.problems.keyReused');
    case 'hub_only':
      return t('shop.problems.hubOnly');
    case 'account_exists':
      return t('shop.account.emailTaken');
    case 'email_not_usable':
      return t('shop.account.emailNotUsable');
    case 'no_receipt_yet':
      return t('shop.problems.noReceipt');
    default:
      return null;
  }
}

/** An error as a title (and the server's detail where no words of ours fit). */
export function shopProblemText(t: TFunction, error: unknown): { title: string; detail: string | null } {
  if (error instanceof ApiError) {
    const known = shopCodeText(t, error.code);
    if (known) return { title: known, detail: null };
    if (error.status === 404) return { title: t('shop.problems.notFound'), detail: null };
  }
  return problemText(t, error);
}

/** An error no single field explains, announced as it appears. */
export function ShopProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { title, detail } = shopProblemText(t, error);
  const redundant = !detail || detail.trim().toLowerCase() === title.trim().toLowerCase();
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid={testId} my="sm">
      {redundant ? null : detail}
    </Alert>
  );
}

/**
 * A failed request's field errors in the customer's words, keyed by the form's paths (`shippingAddress.city`): the
 * shop's own codes (an e-mail address that has an account) first, the app's wording of validation codes otherwise.
 */
export function shopFieldErrors(
  t: TFunction,
  error: unknown,
  kinds: Record<string, FieldKind> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const [path, fieldError] of formPaths(error.problem.errors))
    result[path] = shopCodeText(t, fieldError.code) ?? fieldErrorText(t, fieldError, kinds[path]);
  return result;
}
