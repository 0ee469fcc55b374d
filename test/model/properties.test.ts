import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainParams, type Count, GrowthOverflowError, compoundGrowth, distributions, expectedLog10Total, sampleChain, seededSource, treeGrowth } from '../../src/index.js';

/** Every count is a whole or real number, finite and not negative. */
const sound = (x: Count) => (typeof x === 'bigint' ? x >= 0n : Number.isFinite(x) && x >= 0);

// The CLI's bounds (README, "Limits and errors"), with depths and years kept short enough to run often.
const share = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const market = fc.option(fc.integer({ min: 1, max: 1e15 }), { nil: null });

describe('no NaN, Infinity or negative counts for any accepted input', () => {
  it('tree model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 400 }), share, market, (start, fanout, depth, conversion, m) => {
        const p = { start, fanout, depth, conversion, market: m !== null && m < start ? start : m };
        try {
          for (const row of treeGrowth(p)) expect(sound(row.new) && sound(row.total)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(GrowthOverflowError); // refused with a message, never printed
        }
      }),
    );
  });

  it('compound model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 400 }), share, share, market, (start, rate, years, conversion, churn, m) => {
        const p = { start, rate, years, conversion, churn, market: m !== null && m < start ? start : m };
        try {
          for (const row of compoundGrowth(p)) expect(sound(row.new) && sound(row.lost) && sound(row.total)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(GrowthOverflowError);
        }
      }),
    );
  });

  it('sampled runs', () => {
    const chain = fc.record({
      model: fc.constantFrom('tree' as const, 'compound' as const),
      start: fc.integer({ min: 0, max: 1e6 }),
      periods: fc.integer({ min: 0, max: 60 }),
      offspring: fc.record({
        distribution: fc.constantFrom(...distributions),
        introductions: fc.integer({ min: 0, max: 50 }),
        conversion: share,
        dispersion: fc.double({ min: 0.01, max: 100, noNaN: true }),
      }),
      churn: share,
      market,
    });
    fc.assert(
      fc.property(chain, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (c, seed) => {
        const p: ChainParams = { ...c, churn: c.model === 'tree' ? 0 : c.churn, market: c.market !== null && c.market < c.start ? c.start : c.market };
        fc.pre(expectedLog10Total(p) <= 290); // the CLI refuses the rest
        const path = sampleChain(p, seededSource(seed));
        for (const x of [...path.totals, ...path.active]) expect(sound(x)).toBe(true);
        if (p.market !== null) for (const x of path.totals) expect(x).toBeLessThanOrEqual(p.market);
      }),
      { numRuns: 200 },
    );
  });
});
