/** A number rounded to `digits` decimals, for figures a report shows rather than sums further. */
export function roundTo(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** part / whole as a 0–1 rate with four decimals (a percentage to two); null when there is no whole to measure. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo(part / whole, 4);
}
