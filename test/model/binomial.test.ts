import { describe, expect, it } from 'vitest';
import { binomialDraw } from '../../src/model/chains/binomial.js';
import { BlockRandom } from '../../src/model/chains/engine.js';
import { logFactorial } from '../../src/model/chains/poisson.js';

const logPmf = (n: number, p: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);

describe('binomialDraw: inversion below n·p = 30, BTPE above (Kachitvichyanukul and Schmeiser 1988)', () => {
  // Each case covers a branch: inversion, BTPE's triangle, parallelograms and both tails, p above 1/2 (n minus a draw).
  it.each([
    [10, 0.3],
    [100, 0.2],
    [200, 0.4],
    [1000, 0.23],
    [100_000, 0.23],
    [50, 0.9],
    [1_000_000, 0.5],
    [31, 0.99],
  ])('Binomial(%i, %f): 200,000 draws (seed 3) against the exact probabilities, a chi-square within 4 standard deviations of its degrees of freedom', (n, p) => {
    const rng = new BlockRandom(3, 0);
    const draws = 200_000;
    const counts = new Map<number, number>();
    let sum = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomialDraw(rng, n, p);
      expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
      counts.set(x, (counts.get(x) ?? 0) + 1);
      sum += x;
    }
    // Cells expected to hold 20 or more stand alone; the rest are pooled into one.
    let chi = 0;
    let cells = 0;
    let pooledObserved = 0;
    let pooledExpected = 0;
    for (let k = 0; k <= n; k++) {
      const expected = draws * Math.exp(logPmf(n, p, k));
      const observed = counts.get(k) ?? 0;
      if (expected >= 20) {
        chi += (observed - expected) ** 2 / expected;
        cells++;
      } else {
        pooledObserved += observed;
        pooledExpected += expected;
      }
    }
    if (pooledExpected > 0) {
      chi += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      cells++;
    }
    const df = cells - 1;
    expect(Math.abs(chi - df)).toBeLessThan(4 * Math.sqrt(2 * df));
    // The mean within 4 standard errors of n p.
    expect(Math.abs(sum / draws - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / draws));
  });

  it('gives 0 and n at the ends', () => {
    const rng = new BlockRandom(1, 0);
    expect(binomialDraw(rng, 0, 0.5)).toBe(0);
    expect(binomialDraw(rng, 7, 0)).toBe(0);
    expect(binomialDraw(rng, 7, 1)).toBe(7);
  });
});

describe('binomialDraw past n = 2^53: the normal and Poisson limits, and every draw ends', () => {
  // Standardised draws of the limit laws: their mean within 4 standard errors of 0 and their
  // variance within 4 standard errors of 1 (the variance of a sample variance is 2/N for a
  // normal; the Poisson's excess kurtosis 1/λ is negligible at λ = 1e5).
  it.each([
    [1e20, 0.3, 'normal'],
    [1e28, 0.5, 'normal'],
    [2 ** 53 + 2, 0.9, 'normal, p above 1/2'],
    [1e20, 1e-15, 'Poisson (variance 1e5 < 2^30)'],
  ])('Binomial(%d, %f), the %s limit: 100,000 draws (seed 5) with mean n·p and variance n·p·q', (n, p) => {
    const rng = new BlockRandom(5, 0);
    const draws = 100_000;
    const sd = Math.sqrt(n * p * (1 - p));
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomialDraw(rng, n, p);
      expect(x >= 0 && x <= n && Number.isFinite(x)).toBe(true);
      const z = (x - n * p) / sd;
      sum += z;
      squares += z * z;
    }
    const mean = sum / draws;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(draws));
    expect(Math.abs(squares / draws - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / draws));
  });

  it('returns for every n a double holds, at every p (BTPE rejected every proposal at n = 1e34)', () => {
    const rng = new BlockRandom(1, 0);
    for (const n of [2 ** 53, 2 ** 53 + 2, 1e17, 1e20, 1e30, 1e33, 1e34, 1e100, Number.MAX_VALUE]) {
      for (const p of [1e-300, 1e-30, 1e-10, 0.1, 0.5, 0.9, 1 - 1e-16]) {
        for (let i = 0; i < 200; i++) {
          const x = binomialDraw(rng, n, p);
          expect(x >= 0 && x <= n).toBe(true);
        }
      }
    }
  });
});
