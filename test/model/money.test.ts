import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amplification, effectiveAcquisitionCost, moneyRows, moneySummary, type Amounts, type PeriodCounts } from '../../src/model/money.js';
import { compoundGrowth } from '../../src/model/growth/compound.js';
import { treeGrowth } from '../../src/model/growth/tree.js';
import { simulateTrials } from '../../src/model/chains/montecarlo.js';
import { Amount } from '../../src/output/amount.js';

const none: Amounts = { value: 0, reward: 0, refereeReward: 0, cost: 0, cac: null };

describe('money against hand-computed cases', () => {
  it('a new fan worth 600 (800 lifetime value at 75% margin) with a reward of 40 nets 560', () => {
    const rows = moneyRows([{ referred: 1n, paid: 0n }, { referred: 1n, paid: 0n }], { ...none, value: 800 * 0.75 * 100, reward: 4000 });
    expect(rows[1]).toEqual({ revenue: 60000n, rewards: 4000n, cost: 0n, net: 56000n, cumulative: 56000n });
    expect(new Amount(rows[1]!.net, 2).decimal()).toBe('560.00');
  });

  it('K = 0.7, CAC 100 and a reward of 20: an effective acquisition cost of 44; one bought fan becomes 3.33 fans', () => {
    expect(effectiveAcquisitionCost(100, 20, 0.7)).toBeCloseTo(44, 12);
    expect(amplification(0.7)).toBeCloseTo(10 / 3, 14);
    expect(effectiveAcquisitionCost(100, 20, 1)).toBeNull();
  });

  it('the amplification holds in the model: bought fans each level tend to paid / (1 - K) new fans a level', () => {
    const rows = treeGrowth({ start: 0, fanout: 0.7, depth: 200, conversion: 1, market: null, paid: 30 });
    expect(rows.at(-1)!.new as number).toBeCloseTo(30 / (1 - 0.7), 9);
  });

  it('bought fans in the exact compound model: F_t = 2 F_(t-1) + 1 from F_0 = 1 is 2^(t+1) - 1', () => {
    const rows = compoundGrowth({ start: 1, rate: 1, years: 60, conversion: 1, churn: 0, market: null, paid: 1 });
    rows.forEach((r, t) => expect(r.total).toBe(2n ** BigInt(t + 1) - 1n));
    expect(rows[5]!.paid).toBe(1n);
  });

  it('exact in cents at any size: 0.10 a fan over 2^200 fans, and never 0.30000000000000004', () => {
    const rows = compoundGrowth({ start: 1, rate: 1, years: 200, conversion: 1, churn: 0, market: null });
    const money = moneyRows(rows.map((r, t) => ({ referred: t === 0 ? 0n : (r.new as bigint), paid: 0n })), { ...none, value: 10 });
    expect(new Amount(money.at(-1)!.cumulative, 2).decimal()).toBe(`${(2n ** 200n - 1n) / 10n}.${((2n ** 200n - 1n) % 10n).toString()}0`);
    expect(new Amount(30n, 2).decimal()).toBe('0.30');
    expect(new Amount(0.1 * 100 + 0.2 * 100, 2).decimal()).toBe('0.30');
  });

  it('sampled runs with bought fans: the mean total matches the expected model within 4 standard errors', () => {
    const chain = { model: 'tree' as const, start: 1, periods: 5, offspring: { distribution: 'poisson' as const, introductions: 0.8, conversion: 1, dispersion: 1 }, churn: 0, market: null, paid: 3 };
    const runs = simulateTrials(chain, 40_000, 3, [0.5]);
    const expected = treeGrowth({ start: 1, fanout: 0.8, depth: 5, conversion: 1, market: null, paid: 3 });
    // The level-5 total has a standard deviation of about 10 here; 4 SE of 40,000 runs is about 0.2.
    expect(Math.abs(runs[5]!.mean - (expected[5]!.total as number))).toBeLessThan(0.25);
  });
});

