import type { Source } from './random.js';

const logFactorials = (() => {
  const table = [0];
  for (let k = 1; k < 16; k++) table.push(table[k - 1]! + Math.log(k));
  return table;
})();

/** Stirling's series past its leading terms: 1/(12k) - 1/(360k^3) + 1/(1260k^5) (error below 1e-12 from 16 on). */
function stirlingSeries(k: number): number {
  const inv = 1 / k;
  const inv2 = inv * inv;
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/**
 * log(k!) - (k log k - k): Stirling's remainder, 0.5 log(2 pi k) + 1/(12k) - 1/(360k^3) +
 * 1/(1260k^5) from 16 on (error below 1e-12), the table below. Kept apart from k log k so
 * that nothing cancels for large k.
 */
function stirlingRest(k: number): number {
  if (k < 16) return logFactorials[k]! - (k > 0 ? k * Math.log(k) : 0) + k;
  return 0.5 * Math.log(2 * Math.PI * k) + stirlingSeries(k);
}

/**
 * log(k!) for a whole number k: a table below 16, Stirling's series above (error below 1e-12).
 *
 * @example logFactorial(5) // => Math.log(120)
 */
export function logFactorial(k: number): number {
  return k < 16 ? logFactorials[k]! : k * Math.log(k) - k + stirlingRest(k);
}

/**
 * log P(X = k) for X ~ Poisson(lambda), written around k - lambda so it stays accurate for
 * large lambda: (k - lambda) - k log(1 + (k - lambda)/lambda) - (log k! - k log k + k).
 */
export function poissonLogPmf(k: number, lambda: number): number {
  if (k < 16) return -lambda + k * Math.log(lambda) - logFactorials[k]!;
  return k - lambda - k * Math.log1p((k - lambda) / lambda) - stirlingRest(k);
}

/** Anything that draws uniforms in [0, 1): a block's generator, or a source wrapped as one. */
export interface Uniforms {
  /** A uniform with 53 random bits. */
  uniform(): number;
  /** A uniform in (0, 1) with 32 random bits, where that is precision enough (see {@link poissonDraw}). */
  uniform32(): number;
}

/** Below this mean {@link poissonDraw} multiplies uniforms (Knuth); from it on, PTRS. */
export const knuthBelow = 10;

/** Past this mean PTRS draws its two uniforms with 53 bits, below it with 32 (see {@link poissonDraw}). */
export const ptrsWideFrom = 2 ** 40;

/**
 * One Poisson(lambda) draw whose cost does not grow with the mean: multiplication of uniforms
 * (Knuth) below 10, above it the transformed rejection method PTRS of W.
 * Hörmann, "The transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12 (1993), as numpy implements it. The acceptance test
 * log(v) + log(1/alpha) - log(a/us^2 + b) <= log P(k) is rewritten with one logarithm on each
 * side (with Stirling's series for log k!, as {@link poissonLogPmf}), the same test in fewer
 * logarithms (each costs about as much as the rest of a draw).
 *
 * The uniforms u and v have 32 bits below a mean of 2^40 (one generator output each instead
 * of two). k grows with u, so P(draw <= k) is a share of u's grid of 2^-32 (and v's, for
 * the acceptance): it is off from the law's by at most a few times 2^-32, far below what any
 * number of runs can see. From 2^40 on, where the far tails' steps in k would pass 1, u and
 * v have 53 bits each, as numpy's. Means past 2^53 give (finite) doubles.
 *
 * @example poissonDraw({ uniform: seededSource(1), uniform32: seededSource(2) }, 4) // => a whole number, 4 on average
 */
export function poissonDraw(rng: Uniforms, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < knuthBelow) {
    // Knuth: the number of uniforms whose running product stays above e^-lambda. 32 bits a
    // factor are plenty: the product is compared with e^-10 = 4.5e-5 or more, far above 2^-32.
    let product = rng.uniform32();
    // The first comparison, u <= e^-lambda, is settled without the exponential when u <=
    // 1 - lambda (below e^-lambda by lambda^2/2 and more; 2^-52 kept for rounding): most
    // draws of a small mean (the calendar's daily ones) are a uniform and a comparison.
    if (product <= 1 - lambda - 2 ** -52) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    for (; product > limit; product *= rng.uniform32()) k++;
    return k;
  }
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  const a = -0.059 + 0.02483 * b;
  const twoA = 2 * a;
  const vr = 0.9277 - 3.6224 / (b - 2);
  const shift = lambda + 0.43;
  const wide = lambda >= ptrsWideFrom;
  for (;;) {
    const u = (wide ? rng.uniform() : rng.uniform32()) - 0.5;
    const v = wide ? rng.uniform() : rng.uniform32();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((twoA / us + b) * u + shift);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    // v / alpha / (a/us^2 + b), 1/alpha = 1.1239 + 1.1328/(b - 3.4), against P(k):
    const ratio = (v * (1.1239 + 1.1328 / (b - 3.4))) / (a / (us * us) + b);
    if (k < 16) {
      if (Math.log(ratio) <= poissonLogPmf(k, lambda)) return k;
    } else if (Math.log(ratio * Math.sqrt(2 * Math.PI * k)) <= k - lambda - k * Math.log1p((k - lambda) / lambda) - stirlingSeries(k)) return k;
  }
}

