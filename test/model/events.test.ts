import { describe, expect, it } from 'vitest';
import type { ChainParams } from '../../src/model/chains/montecarlo.js';
import type { Payback } from '../../src/model/chains/payback.js';
import { type Uniforms, poissonLogPmf, zeroTruncatedFirst, zeroTruncatedPoissonDraw } from '../../src/model/chains/poisson.js';
import { BlockRandom } from '../../src/model/chains/block-random.js';
import { type PascalDelay, pascalDelay, pascalWeights } from '../../src/model/calendar/delays.js';
import { DelayTable } from '../../src/model/calendar/delay-table.js';
import { thinnedPascal } from '../../src/model/calendar/thinned-pascal.js';
import { DayQueue } from '../../src/model/calendar/day-queue.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { runEventBlock, switchAt } from '../../src/model/calendar/events.js';
import { dailyLeave } from '../../src/model/calendar/renewal.js';

// Issue #33: sampled runs whose cost grows with the fans, not the days. The fan-by-fan engine
// (events.ts) against the day engine (engine.ts); the renewal-equation means of both engines
// are in calendar.test.ts and calendar-composed.test.ts.

/** Uniforms on an even grid of `m` points, (j + 0.5)/m: every point once, in order. */
function grid(m: number): Uniforms & { reset(): void } {
  let j = 0;
  return {
    uniform: () => (j++ % m + 0.5) / m,
    uniform32: () => (j++ % m + 0.5) / m,
    reset: () => (j = 0),
  };
}

