/**
 * Integer arithmetic on minor units (öre, cents). Products of amounts and basis points can pass 2^53 for a boat
 * times a quantity, so they are taken in BigInt and only the (small) result comes back as a number.
 */

/** round(a × b / c), halves rounded up; a, b ≥ 0 and c > 0. */
export function mulDivRound(a: number, b: number, c: number): number {
  const numerator = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return Number((numerator * 2n + divisor) / (divisor * 2n));
}

/** The VAT contained in a price that includes it: round(gross × rate / (10000 + rate)), halves up. */
export const vatOf = (grossMinor: number, rateBp: number) => mulDivRound(grossMinor, rateBp, 10_000 + rateBp);

/** `percentBp` (basis points: 1000 = 10 %) of an amount, halves up. */
export const percentOf = (amountMinor: number, percentBp: number) => mulDivRound(amountMinor, percentBp, 10_000);

/**
 * Splits `total` over parts in proportion to `weights` so that the parts add up to exactly `total` (largest
 * remainder: each part gets the floor of its share, and the minor units left over go one each to the largest
 * fractions, ties to the earlier part). With total ≤ Σ weights no part exceeds its weight.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const shares = weights.map((weight, index) => {
    const exact = bigTotal * BigInt(weight);
    return { index, floor: Number(exact / bigSum), remainder: exact % bigSum };
  });
  let left = total - shares.reduce((acc, share) => acc + share.floor, 0);
  const parts = shares.map((share) => share.floor);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left <= 0) break;
    parts[share.index] = (parts[share.index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
