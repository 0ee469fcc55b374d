import { describe, expect, it } from 'vitest';
import { pascalDelay, pascalWeights } from '../../src/model/calendar/delays.js';
import { dailyLeave, renewalCustomers, renewalDays } from '../../src/model/calendar/renewal.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { runEventBlock } from '../../src/model/calendar/events.js';
import type { CalendarChain } from '../../src/model/calendar/chain.js';
import type { TotalsSink } from '../../src/model/chains/sink.js';

// Issue #33: the fan-by-fan engine (events.ts) is held to the same theory as the day engine,
// by events (a run turning to stages only past 4,096 of them) and turning runs to stages early
// (past 8 events a run).
const engines = [
  ['day engine', runCalendarBlock],
  ['event engine', (p: ChainParams, c: CalendarChain, seed: number, block: number, count: number, sink: TotalsSink) => runEventBlock(p, c, seed, block, count, sink, 4096)],
  ['event engine turning to stages', (p: ChainParams, c: CalendarChain, seed: number, block: number, count: number, sink: TotalsSink) => runEventBlock(p, c, seed, block, count, sink, 8)],
] as const;
import { type ChainParams, theoreticalExtinction } from '../../src/model/chains/montecarlo.js';

// Issue #28, item 4: churn with spread-out delays. Churn per cycle becomes a daily hazard
// h = 1 - (1 - churn)^(1/cycle days); a fan who left refers no more.

describe('churn as a daily hazard', () => {
  it('leaves the asked share over a cycle: (1 - h)^days = 1 - churn', () => {
    for (const [churn, days] of [[0.1, 365.2425], [0.3, 30.436875], [0.999, 7], [1e-9, 365]] as const) {
      const h = dailyLeave(churn, days);
      expect(Math.abs((1 - h) ** days - (1 - churn))).toBeLessThan(1e-12);
    }
    expect(dailyLeave(0, 30)).toBe(0);
    expect(dailyLeave(1, 30)).toBe(1);
  });

  it('renewal, compound, a one-day delay: every customer refers each day they stay, total(t) = start ((1 - h)(1 + K))^t', () => {
    // Each customer at the end of day t - 1 has a moment on day t if they stay (1 - h), bringing K:
    // total(t) = total(t - 1)(1 - h) + K total(t - 1)(1 - h).
    const [start, K, h] = [7, 0.4, 0.05];
    const fresh = renewalDays({ model: 'compound', start, K, market: null, weights: Float64Array.from([0, 1]), days: 40, leave: h });
    const { totals, lost } = renewalCustomers(fresh, h);
    for (let t = 0; t <= 40; t++) expect(totals[t]! / (start * ((1 - h) * (1 + K)) ** t)).toBeCloseTo(1, 12);
    for (let t = 1; t <= 40; t++) expect(lost[t]!).toBeCloseTo(totals[t - 1]! * h, 10);
  });

  it('renewal without churn is what it was: the totals are the running sum of new fans', () => {
    const weights = pascalWeights(pascalDelay(30, 10)!, 400);
    const p = { model: 'compound' as const, start: 3, K: 0.2, market: null, weights, days: 400 };
    expect(renewalDays({ ...p, leave: 0 })).toEqual(renewalDays(p));
    const fresh = renewalDays(p);
    let sum = 0;
    expect(Array.from(renewalCustomers(fresh, 0).totals)).toEqual(Array.from(fresh, (n) => (sum += n)));
  });

  it('the tree has no churn: a leave for the tree is refused, named', () => {
    expect(() => renewalDays({ model: 'tree', start: 1, K: 1, market: null, weights: Float64Array.from([0, 1]), days: 3, leave: 0.1 })).toThrow(/leave/);
  });
});

