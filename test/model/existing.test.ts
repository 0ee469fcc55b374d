import { describe, expect, it } from 'vitest';
import { type ExistingCustomers, existingArrivals, existingExtinction, pendingShare, pendingStages, posteriorMean } from '../../src/model/calendar/existing.js';
import { pascalDelay, pascalWeights } from '../../src/model/calendar/delays.js';
import { renewalDays } from '../../src/model/calendar/renewal.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { theoreticalExtinction } from '../../src/model/chains/montecarlo.js';
import type { ChainParams } from '../../src/model/chains/params.js';
import { fitDated } from '../../src/model/fit/dated.js';
import { simulateProgramme } from './programme.js';

// A forecast from a dated export starts from its customers as they are: each has had a age
// days for its referrals, has made some, and brings the rest on the days its delay leaves.

/** log of the negative binomial's chance of m, mean μ, dispersion k. */
const logNB = (m: number, mu: number, k: number) => {
  let log = k * Math.log(k / (k + mu)) + m * Math.log(mu / (k + mu));
  for (let i = 1; i <= m; i++) log += Math.log((k + i - 1) / i);
  return log;
};

describe('customers part way through their referrals', () => {
  const delay = pascalDelay(40, 25)!;

  it('a referral not come by age a sits in stage j with the binomial chance; the chances sum to 1 − F(a), F the running sum of the delay law', () => {
    const weights = pascalWeights(delay, 400);
    let F = 0;
    for (let age = 0; age <= 300; age++) {
      F += weights[age]!;
      const pending = pendingStages(delay, age);
      expect(pending).toHaveLength(delay.stages);
      expect(pending.reduce((s, p) => s + p, 0)).toBeCloseTo(1 - F, 12);
      expect(pendingShare(delay, age)).toBeCloseTo(1 - F, 12);
    }
    // A fixed delay of 3 days (q = 1): on day 1, one stage done.
    expect([...pendingStages({ stages: 3, chance: 1 }, 1)]).toEqual([0, 1, 0]);
    expect([...pendingStages({ stages: 3, chance: 1 }, 3)]).toEqual([0, 0, 0]);
  });

  it('what a fan still brings, given what it made, averages K (1 − F(a)) over what fans of age a make (NB(K F(a), k)): the tower law, summed exactly', () => {
    for (const [K, k, F] of [[0.8, 0.5, 0.3], [2, 0.1, 0.9], [1.2, 4, 0.01]] as const) {
      let average = 0;
      for (let m = 0; m < 5000; m++) average += Math.exp(logNB(m, K * F, k)) * posteriorMean(K, k, { fans: 1, referred: m }, F) * (1 - F);
      expect(average).toBeCloseTo(K * (1 - F), 9);
    }
    // A fan who referred much brings more than one who referred nothing.
    expect(posteriorMean(0.8, 0.5, { fans: 1, referred: 5 }, 0.5)).toBeGreaterThan(posteriorMean(0.8, 0.5, { fans: 1, referred: 0 }, 0.5) * 5);
  });

  it('the expected arrivals day by day sum to what the customers still bring', () => {
    const existing: ExistingCustomers = { ages: [{ age: 0, fans: 10, referred: 0 }, { age: 30, fans: 20, referred: 7 }, { age: 200, fans: 5, referred: 4 }] };
    const arrivals = existingArrivals(existing, delay, 0.8, 0.5, 2000);
    const due = existing.ages.reduce((sum, g) => {
      const left = pendingStages(delay, g.age).reduce((s, p) => s + p, 0);
      return sum + posteriorMean(0.8, 0.5, g, 1 - left) * left;
    }, 0);
    expect(arrivals[0]).toBe(0);
    expect(arrivals.reduce((s, a) => s + a, 0)).toBeCloseTo(due, 9);
  });

  /** Mean and standard error of sampled totals on each day of `ends`, and the share of runs extinct by the last. */
  function sampled(p: ChainParams, existing: ExistingCustomers, days: number, ends: number[], trials: number, seed: number) {
    const sums = ends.map(() => 0);
    const squares = ends.map(() => 0);
    let extinct = 0;
    for (let block = 0, done = 0; done < trials; block++) {
      const count = Math.min(1024, trials - done);
      const out = runCalendarBlock(p, { delay, days, ends, existing }, seed, block, count, (period, totals) => {
        for (let i = 0; i < count; i++) {
          sums[period]! += totals[i]!;
          squares[period]! += totals[i]! ** 2;
        }
      });
      extinct += out.extinct[ends.length - 1]!;
      done += count;
    }
    return { extinct: extinct / trials, means: sums.map((s, i) => ({ mean: s / trials, se: Math.sqrt((squares[i]! / trials - (s / trials) ** 2) / trials) })) };
  }

  const existing: ExistingCustomers = { ages: [{ age: 0, fans: 3, referred: 0 }, { age: 20, fans: 4, referred: 1 }, { age: 60, fans: 2, referred: 3 }, { age: 150, fans: 1, referred: 0 }] };
  const customers = 10;
  const chain = (distribution: 'poisson' | 'negbin', K: number): ChainParams => ({
    model: 'tree',
    start: customers,
    periods: 3,
    offspring: { distribution, introductions: K, conversion: 1, dispersion: 0.5 },
    churn: 0,
    market: null,
  });

  it.each([
    ['negbin', 0.8],
    ['poisson', 0.8],
    ['negbin', 1.3],
  ] as const)('sampled runs from the customers (%s, K = %s) have the renewal equation with their arrivals as mean totals, within 4 standard errors (seed 5, 20,000 runs)', (distribution, K) => {
    const days = 240;
    const ends = [30, 90, 160, 240];
    const k = distribution === 'poisson' ? Infinity : 0.5;
    const fresh = renewalDays({ model: 'tree', start: customers, K, market: null, weights: pascalWeights(delay, days), days, arrivals: existingArrivals(existing, delay, K, k, days) });
    const runs = sampled(chain(distribution, K), existing, days, ends, 20_000, 5);
    ends.forEach((end, i) => {
      const expected = fresh.slice(0, end + 1).reduce((s, n) => s + n, 0);
      expect(Math.abs(runs.means[i]!.mean - expected)).toBeLessThan(4 * runs.means[i]!.se);
    });
    // Day 0 holds the customers, and they bring something: no first-cycle lull.
    expect(fresh[0]).toBe(customers);
    expect(fresh.slice(1, 31).reduce((s, n) => s + n, 0)).toBeGreaterThan(1);
  });

  it('the share of runs in which every line dies out is the theory\'s, within 4 standard errors (K = 1.6, k = 0.5: q = G(q) for each line the customers still start; 10,000 runs of 600 days, seed 9)', () => {
    const p = chain('negbin', 1.6);
    const q = theoreticalExtinction({ ...p, start: 1 })!;
    const theory = existingExtinction(existing, delay, 1.6, 0.5, q);
    expect(theoreticalExtinction({ ...p, calendar: { delay, days: 1, ends: [1], existing } })).toBeCloseTo(theory, 14);
    expect(theory).toBeGreaterThan(0.05);
    expect(theory).toBeLessThan(0.95);
    const runs = sampled(p, existing, 600, [600], 10_000, 9);
    const se = Math.sqrt((theory * (1 - theory)) / 10_000);
    expect(Math.abs(runs.extinct - theory)).toBeLessThan(4 * se);
  });
});

