import { describe, expect, it } from 'vitest';
import { rateOf, roundTo } from './rates.js';

describe('report rates (compliance, conversion, repeat purchase, NPS)', () => {
  it('gives a 0–1 rate with four decimals', () => {
    expect(rateOf(1, 3)).toBe(0.3333);
    expect(rateOf(2, 3)).toBe(0.6667);
    expect(rateOf(5, 5)).toBe(1);
  });

  it('has no rate without a whole', () => {
    expect(rateOf(0, 0)).toBeNull();
  });

  it('rounds to the digits asked for', () => {
    expect(roundTo(4.12567, 2)).toBe(4.13);
    expect(roundTo(-15.789, 1)).toBe(-15.8);
  });
});
