import { describe, expect, it } from 'vitest';
import { type ChainParams, sampleChain, seededSource } from '../../src/index.js';
import { runTrialsBlock } from '../../src/model/chains/engine.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { pascalDelay } from '../../src/model/calendar/delays.js';
import type { Payback } from '../../src/model/chains/payback.js';

// Issue #28, item 4: money with --trials gives the share of runs that pay back by each period,
// counted run by run in the engines from the fans each run reached.

/** The first period from `from` on whose cumulative net is 0 or more, of one run's totals. */
function paybackOf(totals: ArrayLike<number>, start: number, pay: Payback): number | null {
  for (let t = pay.from; t < totals.length; t++) if (pay.slope * (totals[t]! - start) + pay.offsets[t]! >= 0) return t;
  return null;
}

describe('runs paid back, counted in the engine', () => {
  // A tree of K = 2 a level: value 100, reward 10 (slope 90 a fan), a fixed cost of 400 a level.
  const pay: Payback = { slope: 90, offsets: Float64Array.from([0, -400, -800, -1200, -1600, -2000]), from: 1 };
  const tree: ChainParams = { model: 'tree', start: 1, periods: 5, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null, payback: pay };

  it("the step engine counts what each run's own totals say (the same runs, 1,024 of them, seed 7)", () => {
    const totals: number[][] = Array.from({ length: 1024 }, () => []);
    const out = runTrialsBlock(tree, 7, 0, 1024, (period, t) => t.forEach((v, i) => (totals[i]![period] = v)));
    const byRun = totals.map((run) => paybackOf(run, 1, pay));
    for (let t = 0; t <= 5; t++) expect(out.paidBack![t]).toBe(byRun.filter((at) => at !== null && at <= t).length);
    // Some runs pay back early, some late, some never: the check can tell them apart.
    expect(new Set(byRun).size).toBeGreaterThan(3);
  });

  it('the step engine against sampleChain, the one-run sampler (independent draws): shares within 4 SE at every level (8,192 runs each)', () => {
    const n = 8192;
    const engine = new Float64Array(6);
    for (let block = 0; block < n / 1024; block++) runTrialsBlock(tree, 3, block, 1024, () => {}).paidBack!.forEach((v, t) => (engine[t]! += v));
    const simple = new Float64Array(6);
    for (let i = 0; i < n; i++) {
      const at = paybackOf(sampleChain(tree, seededSource(4, i)).totals, 1, pay);
      for (let t = at ?? 6; t <= 5; t++) simple[t]!++;
    }
    for (let t = 1; t <= 5; t++) {
      const [a, b] = [engine[t]! / n, simple[t]! / n];
      expect(Math.abs(a - b)).toBeLessThanOrEqual(4 * Math.sqrt((a * (1 - a) + b * (1 - b)) / n) + 1e-12);
    }
    // Not trivially 0 or 1 at the last level.
    expect(engine[5]! / n).toBeGreaterThan(0.2);
    expect(engine[5]! / n).toBeLessThan(0.95);
  });

  it("the calendar engine counts what each run's own totals say, from period 0 (calendar periods carry money from the first)", () => {
    const delay = pascalDelay(30, 10)!;
    const ends = [30, 60, 90, 120];
    const calendarPay: Payback = { slope: 50, offsets: Float64Array.from([-300, -600, -900, -1200]), from: 0 };
    const p: ChainParams = { ...tree, periods: 3, calendar: { delay, days: 120, ends }, payback: calendarPay };
    const totals: number[][] = Array.from({ length: 1024 }, () => []);
    const out = runCalendarBlock(p, p.calendar!, 5, 0, 1024, (period, t) => t.forEach((v, i) => (totals[i]![period] = v)));
    const byRun = totals.map((run) => paybackOf(run, 1, calendarPay));
    for (let t = 0; t <= 3; t++) expect(out.paidBack![t]).toBe(byRun.filter((at) => at !== null && at <= t).length);
    expect(new Set(byRun).size).toBeGreaterThan(2);
  });

  it('without payback nothing is counted and the draws are the same', () => {
    const { payback: _, ...plain } = tree;
    const a: number[] = [];
    const b: number[] = [];
    const out = runTrialsBlock(plain, 2, 0, 256, (_, t) => a.push(...t));
    runTrialsBlock(tree, 2, 0, 256, (_, t) => b.push(...t));
    expect(out.paidBack).toBeUndefined();
    expect(a).toEqual(b);
  });
});

describe('the fans reached, sketched beside the totals where churn sets them apart (money with --trials and --churn)', () => {
  it("simulateTrials' reachedQuantiles are the quantiles of each run's fans reached, as the engine's sink sees them (2,048 runs, seed 12)", async () => {
    const { simulateTrials } = await import('../../src/model/chains/montecarlo.js');
    const p: ChainParams = {
      model: 'compound',
      start: 3,
      periods: 4,
      offspring: { distribution: 'poisson', introductions: 0.6, conversion: 1, dispersion: 1 },
      churn: 0.3,
      market: null,
      payback: { slope: 80, offsets: Float64Array.from([0, -50, -100, -150, -200]), from: 1 },
    };
    const rows = simulateTrials(p, 2048, 12, [0.05, 0.5, 0.95]);
    const reached: number[][] = Array.from({ length: 5 }, () => []);
    const totals: number[][] = Array.from({ length: 5 }, () => []);
    for (let block = 0; block < 2; block++) {
      runTrialsBlock(p, 12, block, 1024, (period, t, r) => {
        reached[period]!.push(...r!);
        totals[period]!.push(...t);
      });
    }
    for (let t = 0; t <= 4; t++) {
      const sorted = [...reached[t]!].sort((a, b) => a - b);
      [0.05, 0.5, 0.95].forEach((q, j) => {
        // Within the ranks either side of q n: the sketch is exact below 16,384 runs, whatever its rank rule.
        const [low, high] = [sorted[Math.max(0, Math.floor(q * 2048) - 1)]!, sorted[Math.min(2047, Math.ceil(q * 2048))]!];
        expect(rows[t]!.reachedQuantiles![j]!).toBeGreaterThanOrEqual(low);
        expect(rows[t]!.reachedQuantiles![j]!).toBeLessThanOrEqual(high);
      });
      expect(rows[t]!.reached!).toBeCloseTo(reached[t]!.reduce((s, x) => s + x, 0) / 2048, 9);
    }
    // Churn sets them apart: by year 4 the fans reached are more than the customers left.
    expect(rows[4]!.reachedQuantiles![1]!).toBeGreaterThan(rows[4]!.quantiles[1]!);
  });
});