describe('a forecast from a dated export', () => {
  it('no lull: the new fans of the month after the export are what the programme brought, within 4 standard errors over 40 simulated exports; starting everyone afresh on the export\'s day is far off', () => {
    const truth = { K: 0.8, k: 0.5, delayMean: 40, delayShape: 2, days: 365, seedsPerDay: 1, after: 30 };
    const forecast: number[] = [];
    const afresh: number[] = [];
    const seen: number[] = [];
    for (let seed = 500; seed < 540; seed++) {
      const data = simulateProgramme(seed, truth);
      const fit = fitDated(data, ['gamma']).preferred;
      const delay = pascalDelay(fit.delayMean.value, Math.min(fit.delaySd.value, Math.sqrt(fit.delayMean.value ** 2 - fit.delayMean.value)))!;
      const ages = new Map<number, { age: number; fans: number; referred: number }>();
      for (const g of data.fans) {
        const a = ages.get(g.exposure) ?? { age: g.exposure, fans: 0, referred: 0 };
        a.fans += g.fans;
        a.referred += g.fans * g.count;
        ages.set(g.exposure, a);
      }
      const existing = { ages: [...ages.values()] };
      const customers = data.fans.reduce((s, g) => s + g.fans, 0);
      const weights = pascalWeights(delay, 30);
      const run = renewalDays({ model: 'tree', start: customers, K: fit.K.value, market: null, weights, days: 30, arrivals: existingArrivals(existing, delay, fit.K.value, fit.k.value, 30) });
      forecast.push(run.slice(1).reduce((s, n) => s + n, 0));
      afresh.push(renewalDays({ model: 'tree', start: customers, K: fit.K.value, market: null, weights, days: 30 }).slice(1).reduce((s, n) => s + n, 0));
      seen.push(data.later.reduce((s, n) => s + n, 0));
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const differences = seen.map((s, i) => s - forecast[i]!);
    const d = mean(differences);
    const se = Math.sqrt(differences.reduce((s, x) => s + (x - d) ** 2, 0) / (differences.length - 1) / differences.length);
    expect(Math.abs(d)).toBeLessThan(4 * se);
    expect(mean(seen)).toBeGreaterThan(50);
    // Everyone afresh on the export's day (each customer's K referrals all still to come, after a whole delay) is far off.
    expect(Math.abs(mean(seen) - mean(afresh))).toBeGreaterThan(10 * se);
  });
});
