import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowthOverflowError, countReplacer, treeDefaults, treeGrowth, treeLimit } from '../../src/index.js';

/** The geometric series, exactly: s (f^(d+1) - 1) / (f - 1), or s (d + 1) when f = 1. */
function closedTotal(s: bigint, f: bigint, d: number): bigint {
  return f === 1n ? s * BigInt(d + 1) : (s * (f ** BigInt(d + 1) - 1n)) / (f - 1n);
}

const tree = (over: Partial<typeof treeDefaults>) => treeGrowth({ ...treeDefaults, ...over });

describe('treeGrowth, exact', () => {
  it('reproduces the article: 1 + 10 + 100 + 1,000 = 1,111', () => {
    const rows = tree({});
    expect(rows.map((r) => r.new)).toEqual([1n, 10n, 100n, 1000n]);
    expect(rows.map((r) => r.total)).toEqual([1n, 11n, 111n, 1111n]);
    expect(rows.map((r) => r.level)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    // [start, fanout, depth, total]: totals from the geometric series, worked by hand
    [1, 10, 30, 1111111111111111111111111111111n],
    [1, 2, 10, 2047n],
    [3, 4, 2, 3n * (1n + 4n + 16n)],
    [5, 1, 7, 40n], // f = 1: s (d + 1)
    [7, 0, 5, 7n], // nobody refers
    [0, 10, 4, 0n],
    [1, 10, 0, 1n],
  ])('start %i, fanout %i, depth %i totals %s', (start, fanout, depth, total) => {
    expect(tree({ start, fanout, depth }).at(-1)!.total).toBe(total);
  });

  it('stays exact far past 2^53: fanout 10, depth 1000 is 1001 ones', () => {
    expect(tree({ depth: 1000 }).at(-1)!.total).toBe(BigInt('1'.repeat(1001)));
  });

  it('matches the closed form and s f^g per level for any whole inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 }), (s, f, d) => {
        const rows = tree({ start: s, fanout: f, depth: d });
        expect(rows).toHaveLength(d + 1);
        rows.forEach((row, g) => expect(row.new).toBe(BigInt(s) * BigInt(f) ** BigInt(g)));
        expect(rows.at(-1)!.total).toBe(closedTotal(BigInt(s), BigInt(f), d));
      }),
    );
  });
});

describe('treeGrowth, expected values', () => {
  it('with conversion c follows the geometric series in K = f c', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (s, f, c, d) => {
          const k = f * c;
          const expected = Math.abs(k - 1) < 1e-9 ? s * (d + 1) : (s * (k ** (d + 1) - 1)) / (k - 1);
          const total = tree({ start: s, fanout: f, conversion: c, depth: d }).at(-1)!.total as number;
          expect(Math.abs(total - expected) / expected).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('approaches start / (1 - K) when K < 1', () => {
    // fanout 3, conversion 0.2: K = 0.6, limit 2 / 0.4 = 5
    expect(treeLimit({ start: 2, fanout: 3, conversion: 0.2 })).toBeCloseTo(5, 12);
    const total = tree({ start: 2, fanout: 3, conversion: 0.2, depth: 200 }).at(-1)!.total as number;
    expect(total).toBeCloseTo(5, 9);
    const shallow = tree({ start: 2, fanout: 3, conversion: 0.2, depth: 20 }).at(-1)!.total as number;
    expect(5 - shallow).toBeCloseTo(2 * 0.6 ** 21 / 0.4, 12); // the tail of the series still missing
    expect(treeLimit({ start: 1, fanout: 10, conversion: 1 })).toBeNull();
  });

  it('scales new fans by the unreached share and never passes the market', () => {
    // Worked by hand: start 1, fanout 10, market 100.
    // level 1: 1 x 10 x (1 - 1/100) = 9.9, total 10.9
    // level 2: 9.9 x 10 x (1 - 10.9/100) = 88.209, total 99.109
    // level 3: 882.09 x (1 - 0.99109) = 7.86 > 0.891 left, so 0.891, total 100
    const rows = tree({ market: 100, depth: 4 });
    expect(rows[1]!.new).toBeCloseTo(9.9, 12);
    expect(rows[2]!.new).toBeCloseTo(88.209, 12);
    expect(rows[2]!.total).toBeCloseTo(99.109, 12);
    expect(rows[3]!.new).toBeCloseTo(0.891, 12);
    expect(rows[3]!.total).toBe(100);
    expect(rows[4]!.new).toBe(0);
  });

  it('keeps totals within the market for any inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), (s, f, c) => {
        const market = s * 1000;
        for (const row of tree({ start: s, fanout: f, conversion: c, market, depth: 30 })) {
          expect(row.total).toBeLessThanOrEqual(market);
          expect(row.new).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('throws GrowthOverflowError where expected values pass 1.8e308', () => {
    // K = 9.99: total passes 1.8e308 near level log(1.8e308)/log(9.99) = 308.7
    expect(() => tree({ conversion: 0.999, depth: 5000 })).toThrow(GrowthOverflowError);
    expect(() => tree({ conversion: 0.999, depth: 300 })).not.toThrow();
  });

  it('rejects a start above the market', () => {
    expect(() => tree({ start: 10, market: 5 })).toThrow(RangeError);
  });
});

describe('treeLimit with a market', () => {
  /** The tree with a market, summed level by level to 100,000 levels, written out again here. */
  function summed(start: number, k: number, market: number): number {
    let fresh = start;
    let total = start;
    for (let g = 1; g <= 100_000; g++) {
      fresh = Math.min(fresh * k * (1 - total / market), market - total);
      total = Math.min(total + fresh, market);
    }
    return total;
  }

  it.each([
    [1, 1, 0.9, 5],
    [10, 3, 0.3, 50],
    [1, 10, 0.099, 1000],
  ])('start %s, fanout %s, conversion %s, market %s: below start / (1 - K) and the market, as summed', (start, fanout, conversion, market) => {
    const limit = treeLimit({ start, fanout, conversion, market })!;
    expect(limit).toBeCloseTo(summed(start, fanout * conversion, market), 10);
    expect(limit).toBeLessThanOrEqual(market);
    expect(limit).toBeLessThan(start / (1 - fanout * conversion));
  });

  it('is start / (1 - K) without a market and null for K >= 1', () => {
    expect(treeLimit({ start: 1, fanout: 1, conversion: 0.9, market: null })).toBeCloseTo(10, 12);
    expect(treeLimit({ start: 1, fanout: 2, conversion: 0.5, market: 100 })).toBeNull();
  });
});

describe('countReplacer: exact counts through JSON', () => {
  it('writes each bigint as its digits, leaves other values as they are, and reads back to the same count', () => {
    const rows = treeGrowth({ ...treeDefaults, fanout: 1000, depth: 7 });
    const text = JSON.stringify(rows.at(-1), countReplacer);
    expect(text).toBe('{"level":7,"new":"1000000000000000000000","total":"1001001001001001001001","paid":"0"}');
    expect(BigInt(JSON.parse(text).total)).toBe(rows.at(-1)!.total);
    expect(JSON.stringify({ a: 1.5, b: null, c: 'x' }, countReplacer)).toBe('{"a":1.5,"b":null,"c":"x"}');
  });
});
