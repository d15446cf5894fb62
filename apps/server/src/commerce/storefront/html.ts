/**
 * HTML for the shop's server-rendered pages, escaped by default. Everything a page shows comes from an admin or a
 * customer (product names, descriptions, search words), so `html` escapes every interpolated value unless it is
 * already `Html` (the output of another `html` template, or `trusted()` for markup the code itself wrote).
 */
const TRUSTED: unique symbol = Symbol('trusted html');

export interface Html {
  readonly [TRUSTED]: true;
  readonly text: string;
  toString(): string;
}

const make = (text: string): Html => ({ [TRUSTED]: true, text, toString: () => text });

const isHtml = (value: unknown): value is Html =>
  typeof value === 'object' && value !== null && (value as { [TRUSTED]?: unknown })[TRUSTED] === true;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content and for a quoted attribute value. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);

/** Markup the code wrote itself; never pass it text that came from a request or the database. */
export const trusted = (markup: string): Html => make(markup);

/** Nothing to render (for a `cond ? html`…` : empty` branch). */
export const empty: Html = make('');

/**
 * Values: `Html` as is; strings and numbers escaped; arrays rendered item by item; null, undefined and false as
 * nothing (so `${cond && html`…`}` works). Anything else is turned into a string and escaped.
 */
function render(value: unknown): string {
  if (isHtml(value)) return value.text;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + (strings[i + 1] ?? '');
  return make(out);
}

/** Joins rendered parts with a separator (both escaped unless `Html`). */
export const join = (parts: unknown[], separator: unknown = ''): Html =>
  make(parts.map(render).join(render(separator)));

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that is safe inside a `<script>` element: `</script>`, `<!--` and `]]>` cannot appear because `<`, `>` and `&`
 * become `\u003c`-style escapes (still the same JSON), and U+2028/2029 cannot end a line for old parsers.
 */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_UNSAFE[char] as string);

/** A JSON data block (`application/ld+json`, `application/json`); browsers never run it, so no CSP nonce is needed. */
export const jsonScript = (type: 'application/ld+json' | 'application/json', value: unknown, id?: string): Html =>
  make(`<script type="${type}"${id ? ` id="${escapeHtml(id)}"` : ''}>${scriptJson(value)}</script>`);
