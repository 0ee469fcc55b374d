// Issue 13, item 4: theory beside simulation, per period.
import { describe, expect, it } from 'vitest';
import { type ChainParams, type Distribution, simulateTrials, theoryByPeriod } from '../../src/index.js';

describe('theoryByPeriod against closed forms', () => {
  const poisson2: ChainParams = { model: 'tree', start: 1, periods: 10, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null };

  it('tree, Poisson 2: extinct by level n = G^n(0), mean 2^(n+1) - 1, variance by the double sum of covariances', () => {
    const rows = theoryByPeriod(poisson2);
    let s = 0;
    const varZ = (g: number) => (g === 0 ? 0 : 2 * 2 ** (g - 1) * (2 ** g - 1)); // v m^(g-1) (m^g - 1)/(m - 1), v = m = 2
    rows.forEach((row, n) => {
      expect(row.extinct!).toBeCloseTo(s, 12);
      s = Math.exp(2 * (s - 1));
      expect(row.mean).toBe(2 ** (n + 1) - 1);
      let variance = 0;
      for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) variance += 2 ** Math.abs(j - i) * varZ(Math.min(i, j));
      expect(row.sd! ** 2).toBeCloseTo(variance, 6);
    });
  });

  it('with a market there is no theory', () => {
    expect(theoryByPeriod({ ...poisson2, market: 100 })[3]).toEqual({ extinct: null, mean: null, sd: null });
  });

  it('compound without nonreferrers: (1 + K - churn)^t and a Galton-Watson variance; with nonreferrers the mean only', () => {
    const chain: ChainParams = { model: 'compound', start: 2, periods: 5, offspring: { distribution: 'poisson', introductions: 0.5, conversion: 1, dispersion: 1 }, churn: 0.2, market: null };
    const rows = theoryByPeriod(chain);
    rows.forEach((row, t) => expect(row.mean!).toBeCloseTo(2 * 1.3 ** t, 12));
    // a fan's next year: stays (Bernoulli 0.8) plus Poisson(0.5): mean 1.3, variance 0.16 + 0.5
    expect(rows[3]!.sd! ** 2).toBeCloseTo((2 * 0.66 * 1.3 ** 2 * (1.3 ** 3 - 1)) / 0.3, 9);
    expect(theoryByPeriod({ ...chain, nonreferrers: 0.5 })[3]!.sd).toBeNull();
  });
});

describe('sampled runs agree with theory at every period (4 standard errors, 20,000 runs)', () => {
  const offspring = (distribution: Distribution, introductions: number) => ({ distribution, introductions, conversion: 0.8, dispersion: 0.6 });
  const cases: [string, ChainParams][] = [
    ['tree, Poisson 2.5', { model: 'tree', start: 1, periods: 8, offspring: offspring('poisson', 2.5), churn: 0, market: null }],
    ['tree, negbin 2.5 with 20% nonreferrers', { model: 'tree', start: 2, periods: 8, offspring: offspring('negbin', 2.5), churn: 0, market: null, nonreferrers: 0.2 }],
    ['tree, fixed 2.5', { model: 'tree', start: 1, periods: 8, offspring: offspring('fixed', 2.5), churn: 0, market: null }],
    ['compound, geometric 0.6, churn 30%', { model: 'compound', start: 1, periods: 12, offspring: offspring('geometric', 0.6), churn: 0.3, market: null }],
  ];
  it.each(cases)('%s', (_, chain) => {
    const n = 20_000;
    const rows = simulateTrials(chain, n, 31, [0.5]);
    const theory = theoryByPeriod(chain);
    rows.forEach((row, t) => {
      const { mean, sd, extinct } = theory[t]!;
      expect(Math.abs(row.mean - mean!)).toBeLessThanOrEqual(4 * (sd! / Math.sqrt(n)) + 1e-9);
      expect(Math.abs(row.extinct - extinct!)).toBeLessThanOrEqual(4 * Math.sqrt((extinct! * (1 - extinct!)) / n) + 1e-9);
    });
  });
});

describe('degenerate chains', () => {
  it('fanout 0, fixed, full conversion: the tree is extinct from level 1; in the compound model without churn fans never leave', () => {
    const offspring = { distribution: 'fixed' as const, introductions: 0, conversion: 1, dispersion: 1 };
    const tree = theoryByPeriod({ model: 'tree', start: 1, periods: 3, offspring, churn: 0, market: null });
    expect(tree.map((r) => r.extinct)).toEqual([0, 1, 1, 1]);
    const compound = theoryByPeriod({ model: 'compound', start: 1, periods: 3, offspring, churn: 0, market: null });
    expect(compound.map((r) => r.extinct)).toEqual([0, 0, 0, 0]);
    expect(compound.map((r) => r.sd)).toEqual([0, 0, 0, 0]);
  });
});
