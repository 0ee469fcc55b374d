import { describe, expect, it } from 'vitest';
import { logFactorial, poissonSampler, seededSource } from '../../src/index.js';

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

describe('poissonSampler against exact Poisson probabilities', () => {
  it.each([0.3, 2, 9.99, 10, 17.5, 100, 1000])('lambda %s: chi-square goodness of fit at the 0.1% level (200,000 draws, seed 11)', (lambda) => {
    const draw = poissonSampler(seededSource(11, Math.round(lambda * 100)));
    const n = 200_000;
    const counts = new Map<number, number>();
    let malformed = 0;
    for (let i = 0; i < n; i++) {
      const k = draw(lambda);
      if (!Number.isInteger(k) || k < 0) malformed++;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(malformed).toBe(0);
    // Exact probabilities, pooled into bins with expected count >= 20 (tails pooled).
    const pmf = (k: number) => Math.exp(-lambda + k * Math.log(lambda) - logFactorialBySum(k));
    const bins: { expected: number; observed: number }[] = [];
    let pending = { expected: 0, observed: 0 };
    let cumulative = 0;
    for (let k = 0; cumulative < 1 - 1e-12 && k < lambda * 3 + 50; k++) {
      const p = pmf(k);
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
