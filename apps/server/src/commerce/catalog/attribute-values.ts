import type { FieldError } from '../../platform/http/errors.js';
import type { AttributeValue, EnumOption } from './tables.js';

export interface AttributeType {
  key: string;
  type: 'text' | 'number' | 'boolean' | 'enum';
  options: EnumOption[];
}

const describe = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

/**
 * The problems of a product's or variant's attribute values against their attributes' types: an unknown key, a
 * value of the wrong type, an enum value that is not one of its options. `path` is the field (`body.attributes`).
 */
export function attributeProblems(
  types: ReadonlyMap<string, AttributeType>,
  values: Record<string, AttributeValue> | undefined,
  path: string,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const [key, value] of Object.entries(values ?? {})) {
    const attribute = types.get(key);
    const at = `${path}.${key}`;
    if (!attribute) {
      problems.push({ path: at, message: `is not a known attribute (define "${key}" first)` });
      continue;
    }
    if (attribute.type === 'number' && !(typeof value === 'number' && Number.isFinite(value)))
      problems.push({ path: at, message: `expected a number, got ${describe(value)}` });
    if (attribute.type === 'boolean' && typeof value !== 'boolean')
      problems.push({ path: at, message: `expected true or false, got ${describe(value)}` });
    if (attribute.type === 'text' && (typeof value !== 'string' || value.trim() === ''))
      problems.push({ path: at, message: `expected text, got ${describe(value)}` });
    if (attribute.type === 'enum' && !attribute.options.some((option) => option.value === value)) {
      const allowed = attribute.options.map((option) => option.value).join(', ');
      problems.push({ path: at, message: `${describe(value)} is not one of ${allowed}` });
    }
  }
  return problems;
}

/**
 * Reads a value typed as text (a CSV cell) as its attribute's type; `undefined` when it cannot be, so the caller
 * reports it with the cell's position.
 */
export function parseAttributeText(attribute: AttributeType, text: string): AttributeValue | undefined {
  const trimmed = text.trim();
  if (attribute.type === 'number') {
    const number = Number(trimmed.replace(',', '.'));
    return trimmed !== '' && Number.isFinite(number) ? number : undefined;
  }
  if (attribute.type === 'boolean') {
    if (/^(true|yes|ja|1)$/i.test(trimmed)) return true;
    if (/^(false|no|nej|0)$/i.test(trimmed)) return false;
    return undefined;
  }
  if (attribute.type === 'enum')
    return attribute.options.some((option) => option.value === trimmed) ? trimmed : undefined;
  return trimmed === '' ? undefined : trimmed;
}
