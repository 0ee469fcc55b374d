/**
 * The probability that a branching process (Galton-Watson) started by one individual dies
 * out: the smallest root of q = G(q) in [0, 1], where G is the offspring's probability
 * generating function (https://en.wikipedia.org/wiki/Galton%E2%80%93Watson_process).
 * - q = 0 when nobody can have zero offspring (G(0) = 0);
 * - q = 1 when the mean is at most 1 (and G(0) > 0);
 * - with s starting fans, the chance all their chains die out is q^s.
 *
 * This takes G itself; where the complement H(u) = 1 - G(1 - u) is known in a form exact
 * near u = 0 (see `offspringComplement`), {@link survivalProbability} is accurate to about
 * 1e-15 even near K = 1, where 1 - q is small and G(q) - q cancels.
 *
 * @param pgf the offspring's generating function G
 * @param mean the offspring mean G'(1)
 * @example extinctionProbability((s) => Math.exp(2 * (s - 1)), 2) // => 0.2031878699...
 */
export function extinctionProbability(pgf: (s: number) => number, mean: number): number {
  return 1 - survivalProbability((u) => 1 - pgf(1 - u), mean);
}

/**
 * The probability that a branching process started by one individual survives for ever:
 * u = 1 - q, the largest root in [0, 1] of u = H(u) with H(u) = 1 - G(1 - u). Solved on u,
 * not q, so that near-critical processes (K just above 1, u small) keep their digits.
 *
 * F(u) = H(u) - u is concave (G is convex), F(0) = 0, F'(0) = K - 1 > 0 and F(1) = -G(0) <= 0:
 * F is positive below the root and negative above it, so bisection on the sign of F down to
 * adjacent doubles finds it to the last bit F can be evaluated to (a few hundred steps at
 * most, whatever the parameters).
 * - u = 1 when nobody can have zero offspring (H(1) = 1);
 * - u = 0 when the mean is at most 1 (and H(1) < 1).
 *
 * @param complement H(u) = 1 - G(1 - u)
 * @param mean the offspring mean K = H'(0)
 * @example survivalProbability((u) => -Math.expm1(-2 * u), 2) // => 0.7968121300...
 */
export function survivalProbability(complement: (u: number) => number, mean: number): number {
  if (complement(1) >= 1) return 1;
  if (!(mean > 1)) return 0;
  let lo = 0; // F(lo) > 0, or lo = 0
  let hi = 1; // F(hi) <= 0
  for (let i = 0; i < 5000; i++) {
    // Bisect in the exponent while the bracket spans orders of magnitude, then arithmetically.
    const mid = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : lo === 0 && hi > 1e-300 ? hi / 2 ** 16 : lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (complement(mid) - mid > 0) lo = mid;
    else hi = mid;
  }
  return lo === 0 ? hi : lo;
}

/**
 * The chance that all the chains of `start` independent fans die out: q^start, computed as
 * exp(start log(1 - u)) from the survival probability u, so it keeps its digits for small u
 * and large starts.
 *
 * @example extinctionOf(3, 1 - 0.2031878699) // => 0.0083886...
 */
export function extinctionOf(start: number, survival: number): number {
  return start === 0 ? 1 : Math.exp(start * Math.log1p(-survival));
}

/**
 * The generating function of one fan's contribution to next year in the compound model:
 * the fan stays (probability 1 - churn) and brings new fans, so G(s) = (churn + (1 - churn) s) x
 * Goff(s), with mean 1 - churn + K. Without churn G(0) = 0 and the chain never dies out.
 */
export function yearlyPgf(offspring: (s: number) => number, churn: number): (s: number) => number {
  return (s) => (churn + (1 - churn) * s) * offspring(s);
}

/**
 * {@link yearlyPgf} as a complement: with H(u) = 1 - Goff(1 - u) for the new fans,
 * 1 - G(1 - u) = 1 - (1 - (1 - churn) u)(1 - H(u)) = H(u) + (1 - churn) u (1 - H(u)).
 */
export function yearlyComplement(offspring: (u: number) => number, churn: number): (u: number) => number {
  return (u) => {
    const h = offspring(u);
    return h + (1 - churn) * u * (1 - h);
  };
}
