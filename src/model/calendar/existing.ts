import * as check from '../check.js';
import { bounds } from '../limits.js';
import { type PascalDelay, pascalWeights } from './delays.js';

/**
 * The customers already there when a forecast starts (a dated export's fans), by the days
 * since they joined: how many joined that many days before the start, and how many
 * referrals they have made so far. A fan's referrals are the tree's, X ~ NB(mean K,
 * dispersion k), each after its own delay D; by age a the fan has made those with D ≤ a.
 */
export interface ExistingCustomers {
  ages: readonly { age: number; fans: number; referred: number }[];
}

/** The customers in all. */
export const customersOf = (e: ExistingCustomers): number => e.ages.reduce((sum, a) => sum + a.fans, 0);

/**
 * Where a referral of a fan of age `age` stands if it has not come yet: the chance that j of
 * the Pascal delay's k stages are done, j = 0..k-1, and the referral still due. Each day
 * ends one stage with chance q, so j ~ Binomial(age, q) while j < k:
 * C(age, j) q^j (1 - q)^(age - j). Their sum is 1 - F(age), F the delay's distribution.
 *
 * @example pendingStages({ stages: 1, chance: 0.5 }, 2) // => [0.25]: a geometric delay not over after 2 days
 */
export function pendingStages(delay: PascalDelay, age: number): Float64Array {
  check.whole('age', age, 0, bounds.days);
  const { stages: k, chance: q } = delay;
  const out = new Float64Array(k);
  if (q === 1) {
    if (age < k) out[age] = 1;
    return out;
  }
  const logQ = Math.log(q);
  const log1q = Math.log1p(-q);
  let logChoose = 0;
  for (let j = 0; j < k && j <= age; j++) {
    if (j > 0) logChoose += Math.log((age - j + 1) / j);
    out[j] = Math.exp(logChoose + j * logQ + (age - j) * log1q);
  }
  return out;
}

/**
 * The chance a referral is still to come at `age` days: 1 - F(age), the sum of {@link pendingStages}.
 *
 * @example pendingShare({ stages: 1, chance: 0.5 }, 2) // => 0.25
 */
export function pendingShare(delay: PascalDelay, age: number): number {
  return pendingStages(delay, age).reduce((sum, p) => sum + p, 0);
}

/**
 * The expected λ of the `fans` fans of age a who have made `referred` referrals so far,
 * summed. Each fan's own mean λ is Gamma(k, K/k) (the negative binomial as a gamma-Poisson
 * mixture); having made m by age a, Poisson(λ F(a)), their λ is Gamma(k + m, rate k/K + F(a))
 * (conjugate), so n fans who made M have (k n + M) / (k/K + F(a)) in all, and
 * (1 - F(a)) of it is still to come, Poisson given λ. Averaged over what fans make by age a,
 * that is K (1 - F(a)) a fan; a fan who has referred much is likelier to refer more. With a
 * Poisson law (k = ∞) it is n K, whatever they made.
 *
 * @example posteriorMean(2, Infinity, { fans: 3, referred: 1 }, 0.5) // => 6
 * @example posteriorMean(1, 1, { fans: 1, referred: 3 }, 1) // => 2: (1 + 3) / (1 + 1)
 */
export function posteriorMean(K: number, k: number, group: { fans: number; referred: number }, F: number): number {
  if (k === Infinity) return group.fans * K;
  return (k * group.fans + group.referred) / (k / K + F);
}

/**
 * The gamma shape and rate of the `fans` fans' λ summed, given what they made (see
 * {@link posteriorMean}): Gamma(k n + M, rate k/K + F(a)), one draw for a day's cohort in a
 * sampled run. Null for a Poisson law (λ = K, nothing to draw).
 */
export function posteriorGamma(K: number, k: number, group: { fans: number; referred: number }, F: number): { shape: number; rate: number } | null {
  if (k === Infinity) return null;
  return { shape: k * group.fans + group.referred, rate: k / K + F };
}

/**
 * Expected new fans on each day 1..days of a forecast from the existing customers' referrals
 * still to come (without those these new fans bring: the renewal equation adds them):
 * Σ_a E[λ_a | made] P(D = a + t), the delay's chance of coming t days after the start for a
 * fan who joined a days before it.
 *
 * @example existingArrivals({ ages: [{ age: 0, fans: 1, referred: 0 }] }, { stages: 1, chance: 1 }, 2, Infinity, 2) // => [0, 2, 0]
 */
export function existingArrivals(e: ExistingCustomers, delay: PascalDelay, K: number, k: number, days: number): Float64Array {
  check.whole('days', days, 0, bounds.days);
  const oldest = e.ages.reduce((most, a) => Math.max(most, a.age), 0);
  const weights = pascalWeights(delay, Math.min(bounds.days, oldest + days));
  const arrivals = new Float64Array(days + 1);
  for (const group of e.ages) {
    const pending = pendingShare(delay, group.age);
    if (pending === 0) continue;
    const lambda = posteriorMean(K, k, group, 1 - pending);
    const end = Math.min(days, weights.length - 1 - group.age);
    for (let t = 1; t <= end; t++) arrivals[t]! += lambda * weights[group.age + t]!;
  }
  return arrivals;
}

/**
 * The chance every line of the customers already there dies out, when one new fan's line
 * dies out with chance q (Galton-Watson's q = G(q)): each referral still to come starts such
 * a line, so a cohort of λ still to bring λ(1 - F(a)) dies out with chance
 * E[exp(-λ(1 - F(a))(1 - q))] = (1 + (1 - F(a))(1 - q)/rate)^(-shape) for its gamma λ
 * ({@link posteriorGamma}), exp(-n K (1 - F(a))(1 - q)) for a Poisson law; the product over
 * the cohorts.
 *
 * @example existingExtinction({ ages: [{ age: 0, fans: 1, referred: 0 }] }, { stages: 1, chance: 0.5 }, 2, Infinity, 0.5) // => Math.exp(-1)
 */
export function existingExtinction(e: ExistingCustomers, delay: PascalDelay, K: number, k: number, q: number): number {
  if (q === 1) return 1;
  let log = 0;
  for (const group of e.ages) {
    const left = pendingShare(delay, group.age);
    const gamma = posteriorGamma(K, k, group, 1 - left);
    log -= gamma === null ? group.fans * K * left * (1 - q) : gamma.shape * Math.log1p((left * (1 - q)) / gamma.rate);
  }
  return Math.exp(log);
}
