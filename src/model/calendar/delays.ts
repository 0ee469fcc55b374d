import * as check from '../check.js';
import { bounds } from '../limits.js';

/**
 * Referral delays: how long after joining a fan's referrals come, and how fast a process
 * with such delays grows (or shrinks).
 */

/** Tail mass left off the end of a delay's chances: below anything a count can show. */
const tailMass = 1e-12;

/**
 * A spread-out referral delay in whole days: the days until the k-th success of a daily
 * chance q, a Pascal (negative binomial) law, the discrete form of a gamma of shape k. A
 * fan's referrals pass k stages, leaving each on any day with chance q: mean k/q, variance
 * k(1 - q)/q². The stages are what make sampled runs cheap: k numbers a day per run,
 * whatever the delay's length.
 */
export interface PascalDelay {
  /** k, the stages: 1 is a geometric delay, the most spread for its mean. */
  stages: number;
  /** q, the chance of leaving a stage on a given day. */
  chance: number;
}

/**
 * The Pascal delay nearest to a mean and standard deviation in days: k = μ²/(σ² + μ)
 * made whole, down or up, whichever variance is nearer σ² (1 at least, at most ⌊μ⌋), q = k/μ, so the mean is exact and the standard
 * deviation √(k(1 - q))/q is the nearest a whole number of stages allows. A spread above
 * √(μ² - μ) would need less than one stage: `null` (most delays within days, a few after
 * years: ask for less).
 *
 * @example pascalDelay(30, 10) // => { stages: 7, chance: 7 / 30 }: sd 9.9 days
 */
export function pascalDelay(mean: number, sd: number): PascalDelay | null {
  if (!(mean >= 1)) return null;
  const exact = (mean * mean) / (sd * sd + mean);
  if (exact < 0.5) return null;
  // The variance μ²/k - μ is convex in k: of the whole numbers either side, the nearer variance.
  const variance = (k: number) => (mean * mean) / k - mean;
  const clamp = (k: number) => Math.max(1, Math.min(Math.floor(mean), k));
  const [below, above] = [clamp(Math.floor(exact)), clamp(Math.ceil(exact))];
  const stages = Math.abs(variance(below) - sd * sd) <= Math.abs(variance(above) - sd * sd) ? below : above;
  return { stages, chance: stages / mean };
}

/** The standard deviation of a Pascal delay, in days: √(k(1 - q))/q. */
export const pascalSd = (d: PascalDelay): number => Math.sqrt(d.stages * (1 - d.chance)) / d.chance;

/** The largest spread (days) a delay of this mean can have: one stage, a geometric delay. */
export const largestSpread = (mean: number): number => Math.sqrt(Math.max(0, mean * mean - mean));

/**
 * A Pascal delay's chances by day: `weights[s]` = C(s-1, k-1) q^k (1-q)^(s-k), the chance a
 * referral comes s days after the fan joined (never on the day of joining, never before day
 * k). Ends where the rest is below 1e-12, or at `maxDays` (delays past a run's horizon do
 * not matter to it); not renormalized.
 *
 * @example pascalWeights({ stages: 1, chance: 0.5 }, 3) // => [0, 0.5, 0.25, 0.125]
 */
export function pascalWeights(d: PascalDelay, maxDays: number): Float64Array {
  check.whole('stages', d?.stages, 1, bounds.stages);
  check.real('chance', d.chance, 0, 1, true);
  check.whole('maxDays', maxDays, 0, bounds.days);
  const { stages: k, chance: q } = d;
  const weights: number[] = [0];
  let left = 1;
  const logQ = Math.log(q);
  const log1q = Math.log1p(-q);
  for (let s = 1; s <= Math.max(1, maxDays); s++) {
    if (s < k) {
      weights.push(0);
      continue;
    }
    // log C(s-1, k-1) by sums of logs: k and s are at most a few tens of thousands.
    const w = q === 1 ? (s === k ? 1 : 0) : Math.exp(logChoose(s - 1, k - 1) + k * logQ + (s - k) * log1q);
    weights.push(w);
    left -= w;
    if (left < tailMass && s >= k / q) break;
  }
  return Float64Array.from(weights);
}

function logChoose(n: number, r: number): number {
  let sum = 0;
  const m = Math.min(r, n - r);
  for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
  return sum;
}

/**
 * The daily growth rate of a referral process with factor K and a Pascal delay: the root
 * of 1 = K·E[e^(-rT)] with E[e^(-rT)] = (q e^(-r) / (1 - (1 - q) e^(-r)))^k, which is
 * r = ln(1 + q (K^(1/k) - 1)). As q → 0 with k/q = μ it becomes the gamma's
 * (μ/σ²)(K^(σ²/μ²) - 1) ({@link growthRate}); with q = 1 (a fixed delay of k days), ln K / k.
 *
 * @example pascalGrowthRate(2, { stages: 1, chance: 0.5 }) // => ln 1.5
 */
export function pascalGrowthRate(K: number, d: PascalDelay): number | null {
  if (!(K > 0)) return null;
  return Math.log1p(d.chance * Math.expm1(Math.log(K) / d.stages));
}

/**
 * The daily growth rate r of a referral process with factor K: the root of
 * 1 = K·E[e^(-rT)] for the delay T (the Euler-Lotka equation; Wallinga and Lipsitch 2007,
 * https://doi.org/10.1098/rspb.2006.3754). For a fixed delay μ, r = ln K / μ; for a gamma
 * delay of mean μ and standard deviation σ, E[e^(-rT)] = (1 + rσ²/μ)^(-μ²/σ²), so
 * r = (μ/σ²)(K^(σ²/μ²) - 1). Negative when K < 1 (a halving time), `null` when K = 0.
 *
 * @example growthRate(Math.exp(0.2 * 2.85), 2.85, null) // => 0.2
 * @example growthRate(2, 10, 10) // => 0.1 (an exponential delay: r = (K - 1)/μ)
 */
export function growthRate(K: number, mean: number, sd: number | null): number | null {
  if (!(K > 0)) return null;
  if (sd === null || sd === 0) return Math.log(K) / mean;
  const ratio = (sd * sd) / (mean * mean);
  // K^ratio - 1 by expm1, exact near K = 1.
  return (mean / (sd * sd)) * Math.expm1(ratio * Math.log(K));
}

/**
 * The daily growth rate of the day-by-day renewal with delay chances `weights` (see
 * {@link pascalWeights}): the root of 1 = K Σ_s weights[s] e^(-rs), by bisection to 1e-12.
 * What the renewal's new fans grow by, day over day, once the start is forgotten.
 *
 * @example discreteGrowthRate(2, Float64Array.from([0, 0, 0, 1])) // => ln 2 / 3
 */
export function discreteGrowthRate(K: number, weights: Float64Array): number | null {
  if (!(K > 0)) return null;
  const excess = (r: number) => {
    let sum = 0;
    for (let s = 1; s < weights.length; s++) sum += weights[s]! * Math.exp(-r * s);
    return K * sum - 1;
  };
  let low = -1;
  let high = 1;
  while (excess(low) < 0) low *= 2;
  while (excess(high) > 0) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-13; i++) {
    const mid = (low + high) / 2;
    if (excess(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The days in which a process growing (or shrinking) at daily rate r doubles (halves): ln 2 / |r|; null when it stays level. */
export const doublingDays = (rate: number | null): number | null => (rate === null || rate === 0 ? null : Math.LN2 / Math.abs(rate));
