/** Codes (SKU, slug, keys) are typed in a monospace font; only the input itself, not its label or error. */
export const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
