/**
 * The delay to a compound referrer's next referral moment that brings someone, when each
 * moment brings nobody with chance `zero` (e^-K for Poisson referrals) and moments come one
 * delay after another: D = X₁ + … + X_G, the Xᵢ independent delays of chances `weights`
 * (`weights[s]` of s days, none of 0 days) and G ~ Geometric(1 - zero) on 1, 2, …. Its
 * chances over days 0..`days` follow from D = X + (with chance `zero`) D′:
 *
 *     f_D(t) = (1 - zero) f_X(t) + zero Σ_{s=1}^{t-1} f_X(s) f_D(t - s)
 *
 * a sum of positive terms, no cancellation. What they leave of 1 comes after `days`. A run
 * then draws its next event in one uniform ({@link DelayTable}) where it drew a delay and a
 * uniform for every moment that brought nobody (1 / (1 - zero) of each: 2.24 at K = 0.59).
 * Cost: (days + 1) × the delay's days of chance (see {@link thinnedWork}).
 *
 * A geometric delay of chance q, thinned, is geometric of chance q (1 - zero) (the tests hold it).
 *
 * @example thinnedWeights(Float64Array.of(0, 0.5, 0.5), 0.5, 3) // => [0, 0.25, 0.3125, 0.140625]
 */
export function thinnedWeights(weights: Float64Array, zero: number, days: number): Float64Array {
  const f = new Float64Array(days + 1);
  const hit = 1 - zero;
  const last = weights.length - 1;
  let first = 1;
  while (first <= last && weights[first] === 0) first++;
  for (let t = 1; t <= days; t++) {
    let sum = 0;
    const top = Math.min(t - 1, last);
    for (let s = first; s <= top; s++) sum += weights[s]! * f[t - s]!;
    f[t] = (t <= last ? hit * weights[t]! : 0) + zero * sum;
  }
  return f;
}

/** The multiply-adds {@link thinnedWeights} takes: at most about (days + 1) × the delay's days. */
export const thinnedWork = (weights: Float64Array, days: number): number => (days + 1) * weights.length;
