/**
 * A barcode scanner is a keyboard: it types the six characters of a card's code (`000` and the card number)
 * fast, then Enter. What it typed is kept in a small buffer that forgets keys typed long ago, so a stray
 * key pressed by hand minutes earlier does not spoil the next scan.
 */
export const SCAN_CODE = /^000(\d{3})$/;
/** A scanner types a code in well under a second; a pause longer than this starts a new code. */
export const SCAN_KEY_GAP_MS = 1_500;
/** Longer input is not a card code at all; only its end is kept, enough to show the server's refusal. */
const MAX_BUFFER = 32;

export interface ScanBuffer {
  text: string;
  lastKeyAt: number;
}

export const emptyScanBuffer: ScanBuffer = { text: '', lastKeyAt: 0 };

/**
 * One key of a `keydown`: printable characters are collected, Enter hands over what was collected (null when
 * nothing was: Enter on a button is the button's), other keys (Shift, arrows) change nothing.
 */
export function scannerKey(buffer: ScanBuffer, key: string, now: number): { buffer: ScanBuffer; code: string | null } {
  const fresh = now - buffer.lastKeyAt <= SCAN_KEY_GAP_MS ? buffer.text : '';
  if (key === 'Enter') return { buffer: emptyScanBuffer, code: fresh === '' ? null : fresh };
  if ([...key].length !== 1) return { buffer, code: null };
  return { buffer: { text: (fresh + key).slice(-MAX_BUFFER), lastKeyAt: now }, code: null };
}

/** The card number a code carries (`000107` → 107), or null when it is no card code. */
export function cardFromCode(code: string): number | null {
  const match = SCAN_CODE.exec(code.trim());
  return match ? Number(match[1]) : null;
}

/** The code printed on card `number`: what the scanner types. */
export const codeOfCard = (number: number) => `000${String(number).padStart(3, '0')}`;
