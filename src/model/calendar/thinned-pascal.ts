import type { PascalDelay } from './delays.js';
import { stepStages } from './step-stages.js';

/**
 * The delay to a compound referrer's next referral moment that brings someone, when each
 * moment brings nobody with chance `zero` (e^-K for Poisson referrals) and moments come one
 * Pascal delay after another: D = X₁ + … + X_G, the Xᵢ independent delays of k stages (each
 * a day at least, left with chance q a day: delays.ts) and G ~ Geometric(1 - zero) on 1, 2, ….
 * Its chances over days 0..`days` follow from D = X + (with chance `zero`) D′:
 *
 *     f_D(t) = (1 - zero) f_X(t) + zero Σ_{s=1}^{t-1} f_X(s) f_D(t - s)
 *
 * worked out as the stages run it: a unit of chance starts in the first stage on day 0; each
 * day a share q of each stage moves to the next (1 - q stays), and what leaves the last stage
 * on day t is a moment, which brings someone (f_D(t) += its share 1 - zero) or starts the
 * stages again (zero). Sums of positive terms, no cancellation; what they leave of 1 comes
 * after `days`. A run then draws its next event in one uniform ({@link DelayTable}) where it
 * drew a delay and a uniform for every moment that brought nobody (1 / (1 - zero) of each:
 * 2.24 at K = 0.59). Cost: (days + 1) × k ({@link thinnedWork}).
 *
 * A geometric delay of chance q, thinned, is geometric of chance q (1 - zero) (the tests hold it).
 *
 * @example thinnedPascal({ stages: 1, chance: 0.5 }, 0.5, 3) // => [0, 0.25, 0.1875, 0.140625]
 */
export function thinnedPascal(delay: PascalDelay, zero: number, days: number): Float64Array {
  const { stages: k, chance: q } = delay;
  const f = new Float64Array(days + 1);
  const stage = new Float64Array(k);
  stage[0] = 1;
  for (let t = 1; t <= days; t++) {
    const moment = stepStages(stage, 1 - q, q);
    f[t] = (1 - zero) * moment;
    stage[0]! += zero * moment;
  }
  return f;
}

/**
 * The steps {@link thinnedPascal} takes: (days + 1) × the delay's stages. Never more than the
 * convolution of the delay's chances by day would: a Pascal delay has at most as many stages
 * as days in its mean (k = mean × q).
 */
export const thinnedWork = (delay: PascalDelay, days: number): number => (days + 1) * delay.stages;
