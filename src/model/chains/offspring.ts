import { randomBinomial, randomGamma } from 'd3-random';
import { poissonSampler } from './poisson.js';
import type { Source } from './random.js';

/** How many fans one fan brings. */
export const distributions = ['fixed', 'poisson', 'negbin', 'geometric'] as const;
export type Distribution = (typeof distributions)[number];

/**
 * The referrals of one fan: `introductions` on average (the fanout, or the yearly rate),
 * each becoming a fan with probability `conversion`.
 * - fixed: exactly `introductions` introductions, so Binomial(introductions, conversion) fans;
 *   a fractional f makes ⌊f⌋ + 1 introductions with probability f - ⌊f⌋ and ⌊f⌋ otherwise,
 *   which keeps the mean f with the least spread;
 * - poisson: Poisson(introductions) introductions, so Poisson(K) fans, K = introductions x conversion;
 * - negbin: negative binomial with mean `introductions` and `dispersion` k (small k: a few fans
 *   do most of the referring); thinned by conversion it stays negative binomial, mean K, same k;
 * - geometric: negbin with k = 1.
 */
export interface Offspring {
  distribution: Distribution;
  introductions: number;
  conversion: number;
  /** k of the negative binomial; ignored by the others. */
  dispersion: number;
}

const shape = (o: Offspring) => (o.distribution === 'geometric' ? 1 : o.dispersion);

/** A fixed fanout f as its whole part and the chance φ = f - ⌊f⌋ of one introduction more. */
const split = (f: number) => ({ whole: Math.floor(f), extra: f - Math.floor(f) });

/** Mean fans one fan brings: K = introductions x conversion. */
export function offspringMean(o: Offspring): number {
  return o.introductions * o.conversion;
}

/**
 * A chain's referral factor K: the mean new fans a fan brings, a nonreferrer bringing none,
 * E[X] (1 - nonreferrers).
 *
 * @example chainFactor({ offspring: { distribution: 'poisson', introductions: 2, conversion: 0.5, dispersion: 1 }, nonreferrers: 0.2 }) // => 0.8
 */
export const chainFactor = (p: { offspring: Offspring; nonreferrers?: number }): number => offspringMean(p.offspring) * (1 - (p.nonreferrers ?? 0));

/**
 * Variance of the fans one fan brings: fixed f c (1 - c) + c^2 φ (1 - φ) (φ = f - ⌊f⌋: the
 * introductions vary by φ (1 - φ), each converting with c); Poisson K; negative binomial
 * K + K^2 / k (geometric: K + K^2).
 *
 * @example offspringVariance({ distribution: 'negbin', introductions: 2, conversion: 1, dispersion: 0.5 }) // => 10
 */
export function offspringVariance(o: Offspring): number {
  const k = offspringMean(o);
  switch (o.distribution) {
    case 'fixed': {
      const { extra } = split(o.introductions);
      return o.introductions * o.conversion * (1 - o.conversion) + o.conversion * o.conversion * extra * (1 - extra);
    }
    case 'poisson':
      return k;
    case 'negbin':
    case 'geometric':
      return k + (k * k) / shape(o);
  }
}

/**
 * The probability generating function G(s) = E[s^X] of the fans one fan brings:
 * fixed (1 - c + c s)^⌊f⌋ (1 - φ c + φ c s); Poisson exp(K (s - 1)); negative binomial
 * (1 + (K/k)(1 - s))^(-k).
 *
 * @example offspringPgf({ distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 })(1) // => 1
 */
export function offspringPgf(o: Offspring): (s: number) => number {
  const k = offspringMean(o);
  switch (o.distribution) {
    case 'fixed': {
      const { whole, extra } = split(o.introductions);
      return (s) => (1 - o.conversion + o.conversion * s) ** whole * (1 - extra * o.conversion + extra * o.conversion * s);
    }
    case 'poisson':
      return (s) => Math.exp(k * (s - 1));
    case 'negbin':
    case 'geometric': {
      const r = shape(o);
      return (s) => (1 + (k / r) * (1 - s)) ** -r;
    }
  }
}

/**
 * The complement H(u) = 1 - G(1 - u) of the generating function, written with expm1 and log1p
 * so that it keeps full relative precision for small u (near-critical extinction, large k,
 * large fanouts): fixed -expm1(⌊f⌋ log1p(-c u) + log1p(-φ c u)); Poisson -expm1(-K u); negative binomial
 * -expm1(-k log1p(K u / k)).
 *
 * @example offspringComplement({ distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 })(1e-20) // => 2e-20
 */
export function offspringComplement(o: Offspring): (u: number) => number {
  const k = offspringMean(o);
  switch (o.distribution) {
    case 'fixed': {
      const { whole, extra } = split(o.introductions);
      // Terms with no introductions are left out: 0 x log(0) would be NaN at u = c = 1.
      return (u) => -Math.expm1((whole > 0 ? whole * Math.log1p(-o.conversion * u) : 0) + (extra > 0 ? Math.log1p(-extra * o.conversion * u) : 0));
    }
    case 'poisson':
      return (u) => -Math.expm1(-k * u);
    case 'negbin':
    case 'geometric': {
      const r = shape(o);
      return (u) => -Math.expm1(-r * Math.log1p((k / r) * u));
    }
  }
}

/**
 * A sampler of the total fans that `fans` independent fans bring, in one draw whatever
 * their number: n Poisson(K) sum to Poisson(n K); n negative binomials (k, K) to a negative
 * binomial (n k, n K), drawn as Poisson(Gamma(n k, K / k)); n fixed fans make n ⌊f⌋ +
 * Binomial(n, φ) introductions, thinned to one Binomial(introductions, c). Counts past 2^53 come back
 * as (finite) doubles. Gamma and binomial from d3-random, Poisson from ./poisson.ts, all
 * driven by `source`.
 */
export function offspringSum(o: Offspring, source: Source): (fans: number) => number {
  const poisson = poissonSampler(source);
  const k = offspringMean(o);
  switch (o.distribution) {
    case 'fixed': {
      const binomial = binomialDraw(source);
      const { whole, extra } = split(o.introductions);
      return (fans) => {
        const introductions = fans * whole + binomial(fans, extra);
        return binomial(introductions, o.conversion);
      };
    }
    case 'poisson':
      return (fans) => (fans === 0 || k === 0 ? 0 : poisson(fans * k));
    case 'negbin':
    case 'geometric': {
      const gamma = randomGamma.source(source);
      const r = shape(o);
      return (fans) => (fans === 0 || k === 0 ? 0 : poisson(gamma(fans * r, k / r)()));
    }
  }
}

/** One Binomial(n, p) draw from `source`; 0 when n is 0. */
export function binomialDraw(source: Source): (n: number, p: number) => number {
  let binomial: typeof randomBinomial | undefined; // built on first use: most runs never need it
  return (n, p) => (n === 0 || p <= 0 ? 0 : p >= 1 ? n : (binomial ??= randomBinomial.source(source))(n, p)());
}