describe('a Pascal delay in one uniform (DelayTable)', () => {
  it.each([
    ['a month, sd 10 days', pascalDelay(30, 10)!, 200],
    ['a year, sd 4 months (horizon cuts the tail)', pascalDelay(365.2425, 121.75)!, 400],
    ['geometric, a week', { stages: 1, chance: 1 / 7 }, 60],
    ['fixed, 3 days', { stages: 3, chance: 1 }, 10],
  ] as const)('%s: each day drawn as often as its Pascal chance, and "after the horizon" as the rest, over an even grid of uniforms', (_, delay: PascalDelay, days) => {
    const table = new DelayTable(pascalWeights(delay, days));
    const weights = pascalWeights(delay, days);
    const outcomes = weights.length + 1;
    const perOutcome = 4096;
    const m = outcomes * perOutcome;
    const rng = grid(m);
    const counts = new Map<number, number>();
    for (let j = 0; j < m; j++) {
      const d = table.draw(rng);
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    // An alias table gives each outcome its chance exactly, up to the grid's step (1/m) at each cell it sits in:
    // a few cells for most outcomes (at most 16 steps here), and the steps over all outcomes at most two a cell.
    let rest = 1;
    let off = 0;
    for (let s = 0; s < weights.length; s++) {
      const gap = Math.abs((counts.get(s) ?? 0) / m - weights[s]!);
      expect(gap).toBeLessThanOrEqual(16 / m);
      off += gap;
      rest -= weights[s]!;
    }
    const after = Math.abs((counts.get(Infinity) ?? 0) / m - Math.max(0, rest));
    expect(after).toBeLessThanOrEqual(16 / m);
    expect(off + after).toBeLessThanOrEqual((2 * outcomes) / m);
    // Never a day that has no chance: nothing before the k-th day, nothing past the horizon but "after".
    for (const d of counts.keys()) expect(d === Infinity || (d >= delay.stages && d <= days)).toBe(true);
  });
});

/**
 * The thinned delay's chances by their defining sum, f_D(t) = (1 - zero) f_X(t) + zero Σ f_X(s) f_D(t - s),
 * from the delay's chances by day: the reference thinnedPascal's stages are held to.
 */
function thinnedBySum(weights: Float64Array, zero: number, days: number): Float64Array {
  const f = new Float64Array(days + 1);
  for (let t = 1; t <= days; t++) {
    let sum = 0;
    for (let s = 1; s <= Math.min(t - 1, weights.length - 1); s++) sum += weights[s]! * f[t - s]!;
    f[t] = (t < weights.length ? (1 - zero) * weights[t]! : 0) + zero * sum;
  }
  return f;
}

describe('the delay to the next moment that brings someone (thinnedPascal)', () => {
  it('a geometric delay of chance q, thinned by zero, is geometric of chance q (1 - zero): every day of 400 to 1e-12 of its chance', () => {
    for (const [q, zero] of [[1 / 7, Math.exp(-0.59)], [0.3, 0.9], [1, 0.5]] as const) {
      const days = 400;
      const f = thinnedPascal({ stages: 1, chance: q }, zero, days);
      const p = q * (1 - zero);
      expect(f[0]).toBe(0);
      for (let t = 1; t <= days; t++) {
        const exact = p * (1 - p) ** (t - 1);
        expect(Math.abs(f[t]! - exact)).toBeLessThanOrEqual(1e-12 * exact);
      }
    }
  });

  it('Pascal delays of 1, 9 and 24 stages: the stages give the defining sum over the delay\'s chances by day, within what those leave off (1e-12)', () => {
    for (const [delay, zero, days] of [
      [pascalDelay(30, 29)!, Math.exp(-0.3), 730],
      [pascalDelay(365.2425, 121.75)!, Math.exp(-0.59), 3653],
      [pascalDelay(30.44, 3)!, Math.exp(-2), 1000],
    ] as const) {
      expect([1, 9, 24]).toContain(delay.stages);
      const byStages = thinnedPascal(delay, zero, days);
      const bySum = thinnedBySum(pascalWeights(delay, days), zero, days);
      let off = 0;
      for (let t = 0; t <= days; t++) off += Math.abs(byStages[t]! - bySum[t]!);
      expect(off).toBeLessThanOrEqual(2e-12 / (1 - zero));
    }
  });

  it('a Pascal delay (a year, 9 stages) thinned by e^-0.59: its chances sum to 1 and its mean is the delay\'s over 1 - e^-0.59 (Wald), over a horizon long enough for both', () => {
    const delay = pascalDelay(365.2425, 121.75)!;
    const days = 36_525;
    const zero = Math.exp(-0.59);
    const f = thinnedPascal(delay, zero, days);
    let sum = 0;
    let mean = 0;
    for (let t = 0; t <= days; t++) {
      sum += f[t]!;
      mean += t * f[t]!;
    }
    expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
    expect(Math.abs(mean / (delay.stages / delay.chance / (1 - zero)) - 1)).toBeLessThan(1e-9);
  });

  it('drawn in one uniform, the days come as often as their chances (an even grid of uniforms)', () => {
    const days = 200;
    const f = thinnedPascal(pascalDelay(30, 10)!, Math.exp(-1), days);
    const table = new DelayTable(f);
    const m = (days + 2) * 4096;
    const rng = grid(m);
    const counts = new Float64Array(days + 1);
    let after = 0;
    for (let j = 0; j < m; j++) {
      const d = table.draw(rng);
      if (d === Infinity) after++;
      else counts[d]!++;
    }
    let rest = 1;
    for (let t = 0; t <= days; t++) {
      expect(Math.abs(counts[t]! / m - f[t]!)).toBeLessThanOrEqual(16 / m);
      rest -= f[t]!;
    }
    expect(Math.abs(after / m - rest)).toBeLessThanOrEqual(16 / m);
  });
});

describe('a Poisson count given it is not 0 (zeroTruncatedPoissonDraw)', () => {
  it.each([0.05, 0.59, 2, 9.5])('mean %s: each count drawn as often as e^-m m^k / (k! (1 - e^-m)), over an even grid of uniforms', (m) => {
    const zero = Math.exp(-m);
    const n = 1 << 18;
    const rng = grid(n);
    const counts = new Map<number, number>();
    for (let j = 0; j < n; j++) {
      const k = zeroTruncatedPoissonDraw(rng, m, zeroTruncatedFirst(m));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.has(0)).toBe(false);
    let mass = 0;
    for (let k = 1; k < 60; k++) {
      const want = Math.exp(poissonLogPmf(k, m)) / (1 - zero);
      mass += want;
      // Inversion on an even grid: each count's share is its chance, up to one grid step at each end.
      expect(Math.abs((counts.get(k) ?? 0) / n - want)).toBeLessThanOrEqual(2 / n);
    }
    expect(mass).toBeCloseTo(1, 12);
  });

  it('a small mean keeps its digits: for means 1e-12 to 0.01, a uniform at the top of its range (1 - 2^-33) gives the count the exact law does', () => {
    const u = 1 - 2 ** -33;
    const top: Uniforms = { uniform: () => u, uniform32: () => u };
    for (let e = -12; e <= -2; e += 0.01) {
      const m = 10 ** e;
      // The smallest k whose P(X <= k | X > 0) reaches u, summed from log P (poissonLogPmf) over 1 - e^-m kept to its digits.
      let want = 1;
      let sum = Math.exp(poissonLogPmf(1, m)) / -Math.expm1(-m);
      while (sum < u) sum += Math.exp(poissonLogPmf(++want, m)) / -Math.expm1(-m);
      expect(zeroTruncatedPoissonDraw(top, m, zeroTruncatedFirst(m)), `mean ${m}`).toBe(want);
    }
    expect(zeroTruncatedFirst(0)).toBe(1);
    expect(zeroTruncatedFirst(0.59)).toBeCloseTo((0.59 * Math.exp(-0.59)) / (1 - Math.exp(-0.59)), 14);
  });

  it('from a mean of 10 on (redrawn Poisson counts), the mean is m / (1 - e^-m) within 4 SE (200,000 draws, seed 7)', () => {
    const rng = new BlockRandom(7, 0);
    for (const m of [10, 40]) {
      const n = 200_000;
      let sum = 0;
      let zeros = 0;
      for (let j = 0; j < n; j++) {
        const k = zeroTruncatedPoissonDraw(rng, m, zeroTruncatedFirst(m));
        if (k === 0) zeros++;
        sum += k;
      }
      const want = m / (1 - Math.exp(-m));
      expect(zeros).toBe(0);
      expect(Math.abs(sum / n - want)).toBeLessThan(4 * Math.sqrt(m / n));
    }
  });
});

describe('events by day (DayQueue)', () => {
  it('gives back each day its entries in the order added, once, across many chunks and reused ones', () => {
    const q = new DayQueue(100);
    const want: [number, number][][] = Array.from({ length: 101 }, () => []);
    let x = 1;
    for (let n = 0; n < 5000; n++) {
      x = (x * 48271) % 2147483647;
      const day = 1 + (x % 100);
      want[day]!.push([n, 2 * n]);
      q.add(day, n, 2 * n);
    }
    for (let day = 0; day <= 100; day++) {
      const got: [number, number][] = [];
      q.take(day, (value, d) => got.push([value, d]));
      expect(got).toEqual(want[day]);
      // While a day is read, later days are added to from the chunks given back.
      if (day < 50) {
        for (let n = 0; n < 40; n++) {
          q.add(day + 50, 10_000 + n, day);
          want[day + 50]!.push([10_000 + n, day]);
        }
      }
      const again: number[] = [];
      q.take(day, (value) => again.push(value));
      expect(again).toEqual([]);
    }
  });
});

describe('the event engine against the day engine, in distribution', () => {
  const delay = pascalDelay(30, 10)!;
  const days = 240;
  const everyDay = Array.from({ length: days + 1 }, (_, d) => d);
  type Engine = (p: ChainParams, seed: number, block: number, count: number, sink: (period: number, totals: Float64Array) => void) => unknown;
  const leaveFor = (p: ChainParams) => (p.churn > 0 ? dailyLeave(p.churn, 30) : 0);
  const byDays: Engine = (p, seed, block, count, sink) => runCalendarBlock(p, { delay, days, ends: everyDay, leave: leaveFor(p) }, seed, block, count, sink);
  const byEvents: Engine = (p, seed, block, count, sink) => runEventBlock(p, { delay, days, ends: everyDay, leave: leaveFor(p) }, seed, block, count, sink, switchAt(delay, 8));

  /** Each run's first day with a total at `target` or more (days + 1 for never). */
  function firstDays(engine: Engine, p: ChainParams, target: number, trials: number, seed: number): number[] {
    const out: number[] = [];
    for (let block = 0; block * 1024 < trials; block++) {
      const count = Math.min(1024, trials - block * 1024);
      const first = new Array<number>(count).fill(days + 1);
      engine(p, seed, block, count, (period, totals) => {
        for (let i = 0; i < count; i++) if (first[i] === days + 1 && totals[i]! >= target) first[i] = period;
      });
      out.push(...first);
    }
    return out;
  }

  /** The two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distribution functions. */
  function ks(a: number[], b: number[]): number {
    const [x, y] = [[...a].sort((u, v) => u - v), [...b].sort((u, v) => u - v)];
    let [i, j, gap] = [0, 0, 0];
    while (i < x.length && j < y.length) {
      const v = Math.min(x[i]!, y[j]!);
      while (i < x.length && x[i]! === v) i++;
      while (j < y.length && y[j]! === v) j++;
      gap = Math.max(gap, Math.abs(i / x.length - j / y.length));
    }
    return gap;
  }

  const base = (over: Partial<ChainParams>): ChainParams => ({ model: 'tree', start: 3, periods: days, offspring: { distribution: 'poisson', introductions: 1.3, conversion: 1, dispersion: 1 }, churn: 0, market: null, ...over });
  it.each([
    ['tree, Poisson', base({}), 40],
    ['tree, negative binomial k = 0.5, 30% nonreferrers', base({ offspring: { distribution: 'negbin', introductions: 1.8, conversion: 1, dispersion: 0.5 }, nonreferrers: 0.3 }), 40],
    ['tree, fixed 3 at 50%, a market of 60', base({ offspring: { distribution: 'fixed', introductions: 3, conversion: 0.5, dispersion: 1 }, market: 60 }), 25],
    ['compound, Poisson, churn 10% a month', base({ model: 'compound', offspring: { distribution: 'poisson', introductions: 0.6, conversion: 1, dispersion: 1 }, churn: 0.1 }), 30],
    ['compound, negative binomial, 20% nonreferrers, churn 5%, a market of 100', base({ model: 'compound', offspring: { distribution: 'negbin', introductions: 0.9, conversion: 1, dispersion: 0.7 }, nonreferrers: 0.2, churn: 0.05, market: 100 }), 45],
    // Thinned: only the moments that bring someone are events (e^-0.35 = 70% of them are not).
    ['compound, Poisson 0.35 at 60%, 25% nonreferrers, a market of 80 (thinned moments)', base({ model: 'compound', offspring: { distribution: 'poisson', introductions: 0.35 / 0.6, conversion: 0.6, dispersion: 1 }, nonreferrers: 0.25, market: 80 }), 12],
  ] as const)('%s: the day the total reaches a target, two-sample KS below its 0.1%% critical value (4,000 runs each, seeds 31 and 32)', (_, p, target) => {
    const n = 4000;
    const a = firstDays(byDays, p, target, n, 31);
    const b = firstDays(byEvents, p, target, n, 32);
    // Some runs reach it within the horizon and some do not, so the test can see a difference.
    for (const runs of [a, b]) {
      const reached = runs.filter((d) => d <= days).length / n;
      expect(reached).toBeGreaterThan(0.1);
      expect(reached).toBeLessThan(0.99);
    }
    // c(0.001) = 1.949: D > c sqrt((n + m)/(n m)) rejects equal laws at 0.1%.
    expect(ks(a, b)).toBeLessThan(1.949 * Math.sqrt(2 / n));
  });

  it('compound, Poisson, churn 5% a month, turning to stages after 8 events (thinned events that come after the switch go on in stages): KS as above', () => {
    const p = base({ model: 'compound', offspring: { distribution: 'poisson', introductions: 0.7, conversion: 1, dispersion: 1 }, churn: 0.05 });
    const staged: Engine = (q, seed, block, count, sink) => runEventBlock(q, { delay, days, ends: everyDay, leave: leaveFor(q) }, seed, block, count, sink, 8);
    const a = firstDays(byDays, p, 40, 4000, 31);
    const b = firstDays(staged, p, 40, 4000, 32);
    const reached = b.filter((d) => d <= days).length / 4000;
    expect(reached).toBeGreaterThan(0.1);
    expect(reached).toBeLessThan(0.99);
    expect(ks(a, b)).toBeLessThan(1.949 * Math.sqrt(2 / 4000));
  });

  it('the KS check can fail: a delay 20% longer moves the date past the critical value', () => {
    const p = base({});
    const slower = pascalDelay(36, 12)!;
    const a = firstDays(byDays, p, 40, 4000, 31);
    const b = firstDays((q, seed, block, count, sink) => runEventBlock(q, { delay: slower, days, ends: everyDay }, seed, block, count, sink, 64), p, 40, 4000, 32);
    expect(ks(a, b)).toBeGreaterThan(1.949 * Math.sqrt(2 / 4000));
  });

  it("money: the runs paid back are what each run's own totals say (events, 1,024 runs, seed 5)", () => {
    const ends = [30, 60, 90, 120];
    const pay: Payback = { slope: 50, offsets: Float64Array.from([-300, -600, -900, -1200]), from: 0 };
    const p = base({ periods: 3, start: 1, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, payback: pay });
    const totals: number[][] = Array.from({ length: 1024 }, () => []);
    const out = runEventBlock(p, { delay, days: 120, ends }, 5, 0, 1024, (period, t) => t.forEach((v, i) => (totals[i]![period] = v)), 64);
    const byRun = totals.map((run) => {
      for (let t = 0; t < run.length; t++) if (pay.slope * (run[t]! - 1) + pay.offsets[t]! >= 0) return t;
      return null;
    });
    for (let t = 0; t <= 3; t++) expect(out.paidBack![t]).toBe(byRun.filter((at) => at !== null && at <= t).length);
    expect(new Set(byRun).size).toBeGreaterThan(2);
  });

  it('the same seed and block give the same runs, and memory stays bounded: a run turns to stages past its threshold', () => {
    const p = base({ offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 } });
    const a: number[] = [];
    const b: number[] = [];
    runEventBlock(p, { delay, days, ends: [days] }, 9, 3, 256, (_, t) => a.push(...t), 64);
    runEventBlock(p, { delay, days, ends: [days] }, 9, 3, 256, (_, t) => b.push(...t), 64);
    expect(a).toEqual(b);
    // Growing runs (K = 2 a month for 8 months): their totals pass the threshold many times over.
    expect(Math.max(...a)).toBeGreaterThan(64 * 10);
  });

  it('refuses what it does not run: customers already there, and churn on the tree', () => {
    const p = base({});
    const existing = { ages: [{ age: 10, fans: 2, referred: 1 }] } as never;
    expect(() => runEventBlock(p, { delay, days, ends: [days], existing }, 1, 0, 4, () => {}, 64)).toThrow(/day engine/);
    expect(() => runEventBlock(p, { delay, days, ends: [days], leave: 0.01 }, 1, 0, 4, () => {}, 64)).toThrow(/compound/);
  });
});

describe('where a run turns to stages (switchAt)', () => {
  it('grows with the delay and the cost of a stage day, from 64 to 4,096', () => {
    expect(switchAt({ stages: 9, chance: 9 / 365 }, 8)).toBe(Math.round((365 * 13 * 8) / 16));
    expect(switchAt({ stages: 9, chance: 9 / 365 }, 1)).toBe(Math.round((365 * 13) / 16));
    expect(switchAt({ stages: 1, chance: 1 }, 1)).toBe(64);
    // A delay of ten years in 100 stages: bounded, a block's events within about 32 MiB.
    expect(switchAt({ stages: 100, chance: 100 / 3652 }, 14)).toBe(4096);
  });
});
