/**
 * Hybrid logical clock stamps as the capture trigger writes them: 15-digit wall milliseconds, 5-digit counter,
 * node id, joined by dashes, so that string order is clock order.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const PATTERN = /^(\d{15})-(\d{5})-([0-9a-f-]{36})$/;

export function parseHlc(text: string): Hlc | undefined {
  const match = PATTERN.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { wall: Number(match[1]), counter: Number(match[2]), node: match[3] };
}

/** Whether a stamp claims a time further ahead of our clock than the tolerated drift. */
export function tooFarAhead(hlc: Hlc, nowMs: number, maxDriftMs: number): boolean {
  return hlc.wall > nowMs + maxDriftMs;
}
