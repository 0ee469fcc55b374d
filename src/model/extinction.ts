/**
 * The probability that a branching process (Galton-Watson) started by one individual dies
 * out: the smallest root of q = G(q) in [0, 1], where G is the offspring's probability
 * generating function. Found by iterating s -> G(s) from 0, which climbs monotonically to
 * that root (https://en.wikipedia.org/wiki/Galton%E2%80%93Watson_process).
 * - q = 0 when nobody can have zero offspring (G(0) = 0);
 * - q = 1 when the mean is at most 1 (and G(0) > 0);
 * - with s starting fans, the chance all their chains die out is q^s.
 *
 * @param pgf the offspring's generating function G
 * @param mean the offspring mean G'(1)
 * @example extinctionProbability((s) => Math.exp(2 * (s - 1)), 2) // => 0.2031878699...
 */
export function extinctionProbability(pgf: (s: number) => number, mean: number): number {
  if (pgf(0) === 0) return 0;
  if (mean <= 1) return 1;
  let q = 0;
  for (let i = 0; i < 10_000_000; i++) {
    const next = pgf(q);
    if (next - q <= 1e-16) return next;
    q = next;
  }
  return q;
}

/**
 * The generating function of one fan's contribution to next year in the compound model:
 * the fan stays (probability 1 - churn) and brings new fans, so G(s) = (churn + (1 - churn) s) x
 * Goff(s), with mean 1 - churn + K. Without churn G(0) = 0 and the chain never dies out.
 */
export function yearlyPgf(offspring: (s: number) => number, churn: number): (s: number) => number {
  return (s) => (churn + (1 - churn) * s) * offspring(s);
}
