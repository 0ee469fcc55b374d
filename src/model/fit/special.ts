import gammaln from '@stdlib/math-base-special-gammaln';
import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Special functions, from stdlib-js (ports of FreeBSD's lgamma and Boost's incomplete gamma,
 * tested by stdlib against reference values): not hand-written series.
 */

/**
 * ln Γ(x) for x > 0, to about one unit in the last place.
 *
 * @example logGamma(5) // => ln 24 = 3.1780538303479458
 */
export const logGamma: (x: number) => number = gammaln;

/**
 * ln Γ(x + n) - ln Γ(x) = Σ_{i<n} ln(x + i), the log of the rising factorial x (x+1) ... (x+n-1):
 * summed term by term for small n (exact where the two log-gammas would cancel, e.g. x = 1e8),
 * from log-gammas otherwise.
 *
 * @example logRising(0.5, 2) // => ln(0.5 × 1.5) = -0.2876820724517809
 */
export function logRising(x: number, n: number): number {
  if (n === 0) return 0;
  if (n <= 64) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.log(x + i);
    return sum;
  }
  return gammaln(x + n) - gammaln(x);
}

/**
 * The chance a chi-square variable with `df` degrees of freedom exceeds `x`: Q(df/2, x/2), the
 * regularized upper incomplete gamma function.
 *
 * @example chiSquareTail(3.841458820694124, 1) // => 0.05
 */
export function chiSquareTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
