/** What a fit's parameter vector θ stands for; no special functions, so the sampling engine can load it alone. */

/** The candidate distributions of a fit: Poisson, geometric, negative binomial, and zero-inflated forms. */
export const fitModels = ['poisson', 'geometric', 'negbin', 'zip', 'zinb'] as const;
export type FitModel = (typeof fitModels)[number];

/** A coordinate of the parameter vector θ, each on a scale where it is unbounded. */
export type Coordinate = 'logK' | 'logk' | 'logitNonreferrers';

/** Largest k searched: past it the negative binomial is the Poisson to within the data's precision. */
export const maxDispersion = 1e8;
export const minDispersion = 1e-4;

/** The parameters a θ stands for: K (mean), k (dispersion; Infinity for Poisson), the nonreferrers' share. */
export interface Parameters {
  K: number;
  k: number;
  nonreferrers: number;
}

const expit = (x: number) => 1 / (1 + Math.exp(-x));
const clampLogK = (v: number) => Math.min(Math.log(maxDispersion), Math.max(Math.log(minDispersion), v));

/** The parameters of θ in a model. */
export function parametersOf(model: FitModel, theta: readonly number[]): Parameters {
  const K = Math.exp(theta[0]!);
  switch (model) {
    case 'poisson':
      return { K, k: Infinity, nonreferrers: 0 };
    case 'geometric':
      return { K, k: 1, nonreferrers: 0 };
    case 'negbin':
      return { K, k: Math.exp(clampLogK(theta[1]!)), nonreferrers: 0 };
    case 'zip':
      return { K, k: Infinity, nonreferrers: expit(theta[1]!) };
    case 'zinb':
      return { K, k: Math.exp(clampLogK(theta[1]!)), nonreferrers: expit(theta[2]!) };
  }
}

