/** A cart line holds 1 to 999 units (the contract's `cartQuantity`); zero is "remove", a separate button. */
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 999;

/** What a typed quantity means: a whole number within the bounds (clamped), or null for text that is no number. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  return Math.min(MAX_QUANTITY, Math.max(MIN_QUANTITY, Number(trimmed)));
}

/** One step up or down, kept within the bounds. */
export const stepQuantity = (quantity: number, step: 1 | -1) =>
  Math.min(MAX_QUANTITY, Math.max(MIN_QUANTITY, quantity + step));
