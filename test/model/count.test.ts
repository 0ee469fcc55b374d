import { describe, expect, it } from 'vitest';
import { addCounts, subtractCounts } from '../../src/model/count.js';

describe('count arithmetic', () => {
  it('is exact when both counts are bigints, past what a double holds', () => {
    // 2^60 + 1 is not a double (they are 256 apart there): only bigint arithmetic keeps the 1.
    expect(addCounts(2n ** 60n, 1n)).toBe(2n ** 60n + 1n);
    expect(subtractCounts(2n ** 60n + 1n, 2n ** 60n)).toBe(1n);
  });

  it('falls back to doubles when either count is a number (an expected value)', () => {
    expect(addCounts(1.5, 2n)).toBe(3.5);
    expect(subtractCounts(10n, 0.25)).toBe(9.75);
    expect(addCounts(0, 0)).toBe(0);
  });
});