describe.each(engines)('sampled compound runs with churn on the calendar, %s', (_engine, runBlock) => {
  const delay = pascalDelay(30.436875, 14)!;
  const days = 360;
  const ends = [30, 120, 240, 360];
  const chain = (over: Partial<ChainParams> = {}): ChainParams => ({
    model: 'compound',
    start: 5,
    periods: ends.length - 1,
    offspring: { distribution: 'poisson', introductions: 0.5, conversion: 1, dispersion: 1 },
    churn: 0.1,
    market: null,
    ...over,
  });

  function runs(p: ChainParams, leave: number, trials: number, seed: number) {
    const sums = ends.map(() => 0);
    const squares = ends.map(() => 0);
    const reached = ends.map(() => 0);
    let extinct = 0;
    for (let block = 0, done = 0; done < trials; block++) {
      const count = Math.min(1024, trials - done);
      const out = runBlock(p, { delay, days, ends, leave }, seed, block, count, (period, totals) => {
        for (let i = 0; i < count; i++) {
          sums[period]! += totals[i]!;
          squares[period]! += totals[i]! ** 2;
        }
      });
      out.reached!.forEach((s, i) => (reached[i]! += s));
      extinct += out.extinct[ends.length - 1]!;
      done += count;
    }
    return {
      extinct: extinct / trials,
      reached: reached.map((s) => s / trials),
      means: sums.map((s, i) => ({ mean: s / trials, se: Math.sqrt((squares[i]! / trials - (s / trials) ** 2) / trials) })),
    };
  }

  it.each([
    ['Poisson, churn 10% a month', {}],
    ['negative binomial k = 0.5, churn 25% a month', { offspring: { distribution: 'negbin' as const, introductions: 0.6, conversion: 1, dispersion: 0.5 }, churn: 0.25 }],
    ['40% nonreferrers, churn 10% a month', { nonreferrers: 0.4, offspring: { distribution: 'poisson' as const, introductions: 1, conversion: 1, dispersion: 1 } }],
    ['a market of 60, churn 10% a month', { market: 60, offspring: { distribution: 'poisson' as const, introductions: 1, conversion: 1, dispersion: 1 } }],
  ])('%s: mean customers within 4 SE of the renewal equation at every period (4,000 runs, seed 21)', (_, over) => {
    const p = chain(over as Partial<ChainParams>);
    const leave = dailyLeave(p.churn, 30.436875);
    const K = p.offspring.introductions * p.offspring.conversion * (1 - (p.nonreferrers ?? 0));
    const { means, reached } = runs(p, leave, 4000, 21);
    if (p.market === null) {
      const fresh = renewalDays({ model: 'compound', start: p.start, K, market: null, weights: pascalWeights(delay, days), days, leave });
      const { totals } = renewalCustomers(fresh, leave);
      means.forEach(({ mean, se }, i) => expect(Math.abs(mean - totals[ends[i]!]!)).toBeLessThan(4 * se));
    } else {
      // With a market the renewal equation is a mean-field approximation: the sampled mean stays within the market and near it.
      for (const { mean } of means) expect(mean).toBeLessThanOrEqual(p.market);
    }
    // Churn takes customers: fewer than were ever reached, more so as time goes on.
    expect(means.at(-1)!.mean).toBeLessThan(reached.at(-1)!);
  });

  it('without churn (leave 0 or none): the same draws either way, and the totals are the fans ever reached', () => {
    const p = chain({ churn: 0 });
    const a: number[] = [];
    const b: number[] = [];
    runBlock(p, { delay, days, ends }, 4, 0, 512, (_, t) => a.push(...t));
    runBlock(p, { delay, days, ends, leave: 0 }, 4, 0, 512, (_, t) => b.push(...t));
    expect(a).toEqual(b);
    const out = runBlock(p, { delay, days, ends, leave: 0 }, 4, 0, 512, () => {});
    expect(Array.from(out.reached!)).toEqual(Array.from(out.sums));
  });

  it('dies out as theory says: the moments branch with ψ = E[(1 - h)^T], within 4 SE (12,000 runs, seed 8)', () => {
    // K = 1 a month, 30% leave a month: ψ ≈ 0.7, the moments' mean ψ(1 + K) ≈ 1.4, so some runs live on.
    const p = chain({ start: 1, churn: 0.3, offspring: { distribution: 'poisson', introductions: 1, conversion: 1, dispersion: 1 } });
    const leave = dailyLeave(0.3, 30.436875);
    const q = theoreticalExtinction({ ...p, calendar: { delay, days, ends, leave } })!;
    // Independently: by simulation of the moments' Galton-Watson process itself (not through the day engine):
    // ψ from the Pascal law's generating function, then q = smallest root of q = (1 - ψ + ψ q) e^(K(ψ q + 1 - ψ - 1)), iterated.
    const psi = ((delay.chance * (1 - leave)) / (1 - (1 - delay.chance) * (1 - leave))) ** delay.stages;
    let m = 0;
    for (let i = 0; i < 20_000; i++) m = (1 - psi + psi * m) * Math.exp(psi * (m - 1));
    expect(q).toBeCloseTo(1 - psi + psi * m, 9);
    expect(q).toBeGreaterThan(0.3);
    expect(q).toBeLessThan(0.8);
    const { extinct } = runs(p, leave, 12_000, 8);
    expect(Math.abs(extinct - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / 12_000));
  });
});


