import { describe, expect, it } from 'vitest';
import { lineIndexOf } from './order-errors';

describe('lineIndexOf', () => {
  it('finds the line a field error is about', () => {
    expect(lineIndexOf('body.lines.3.quantity')).toBe(3);
    expect(lineIndexOf('lines.0.articleId')).toBe(0);
    expect(lineIndexOf('lines.12')).toBe(12);
  });

  it('ignores errors about the list as a whole or other fields', () => {
    expect(lineIndexOf('body.lines')).toBeNull();
    expect(lineIndexOf('body.deliveryAddress')).toBeNull();
    expect(lineIndexOf('body.outlines.2')).toBeNull();
  });
});
