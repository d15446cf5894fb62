import { describe, expect, it } from 'vitest';
import { decimalToInput, fromLocalInput, toLocalInput } from './form-values';

describe('form values', () => {
  it('writes a time for a datetime-local input and reads it back', () => {
    const iso = '2026-06-01T08:30:00.000Z';
    expect(toLocalInput(iso)).toMatch(/^2026-06-0[12]T\d\d:30$/);
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput(' ')).toBeNull();
    expect(fromLocalInput('not a time')).toBeUndefined();
  });

  it('writes decimals without trailing zeros', () => {
    expect(decimalToInput(1250, 2, ',')).toBe('12,5');
    expect(decimalToInput(1500, 2)).toBe('15');
    expect(decimalToInput(2500, 3)).toBe('2.5');
    expect(decimalToInput(100, 0)).toBe('100');
    expect(decimalToInput(5, 2)).toBe('0.05');
  });
});