// Issue #28, item 4: --fit with spread-out delays. Each run draws its own K (and k) from the
// fit's uncertainty, as the runs by cycle do; the day engine takes them run by run.
describe.each(engines)('sampled calendar runs with a fit\'s uncertainty, %s', (_engine, runBlock) => {
  const delay = pascalDelay(30, 10)!;
  const days = 150;
  const ends = [60, 150];
  const tree = (over: Partial<ChainParams> = {}): ChainParams => ({
    model: 'tree',
    start: 2,
    periods: 1,
    offspring: { distribution: 'poisson', introductions: 1.4, conversion: 1, dispersion: 1 },
    churn: 0,
    market: null,
    ...over,
  });
  function means(p: ChainParams, trials: number, seed: number) {
    const sums = ends.map(() => 0);
    const squares = ends.map(() => 0);
    for (let block = 0, done = 0; done < trials; block++) {
      const count = Math.min(1024, trials - done);
      runBlock(p, { delay, days, ends }, seed, block, count, (period, totals) => {
        for (let i = 0; i < count; i++) {
          sums[period]! += totals[i]!;
          squares[period]! += totals[i]! ** 2;
        }
      });
      done += count;
    }
    return sums.map((s, i) => ({ mean: s / trials, se: Math.sqrt((squares[i]! / trials - (s / trials) ** 2) / trials) }));
  }
  /** The renewal equation's total by each end, for the tree with K. */
  const expected = (K: number) => {
    const fresh = renewalDays({ model: 'tree', start: 2, K, market: null, weights: pascalWeights(delay, days), days });
    let total = 0;
    const totals = Array.from(fresh, (n) => (total += n));
    return ends.map((day) => totals[day]!);
  };

  it('log K drawn from N(ln 1.4, 0.25²) (cut at 5 sd, as drawParameters does): the mean totals are the renewal totals averaged over that law, within 4 SE (8,000 runs, seed 17)', () => {
    const sd = 0.25;
    const p = tree({ draws: { model: 'poisson', theta: [Math.log(1.4)], cholesky: [[sd]] } });
    const got = means(p, 8000, 17);
    // The average over the truncated normal of log K, by the midpoint rule on 2,000 steps of z in [-5, 5].
    const steps = 2000;
    let weight = 0;
    const want = ends.map(() => 0);
    for (let j = 0; j < steps; j++) {
      const z = -5 + (10 * (j + 0.5)) / steps;
      const w = Math.exp(-z * z / 2);
      weight += w;
      expected(1.4 * Math.exp(sd * z)).forEach((v, i) => (want[i]! += w * v));
    }
    got.forEach(({ mean, se }, i) => expect(Math.abs(mean - want[i]! / weight)).toBeLessThan(4 * se));
    // The uncertainty widens the mean: more than the renewal at the estimate (Jensen: the totals are convex in K).
    expect(want[1]! / weight).toBeGreaterThan(expected(1.4)[1]! * 1.05);
  });
});