describe('payback and break-even reward against brute force', () => {
  const periods = fc.array(fc.record({ referred: fc.integer({ min: 0, max: 50 }), paid: fc.integer({ min: 0, max: 5 }) }), { minLength: 2, maxLength: 8 });
  const amounts = fc.record({
    value: fc.integer({ min: 0, max: 2000 }),
    reward: fc.integer({ min: 0, max: 2000 }),
    refereeReward: fc.integer({ min: 0, max: 300 }),
    cost: fc.integer({ min: 0, max: 20000 }),
    cac: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  });

  it('the first period whose cumulative net is 0 or more, and the largest reward that keeps the net at the horizon 0 or more, by trying every reward', () => {
    fc.assert(
      fc.property(periods, amounts, (raw, a) => {
        const counts: PeriodCounts[] = raw.map((p) => ({ referred: BigInt(p.referred), paid: BigInt(p.paid) }));
        const summary = moneySummary(moneyRows(counts, a), counts, a);
        const rows = moneyRows(counts, a);
        const firstPaying = rows.findIndex((r, t) => t >= 1 && (r.cumulative as bigint) >= 0n);
        expect(summary.payback).toBe(firstPaying < 0 ? null : firstPaying);
        // Brute force: every whole reward from 0 up to the value plus a margin.
        let best: number | null = null;
        const referred = counts.slice(1).reduce((s, c) => s + Number(c.referred), 0);
        for (let r = 0; r <= 4000; r++) {
          const pays = (moneyRows(counts, { ...a, reward: r }).at(-1)!.cumulative as bigint) >= 0n && counts.slice(1).some((c) => c.referred > 0n);
          if (pays) best = r;
        }
        // Exact counts give the reward in BigInt minor units.
        expect(summary.breakEvenReward === null ? null : Number(summary.breakEvenReward)).toBe(referred === 0 ? null : best);
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it('a value with no costs breaks even at the value, where the revenue and the referred fans were summed by different paths (their last bits differ)', () => {
    // 3 referred fans at $100.00 each: the revenue summed by day came out a bit under 30,000 cents.
    const counts: PeriodCounts[] = [{ referred: 0, paid: 0 }, { referred: 3, paid: 0 }];
    const a = { value: 10_000, reward: 0, refereeReward: 0, cost: 0, cac: null };
    const rows = moneyRows(counts, a).map((row, t) => (t === 1 ? { ...row, revenue: 29_999.999999999996, net: 29_999.999999999996, cumulative: 29_999.999999999996 } : row));
    expect(Math.floor(29_999.999999999996 / 3)).toBe(9_999);
    expect(moneySummary(rows, counts, a).breakEvenReward).toBe(10_000);
    // A room a cent short is a cent short.
    const short = rows.map((row, t) => (t === 1 ? { ...row, revenue: 29_997, net: 29_997, cumulative: 29_997 } : row));
    expect(moneySummary(short, counts, a).breakEvenReward).toBe(9_999);
  });
});

// Issue #30, item 8: the return of exact runs was rounded to 12 decimals (-1.129E-9 for
// -1.1290249727577e-9, 0 for 5.06e-24).
describe('bigRatio: the return of exact sums, to a double\'s precision', () => {
  it('keeps tiny returns and matches exact rationals', async () => {
    const { bigRatio } = await import('../../src/model/money.js');
    expect(bigRatio(-11290249727577n, 10n ** 22n)).toBe(-1.1290249727577e-9);
    expect(bigRatio(506n, 10n ** 26n)).toBe(5.06e-24);
    for (const [a, b] of [[3n, 7n], [-22n, 7n], [1n, 3n], [10n ** 40n + 7n, 3n * 10n ** 39n]] as const) expect(bigRatio(a, b)).toBe(Number(a) / Number(b));
    // Sums past a double: 10^400 / (3 x 10^399), and a quotient below a double's smallest normal.
    expect(bigRatio(10n ** 400n, 3n * 10n ** 399n)).toBe(10 / 3);
    expect(Math.abs(bigRatio(1n, 10n ** 320n) - 1e-320)).toBeLessThanOrEqual(Number.MIN_VALUE);
  });
});
