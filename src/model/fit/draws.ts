import { type FitModel, type Parameters, parametersOf } from './parameters.js';
import type { Estimate } from './estimate.js';

/**
 * A fit's uncertainty as a law to draw parameters from: θ ~ Normal(θ̂, Σ) on the fit's log
 * and logit scales (the likelihood's normal approximation; K and k are then log-normal),
 * Σ the inverse observed information. Draws past 5 standard deviations (a chance of 6e-7 in
 * one coordinate) are drawn again, so no run takes a K no fit would ever give.
 */
export interface ParameterDraws {
  model: FitModel;
  theta: readonly number[];
  /** Lower-triangular L with L Lᵀ = Σ. */
  cholesky: readonly (readonly number[])[];
}

/**
 * The Cholesky factor of a symmetric positive definite matrix, or null when it is not one.
 *
 * @example cholesky([[4, 2], [2, 5]]) // => [[2, 0], [1, 2]]
 */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  return l;
}

/**
 * One draw of the parameters: θ = θ̂ + L z with z standard normals from `normal` (each
 * redrawn while |z| > 5).
 *
 * @example drawParameters({ model: 'poisson', theta: [Math.log(2)], cholesky: [[0]] }, () => 0).K // => 2
 */
export function drawParameters(d: ParameterDraws, normal: () => number): Parameters {
  const z = d.theta.map(() => {
    let v = normal();
    while (Math.abs(v) > 5) v = normal();
    return v;
  });
  const theta = d.theta.map((t, i) => t + d.cholesky[i]!.reduce((sum, l, j) => sum + l * z[j]!, 0));
  return parametersOf(d.model, theta);
}

/** The largest K a draw can take: θ̂_K + 5 standard deviations. */
export const largestK = (d: ParameterDraws): number => Math.exp(d.theta[0]! + 5 * Math.hypot(...d.cholesky[0]!));

/**
 * The draws of a fit: Normal(θ̂, Σ) with Σ its covariance, or, where a parameter sits at the
 * edge of its range and the information is singular, each coordinate alone with its own
 * standard error. null when nothing can be drawn (K = 0 from all zeros).
 */
export function drawsOf(e: Estimate): ParameterDraws | null {
  if (!e.theta.every(Number.isFinite) || !e.standardErrors.every(Number.isFinite)) return null;
  const factor = e.covariance ? cholesky(e.covariance) : null;
  const diagonal = e.standardErrors.map((se, i) => e.standardErrors.map((_, j) => (i === j ? se : 0)));
  // A k at the edge (infinite) is not drawn: the runs use the Poisson the data look like.
  const kept = e.edge !== 'infinite' ? e.theta.map((_, i) => i) : e.model === 'zinb' ? [0, 2] : [0];
  const model = e.edge !== 'infinite' ? e.model : e.model === 'zinb' ? 'zip' : 'poisson';
  const l = e.edge !== 'infinite' && factor ? factor : diagonal;
  return { model, theta: kept.map((i) => e.theta[i]!), cholesky: kept.map((i) => kept.map((j) => l[i]![j]!)) };
}
