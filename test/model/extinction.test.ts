import { describe, expect, it } from 'vitest';
import { type Offspring, extinctionProbability, offspringMean, offspringPgf, theoreticalExtinction, yearlyPgf } from '../../src/index.js';

const offspring = (distribution: Offspring['distribution'], introductions: number, dispersion = 1, conversion = 1): Offspring => ({
  distribution,
  introductions,
  conversion,
  dispersion,
});
const q = (o: Offspring) => extinctionProbability(offspringPgf(o), offspringMean(o));

/** An independent method: bisection on G(s) - s, which is > 0 below the root and < 0 above it in (q, 1). */
function bisectRoot(pgf: (s: number) => number): number {
  let lo = 0;
  let hi = 1 - 1e-9;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (pgf(mid) - mid > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('extinctionProbability: q = G(q)', () => {
  it.each([
    // Poisson: q = exp(R (q - 1)); R = 2 from the issue, the others by bisection in Python's math module
    ['Poisson R = 2', offspring('poisson', 2), 0.2031878699],
    ['Poisson R = 3', offspring('poisson', 3), 0.0595202],
    ['Poisson R = 1.5', offspring('poisson', 1.5), 0.4171884],
  ])('%s', (_, o, expected) => {
    expect(q(o)).toBeCloseTo(expected, 6);
  });

  it.each([1.2, 2, 5, 10])('geometric with mean R = %s gives q = 1/R', (r) => {
    expect(q(offspring('geometric', r))).toBeCloseTo(1 / r, 10);
    expect(q(offspring('negbin', r, 1))).toBeCloseTo(1 / r, 10);
  });

  it.each([
    [2, 0.1],
    [2, 0.5],
    [3, 0.16],
    [1.5, 10],
  ])('negative binomial R = %s, k = %s agrees with bisection on G(s) - s', (r, k) => {
    const o = offspring('negbin', r, k);
    const expected = bisectRoot(offspringPgf(o));
    expect(q(o)).toBeCloseTo(expected, 7);
    expect(offspringPgf(o)(q(o))).toBeCloseTo(q(o), 12);
  });

  it.each([
    ['Poisson', offspring('poisson', 1)],
    ['Poisson', offspring('poisson', 0.5)],
    ['negbin', offspring('negbin', 0.9, 0.2)],
    ['fixed with conversion', offspring('fixed', 2, 1, 0.5)],
  ])('%s with R <= 1 dies out for sure', (_, o) => {
    expect(q(o)).toBe(1);
  });

  it('fixed fanout with full conversion never dies out, even at fanout 1', () => {
    expect(q(offspring('fixed', 1))).toBe(0);
    expect(q(offspring('fixed', 3))).toBe(0);
  });

  it('fixed fanout 2 at 50% conversion: G(s) = (0.5 + 0.5 s)^2 has q = 1 (mean 1)', () => {
    // fanout 3 at 50%: (0.5 + 0.5 s)^3 = s has root sqrt(5) - 2 in [0, 1)
    expect(q(offspring('fixed', 3, 1, 0.5))).toBeCloseTo(Math.sqrt(5) - 2, 10);
  });

  it('compound model: the yearly G(s) = (churn + (1 - churn) s) exp(K (s - 1))', () => {
    const pgf = yearlyPgf(offspringPgf(offspring('poisson', 0.5)), 0.2);
    expect(extinctionProbability(pgf, 1.3)).toBeCloseTo(bisectRoot(pgf), 8);
    // Without churn every fan stays: q = 0.
    expect(extinctionProbability(yearlyPgf(offspringPgf(offspring('poisson', 0.5)), 0), 1.5)).toBe(0);
  });

  it('raises q to the power of the starting fans, and has none with a market', () => {
    const chain = { model: 'tree' as const, start: 3, periods: 5, offspring: offspring('poisson', 2), churn: 0, market: null };
    expect(theoreticalExtinction(chain)).toBeCloseTo(0.2031878699 ** 3, 9);
    expect(theoreticalExtinction({ ...chain, market: 1000 })).toBeNull();
  });
});
