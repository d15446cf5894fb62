import { describe, expect, it } from 'vitest';
import { parseQuantity, stepQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads whole numbers and clamps them to 1..999', () => {
    expect(parseQuantity('3')).toBe(3);
    expect(parseQuantity(' 12 ')).toBe(12);
    expect(parseQuantity('0')).toBe(1);
    expect(parseQuantity('5000')).toBe(999);
  });

  it('refuses what is no whole number', () => {
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity('-2')).toBeNull();
    expect(parseQuantity('1.5')).toBeNull();
    expect(parseQuantity('two')).toBeNull();
    expect(parseQuantity('1e3')).toBeNull();
  });
});

describe('stepQuantity', () => {
  it('stays within the bounds', () => {
    expect(stepQuantity(1, -1)).toBe(1);
    expect(stepQuantity(999, 1)).toBe(999);
    expect(stepQuantity(4, 1)).toBe(5);
  });
});
