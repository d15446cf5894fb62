import { describe, expect, it } from 'vitest';
import { applicableRows, importFraction } from './import-progress';

describe('import progress', () => {
  it('is the share of rows processed, whole once done, never past the ends', () => {
    expect(importFraction({ state: 'running', processedRows: 25, totalRows: 100 })).toBe(0.25);
    expect(importFraction({ state: 'running', processedRows: 0, totalRows: 0 })).toBe(0);
    expect(importFraction({ state: 'running', processedRows: 120, totalRows: 100 })).toBe(1);
    expect(importFraction({ state: 'done', processedRows: 90, totalRows: 100 })).toBe(1);
  });

  it('applies every row less those with errors', () => {
    expect(applicableRows({ totalRows: 10, errorRows: 3 })).toBe(7);
    expect(applicableRows({ totalRows: 2, errorRows: 5 })).toBe(0);
  });
});
