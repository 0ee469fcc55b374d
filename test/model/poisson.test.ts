import { describe, expect, it } from 'vitest';
import { poissonSampler, seededSource } from '../../src/index.js';
import { logFactorial, poissonDraw, ptrsWideFrom } from '../../src/model/chains/poisson.js';
import { BlockRandom } from '../../src/model/chains/block-random.js';

/** log k! by summing logs: slow, exact to rounding, and independent of the Stirling series. */
const logFactorialBySum = (k: number) => {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
};

/**
 * The 99.9% point of the chi-square distribution with df degrees of freedom, by the
 * Wilson-Hilferty approximation (z = 3.0902 for 0.999); accurate to a few percent for df >= 3.
 */
const chiSquare999 = (df: number) => df * (1 - 2 / (9 * df) + 3.0902 * Math.sqrt(2 / (9 * df))) ** 3;

describe('logFactorial', () => {
  it.each([0, 1, 5, 15, 16, 17, 50, 170, 1000, 12345])('log(%i!) matches the sum of logs to 1e-12 relative', (k) => {
    expect(Math.abs(logFactorial(k) - logFactorialBySum(k))).toBeLessThanOrEqual(1e-12 * Math.max(1, logFactorialBySum(k)));
  });
});

/** Chi-square goodness of fit of n draws against the exact Poisson(lambda) probabilities, bins of expected count >= 20. */
function expectPoissonFit(draw: (lambda: number) => number, lambda: number, n = 200_000): void {
  const counts = new Map<number, number>();
  let malformed = 0;
  for (let i = 0; i < n; i++) {
    const k = draw(lambda);
    if (!Number.isInteger(k) || k < 0) malformed++;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  expect(malformed).toBe(0);
  // Exact probabilities, pooled into bins with expected count >= 20 (tails pooled).
  const bins: { expected: number; observed: number }[] = [];
  let pending = { expected: 0, observed: 0 };
  let cumulative = 0;
  let logFactorialK = 0; // log k!, summed as k grows
  for (let k = 0; cumulative < 1 - 1e-12 && k < lambda * 3 + 50; k++) {
    if (k > 1) logFactorialK += Math.log(k);
    const p = Math.exp(-lambda + k * Math.log(lambda) - logFactorialK);
    cumulative += p;
    pending.expected += n * p;
    pending.observed += counts.get(k) ?? 0;
    if (pending.expected >= 20) {
      bins.push(pending);
      pending = { expected: 0, observed: 0 };
    }
  }
  // The last bin takes the rest of the tail: every draw beyond it, and its probability.
  const last = bins.at(-1)!;
  last.expected += pending.expected + n * Math.max(0, 1 - cumulative);
  last.observed = n - bins.slice(0, -1).reduce((sum, b) => sum + b.observed, 0);
  const chi = bins.reduce((sum, b) => sum + (b.observed - b.expected) ** 2 / b.expected, 0);
  expect(bins.length).toBeGreaterThan(1);
  expect(chi).toBeLessThan(chiSquare999(bins.length - 1));
}

describe('poissonSampler against exact Poisson probabilities', () => {
  it.each([0.3, 2, 9.99, 10, 17.5, 100, 1000])('lambda %s: chi-square goodness of fit at the 0.1% level (200,000 draws, seed 11)', (lambda) => {
    expectPoissonFit(poissonSampler(seededSource(11, Math.round(lambda * 100))), lambda);
  });

  it.each([1e6, 1e9, 1e12, 1e15])('lambda %s: mean and variance within 4 standard errors (20,000 draws)', (lambda) => {
    const draw = poissonSampler(seededSource(5));
    const n = 20_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const k = draw(lambda) - lambda; // centred, to keep precision
      sum += k;
      squares += k * k;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(lambda / n));
    // Var of the sample variance of a Poisson is about (mu4 - sigma^4)/n = (2 lambda^2 + lambda)/n.
    expect(Math.abs(variance - lambda)).toBeLessThan(4 * Math.sqrt((2 * lambda * lambda + lambda) / n));
  });

  it('stays finite and non-negative far past 2^53', () => {
    const draw = poissonSampler(seededSource(3));
    for (const lambda of [1e20, 1e100, 1e300]) {
      const k = draw(lambda);
      expect(Number.isFinite(k)).toBe(true);
      expect(Math.abs(k - lambda) / lambda).toBeLessThan(1e-6);
    }
    expect(draw(0)).toBe(0);
  });
});

/** The standard normal distribution function, by erfc's Chebyshev fit (Numerical Recipes, 6.2; relative error below 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

describe("poissonDraw with the engine's generator: 32-bit uniforms below a mean of 2^40, 53-bit from it", () => {
  it.each([0.3, 2, 9.99, 10, 12.5, 17.5, 100, 1000, 1e5])('lambda %s: chi-square goodness of fit at the 0.1% level (200,000 draws)', (lambda) => {
    const rng = new BlockRandom(11, Math.round(lambda * 100));
    expectPoissonFit((l) => poissonDraw(rng, l), lambda);
  });

  // P(X <= k) for these means by Edgeworth's expansion, Phi(x) - phi(x)(x^2 - 1)/(6 sqrt(lambda))
  // with x = (k + 1/2 - lambda)/sqrt(lambda): the next terms are O(1/lambda), below 1e-9 here.
  // (The regularised incomplete gamma of @stdlib is off by tenths past 1e11, so not that.)
  it.each([1e9, 1e12, 2 ** 40 - 1, 3 * 2 ** 40])('lambda %s: the distribution function at nine points within 4 standard errors (100,000 draws)', (lambda) => {
    const rng = new BlockRandom(23, 1);
    const n = 100_000;
    const draws = Array.from({ length: n }, () => poissonDraw(rng, lambda));
    expect(draws.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    const sd = Math.sqrt(lambda);
    for (const z of [-2.5, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2.5]) {
      const k = Math.floor(lambda + z * sd);
      const x = (k + 0.5 - lambda) / sd;
      const exact = normalCdf(x) - (Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)) * ((x * x - 1) / (6 * sd));
      const seen = draws.filter((d) => d <= k).length / n;
      expect(Math.abs(seen - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / n));
    }
  });

  it('draws 53-bit uniforms from 2^40 on, 32-bit ones below (two generator outputs a uniform against one)', () => {
    const counting = (bits: { wide: number; narrow: number }) => ({
      uniform: () => (bits.wide++, 0.5),
      uniform32: () => (bits.narrow++, 0.5),
    });
    const below = { wide: 0, narrow: 0 };
    poissonDraw(counting(below), ptrsWideFrom / 2);
    expect(below).toEqual({ wide: 0, narrow: 2 });
    const from = { wide: 0, narrow: 0 };
    poissonDraw(counting(from), ptrsWideFrom);
    expect(from).toEqual({ wide: 2, narrow: 0 });
  });
});

describe('poissonDraw below a mean of 10: Knuth, the first comparison settled without e^-lambda when it can be', () => {
  /** Knuth's method as written in the books: the exponential every time. */
  const knuth = (rng: BlockRandom, lambda: number) => {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let product = rng.uniform32(); product > limit; product *= rng.uniform32()) k++;
    return k;
  };

  it.each([1e-12, 1e-6, 0.01, 0.3, 0.999, 1, 3, 9.99])('lambda %s: the same draws as Knuth from the same uniforms (100,000 draws)', (lambda) => {
    const ours = new BlockRandom(41, 2);
    const books = new BlockRandom(41, 2);
    for (let i = 0; i < 100_000; i++) expect(poissonDraw(ours, lambda)).toBe(knuth(books, lambda));
  });
});