/**
 * P(X = 1 | X > 0) for X ~ Poisson(lambda): lambda e^-lambda / (1 - e^-lambda), with the
 * denominator as -expm1(-lambda), which keeps its digits for a small mean (1 - e^-lambda
 * loses them all near 0). 1 for a mean of 0, its limit.
 *
 * @example zeroTruncatedFirst(0.59) // => 0.7365...: the share of a zero-truncated Poisson(0.59) that is 1
 */
export function zeroTruncatedFirst(lambda: number): number {
  return lambda > 0 ? (lambda * Math.exp(-lambda)) / -Math.expm1(-lambda) : 1;
}

/**
 * One draw of a Poisson(lambda) count given that it is not 0 (the zero-truncated law,
 * P(k) = e^-lambda lambda^k / (k! (1 - e^-lambda)) for k >= 1), with `first` = P(1), from
 * {@link zeroTruncatedFirst}, passed in (a run draws many with one mean). Below a mean of 10,
 * by inversion: one 32-bit uniform u, and k the first count whose running sum of the
 * truncated law's P passes it (about 1 + lambda/2 steps); the sum is of the truncated law
 * itself, so no step subtracts nearly equal numbers (summing the untruncated law from e^-lambda
 * did, and for means below 0.01 a u near 1 then ran k up to 43). From 10 on,
 * {@link poissonDraw} until it is not 0 (e^-10 = 4.5e-5 of the time a second draw).
 *
 * @example zeroTruncatedPoissonDraw(rng, 0.5, zeroTruncatedFirst(0.5)) // => 1, 2, 3, ...: 1.27 on average, lambda / (1 - e^-lambda)
 */
export function zeroTruncatedPoissonDraw(rng: Uniforms, lambda: number, first: number): number {
  if (lambda >= knuthBelow) {
    for (;;) {
      const k = poissonDraw(rng, lambda);
      if (k > 0) return k;
    }
  }
  const u = rng.uniform32();
  let k = 1;
  let pk = first;
  let below = first;
  // The sum reaches 1 within a few ulps, far below u's top (1 - 2^-33); a P that underflows ends it all the same.
  while (u > below && pk > 0) {
    k++;
    pk *= lambda / k;
    below += pk;
  }
  return k;
}

/**
 * A Poisson sampler from a source: {@link poissonDraw} with `source` for its uniforms.
 *
 * Hand-written because d3-random's sampler costs grow with log(mean): 2.5 µs a draw at 1e9,
 * 3.3 µs at 1e12, against about 0.1 µs here (see `npm run bench`).
 *
 * @example poissonSampler(seededSource(1))(4) // => a whole number, 4 on average
 */
export function poissonSampler(source: Source): (lambda: number) => number {
  const rng: Uniforms = { uniform: source, uniform32: source };
  return (lambda) => poissonDraw(rng, lambda);
}
