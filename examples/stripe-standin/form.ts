/** A value of a Stripe-style form body: nested objects and arrays from keys such as `a[b][0][c]`. */
export type FormTree = string | FormTree[] | { [key: string]: FormTree };

/**
 * Reads application/x-www-form-urlencoded the way Stripe does: `metadata[order]=1` is an object,
 * `line_items[0][quantity]=1` an array of objects. Numeric keys make arrays; anything else objects.
 */
export function parseForm(body: string): Record<string, FormTree> {
  const root: Record<string, FormTree> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) continue;
    const path = [match[1] as string, ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string)];
    let node: Record<string, FormTree> | FormTree[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      // `a[]=x&a[]=y`: append.
      const key: string | number = segment === '' && Array.isArray(node) ? node.length : segment;
      if (last) {
        (node as Record<string, FormTree>)[key as string] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[index + 1] as string);
      const container = node as Record<string, FormTree>;
      if (typeof container[key as string] !== 'object') container[key as string] = nextIsIndex ? [] : {};
      node = container[key as string] as Record<string, FormTree> | FormTree[];
    });
  }
  return root;
}

/** The same parameters in a canonical form: sorted keys, so two equal requests compare equal as strings. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
