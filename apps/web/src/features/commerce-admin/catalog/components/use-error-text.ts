import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../app/api-client';
import type { FieldKind } from '../../../../app/problem-text';
import { fieldErrorText } from '../../../../app/problem-text';
import type { ProblemPaths } from '../api/problem-paths';

/** The catalog's own field codes (product-rules.ts and the services on the server), worded here. */
const CATALOG_CODES = {
  sku_taken: 'catalogAdmin.fieldErrors.skuTaken',
  ean_taken: 'catalogAdmin.fieldErrors.eanTaken',
  slug_taken: 'catalogAdmin.fieldErrors.slugTaken',
  code_taken: 'catalogAdmin.fieldErrors.slugTaken',
  option_repeated: 'catalogAdmin.fieldErrors.optionRepeated',
  option_mismatch: 'catalogAdmin.fieldErrors.optionMismatch',
  unknown_brand: 'catalogAdmin.fieldErrors.unknownBrand',
  unknown_category: 'catalogAdmin.fieldErrors.unknownCategory',
  invalid_attribute: 'catalogAdmin.fieldErrors.invalidAttribute',
  invalid_fitment: 'catalogAdmin.fieldErrors.invalidFitment',
  invalid_window: 'catalogAdmin.fieldErrors.invalidWindow',
  price_repeated: 'catalogAdmin.fieldErrors.priceRepeated',
  unknown_currency: 'catalogAdmin.fieldErrors.unknownCurrency',
  invalid_amount: 'catalogAdmin.fieldErrors.invalidAmount',
} as const;

/** Paths whose value is a number: "too small" is then worded as a number's limit, not a text's length. */
const NUMBER_FIELDS = /(weightGrams|onHand|lowStockThreshold|yearFrom|yearTo|minQuantity|position)$/;

/**
 * Words a field error in the user's language: the catalog's codes by their key, zod's by the app's wording, and
 * anything else with the server's (English) message.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const word = (error: FieldError, kind?: FieldKind): string => {
    const key = CATALOG_CODES[error.code as keyof typeof CATALOG_CODES];
    if (key) return t(key);
    // A missing translation of a required language: the same words as any required field.
    if (error.code === 'invalid_catalog_text' && /is required/.test(error.message)) return t('validation.required');
    if (error.code === 'invalid_catalog_text') return error.message;
    return fieldErrorText(t, error, kind ?? (NUMBER_FIELDS.test(error.path) ? 'number' : 'text'));
  };
  /** A lookup for a form: the worded error at `path`, or undefined. */
  const at = (paths: ProblemPaths) => (path: string, kind?: FieldKind) => {
    const error = paths[path];
    return error ? word(error, kind) : undefined;
  };
  return { word, at };
}

export type ErrorAt = (path: string, kind?: FieldKind) => string | undefined;
