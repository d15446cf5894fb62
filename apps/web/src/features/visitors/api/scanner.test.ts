import { describe, expect, it } from 'vitest';
import { cardFromCode, codeOfCard, emptyScanBuffer, SCAN_KEY_GAP_MS, type ScanBuffer, scannerKey } from './scanner';

/** Types `keys` one after another, `gapMs` apart, and returns every code handed over. */
function type(keys: string[], gapMs = 20, start: ScanBuffer = emptyScanBuffer, startAt = 10_000) {
  let buffer = start;
  const codes: string[] = [];
  keys.forEach((key, index) => {
    const result = scannerKey(buffer, key, startAt + index * gapMs);
    buffer = result.buffer;
    if (result.code !== null) codes.push(result.code);
  });
  return { buffer, codes };
}

const chars = (text: string) => [...text];

describe('scannerKey', () => {
  it('hands over six characters followed by Enter', () => {
    expect(type([...chars('000102'), 'Enter']).codes).toEqual(['000102']);
  });

  it('hands over two scans in a row separately', () => {
    expect(type([...chars('000102'), 'Enter', ...chars('000715'), 'Enter']).codes).toEqual(['000102', '000715']);
  });

  it('ignores Enter with nothing typed before it (a button pressed with the keyboard)', () => {
    expect(type(['Enter', 'Enter']).codes).toEqual([]);
  });

  it('ignores keys that type nothing', () => {
    expect(type(['Shift', ...chars('000'), 'Shift', ...chars('107'), 'ArrowDown', 'Enter']).codes).toEqual(['000107']);
  });

  it('forgets what was typed long before', () => {
    const stale = type(chars('12'));
    const later = scannerKey(stale.buffer, '0', stale.buffer.lastKeyAt + SCAN_KEY_GAP_MS + 1);
    expect(later.buffer.text).toBe('0');
    expect(scannerKey(stale.buffer, 'Enter', stale.buffer.lastKeyAt + SCAN_KEY_GAP_MS + 1).code).toBeNull();
  });

  it('hands over garbage too, so the server can say what is wrong with it', () => {
    expect(type([...chars('abc<1>'), 'Enter']).codes).toEqual(['abc<1>']);
  });

  it('keeps only the end of a very long input', () => {
    const { codes } = type([...chars('x'.repeat(100)), 'Enter']);
    expect(codes[0]?.length).toBe(32);
  });
});

describe('cardFromCode', () => {
  it('reads the card number of a code', () => {
    expect(cardFromCode('000102')).toBe(102);
    expect(cardFromCode('000007')).toBe(7);
    expect(cardFromCode(' 000715 ')).toBe(715);
  });

  it('refuses what is no card code', () => {
    for (const code of ['', '102', '00102', '0001020', '100102', '000abc', '000 12', '０００１０２']) {
      expect(cardFromCode(code), code).toBeNull();
    }
  });

  it('is the inverse of the code printed on a card', () => {
    for (const number of [0, 7, 42, 101, 999]) expect(cardFromCode(codeOfCard(number))).toBe(number);
  });
});
