import { type Coordinate, type Family, type FitModel, type Parameters, maxDispersion, minDispersion, parametersOf } from './families.js';
import { maximize1, maximizeAround, maximizeN } from './optimize.js';

/** Half the 95% point of a chi-square with one degree of freedom: profile intervals drop this far. */
export const profileDrop = 1.9207294103470103;
const z95 = 1.959963984540054;

/** A 95% interval: by the profile likelihood, and Wald's (normal on the coordinate's scale), labelled. */
export interface Interval {
  profile: [number, number];
  wald: [number, number];
}

/** One fitted distribution: a value, as fitdistrplus returns it; output renders it. */
export interface Estimate {
  model: FitModel;
  /** The maximum-likelihood θ and what it stands for. */
  theta: number[];
  parameters: Parameters;
  logLik: number;
  /** Free parameters (for AIC). */
  size: number;
  aic: number;
  intervals: { K: Interval; k: Interval | null; nonreferrers: Interval | null };
  /**
   * Covariance of θ (the inverse of the observed information, on the log and logit scales),
   * for drawing parameters with their uncertainty; null where the information is singular.
   */
  covariance: number[][] | null;
  /** The standard error of each coordinate of θ: from the covariance, else from its own information alone. */
  standardErrors: number[];
  /** k at the edge of its range: `infinite` (the data look Poisson), `zero`, or null. */
  edge: 'infinite' | 'zero' | null;
}

/** The θ that maximises a family's log-likelihood. */
function maximum(family: Family): { theta: number[]; value: number } {
  const f = (theta: readonly number[]) => {
    const v = family.logLik(theta);
    return Number.isNaN(v) ? -Infinity : v;
  };
  if (family.exact) return { theta: [...family.exact], value: f(family.exact) };
  if (family.exactLogK !== undefined && family.start.length === 2) {
    const logK = family.exactLogK;
    const best = maximize1((x) => f([logK, x]), Math.log(minDispersion) - 1, Math.log(maxDispersion) + 1);
    return { theta: [logK, best.x], value: best.value };
  }
  if (family.start.length === 1) {
    const s = family.start[0]!;
    const best = maximize1((x) => f([x]), s - 30, s + 12);
    return { theta: [best.x], value: best.value };
  }
  const best = maximizeN(f, family.start);
  return { theta: best.x, value: best.value };
}

/**
 * The profile log-likelihood of coordinate `c` at `v`: the largest value with θ_c = v, and
 * where the other coordinates are then (`at`).
 */
function profile(family: Family, theta: readonly number[], c: number, v: number): { value: number; at: number[] } {
  const free = theta.map((_, i) => i).filter((i) => i !== c);
  const put = (rest: readonly number[]) => theta.map((_, i) => (i === c ? v : rest[free.indexOf(i)]!));
  const f = (rest: readonly number[]) => {
    const y = family.logLik(put(rest));
    return Number.isNaN(y) ? -Infinity : y;
  };
  if (free.length === 0) return { value: f([]), at: put([]) };
  // k is clamped to [1e-4, 1e8]: past that the likelihood is flat, and a search there learns nothing.
  const range = (i: number): [number, number] => (family.coordinates[i] === 'logk' ? [Math.log(minDispersion), Math.log(maxDispersion)] : [theta[i]! - 40, theta[i]! + 40]);
  if (free.length === 1) {
    const i = free[0]!;
    const best = maximizeAround((x) => f([x]), theta[i]!, ...range(i));
    return { value: best.value, at: put([best.x]) };
  }
  // From θ̂'s other coordinates, and from the search's own start (θ̂ may sit at an edge, where
  // the simplex cannot move), each inside its range: the better of the two.
  const inside = (point: readonly number[]) => free.map((i, j) => Math.min(range(i)[1], Math.max(range(i)[0], point[j]!)));
  const starts = [inside(free.map((i) => theta[i]!)), inside(free.map((i) => family.start[i]!))];
  const best = starts.map((start) => maximizeN(f, start, 0.3)).reduce((a, b) => (b.value > a.value ? b : a));
  return { value: best.value, at: put(best.x) };
}

/**
 * Where the profile of coordinate `c` falls `profileDrop` below the maximum, on each side of
 * θ̂_c: stepping out by doubling (to ±40 on its scale, past which the bound is the edge:
 * -Infinity or Infinity), then narrowing the bracket to 1e-7 by the Illinois method (regula
 * falsi that halves the weight of an end kept twice; Dowell and Jarratt 1971): superlinear
 * on a smooth profile, so about 8 profile maximisations a bound where bisection took about 30,
 * and never worse than bisection by more than a step in three (every third step bisects).
 */
function profileBounds(family: Family, theta: readonly number[], best: number, c: number): [number, number] {
  const target = best - profileDrop;
  const at = (v: number) => profile(family, theta, c, v).value - target;
  // A bound where the profile's k has reached its floor (1e-4) is the floor's, not the data's:
  // ever smaller k would keep the likelihood up further on (zero-truncated counts and chain
  // sizes from a minimum: a tiny K with very uneven referrals fits as well). The bound is the edge.
  const kAt = family.coordinates.indexOf('logk');
  const atFloor = (v: number) => kAt >= 0 && kAt !== c && profile(family, theta, c, v).at[kAt]! <= Math.log(minDispersion) + 1e-3;
  const side = (direction: 1 | -1): number => {
    let inside = theta[c]!;
    let fIn = NaN; // at(inside), kept from the stepping out (θ̂_c itself is not evaluated there)
    let step = 0.05;
    let outside = NaN;
    let fOut = NaN;
    for (;;) {
      const v = theta[c]! + direction * step;
      const fv = at(v);
      if (fv < 0) {
        outside = v;
        fOut = fv;
        break;
      }
      inside = v;
      fIn = fv;
      // The last step is 40 itself (the doublings from 0.05 pass from 25.6 to 51.2).
      if (step === 40) break;
      step = Math.min(40, step * 2);
    }
    if (Number.isNaN(outside)) return direction * Infinity;
    if (Number.isNaN(fIn)) fIn = at(inside);
    let kept: 'in' | 'out' | null = null;
    for (let i = 0; i < 100 && Math.abs(outside - inside) > 1e-7; i++) {
      // A bisection every third step bounds the count even where the profile is not smooth.
      const secant = inside - (fIn * (outside - inside)) / (fOut - fIn);
      const mid = i % 3 === 2 || !(fIn > 0 && fOut < 0) || !Number.isFinite(secant) ? (inside + outside) / 2 : Math.min(Math.max(secant, Math.min(inside, outside)), Math.max(inside, outside));
      const fMid = at(mid);
      if (fMid < 0) {
        outside = mid;
        fOut = fMid;
        if (kept === 'in') fIn /= 2;
        kept = 'in';
      } else {
        inside = mid;
        fIn = fMid;
        if (kept === 'out') fOut /= 2;
        kept = 'out';
      }
    }
    const bound = (inside + outside) / 2;
    return atFloor(bound) ? direction * Infinity : bound;
  };
  return [side(-1), side(1)];
}

/** The observed information (minus the Hessian of the log-likelihood `f` at θ̂), by central differences. */
export function information(f: (theta: readonly number[]) => number, theta: readonly number[]): number[][] {
  const h = 1e-4;
  const n = theta.length;
  const shift = (i: number, di: number, j: number, dj: number) => theta.map((t, m) => t + (m === i ? di : 0) + (m === j ? dj : 0));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      i === j
        ? -(f(shift(i, h, i, 0)) - 2 * f(theta) + f(shift(i, -h, i, 0))) / (h * h)
        : -(f(shift(i, h, j, h)) - f(shift(i, h, j, -h)) - f(shift(i, -h, j, h)) + f(shift(i, -h, j, -h))) / (4 * h * h),
    ),
  );
}

/** The inverse of a small symmetric positive definite matrix (Gauss-Jordan), or null when it is not. */
export function inverse(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (!(Math.abs(a[pivot]![c]!) > 1e-300)) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    a[c] = a[c]!.map((v) => v / p);
    for (let r = 0; r < n; r++) if (r !== c) a[r] = a[r]!.map((v, j) => v - a[r]![c]! * a[c]![j]!);
  }
  const inv = a.map((row) => row.slice(n));
  return inv.every((row, i) => row[i]! > 0 && row.every(Number.isFinite)) ? inv : null;
}

const toScale = (coordinate: Coordinate, v: number) => (coordinate === 'logitNonreferrers' ? 1 / (1 + Math.exp(-v)) : Math.exp(v));

/**
 * The maximum-likelihood fit of a family: θ̂, the log-likelihood, AIC = 2p - 2 ln L, 95%
 * intervals for K, k and the nonreferrers' share by the profile likelihood (where the
 * log-likelihood falls 1.92 below its top) and by Wald (θ̂ ± 1.96 se on the log or logit
 * scale), and the covariance of θ̂.
 */
export function estimate(family: Family): Estimate {
  const best = maximum(family);
  const theta = best.theta;
  const parameters = parametersOf(family.model, theta);
  const info = information((t) => family.logLik(t), theta);
  const covariance = inverse(info);
  // Without a full covariance (a parameter at its edge), each coordinate's own information.
  const standardErrors = theta.map((_, c) => (covariance ? Math.sqrt(covariance[c]![c]!) : 1 / Math.sqrt(Math.max(0, info[c]![c]!))));
  const interval = (c: number): Interval => {
    const coordinate = family.coordinates[c]!;
    const [lo, hi] = profileBounds(family, theta, best.value, c);
    const se = standardErrors[c]!;
    return {
      profile: [toScale(coordinate, lo), toScale(coordinate, hi)],
      // No Wald interval where the curvature is not that of a maximum.
      wald: Number.isFinite(se) ? [toScale(coordinate, theta[c]! - z95 * se), toScale(coordinate, theta[c]! + z95 * se)] : [NaN, NaN],
    };
  };
  const kIndex = family.coordinates.indexOf('logk');
  const piIndex = family.coordinates.indexOf('logitNonreferrers');
  let k = kIndex >= 0 ? interval(kIndex) : null;
  const edge = kIndex < 0 ? null : parameters.k >= maxDispersion / 100 ? 'infinite' : parameters.k <= 1e-3 ? 'zero' : null;
  if (k && edge === 'infinite') k = { profile: [k.profile[0], Infinity], wald: [k.wald[0], Infinity] };
  return {
    model: family.model,
    theta,
    parameters: edge === 'infinite' ? { ...parameters, k: Infinity } : parameters,
    logLik: best.value,
    size: theta.length,
    aic: 2 * theta.length - 2 * best.value,
    intervals: { K: interval(0), k, nonreferrers: piIndex >= 0 ? interval(piIndex) : null },
    covariance: edge === null ? covariance : null,
    standardErrors,
    edge,
  };
}

/**
 * Akaike weights: exp(-Δ_i / 2) / Σ_j exp(-Δ_j / 2), Δ_i = AIC_i - min AIC (Burnham and
 * Anderson 2002): the weight of evidence for each model among those compared.
 *
 * @example akaikeWeights([568.1201, 577.3923, 1139.2737]) // => [0.9903974, 0.009602603, 9.362155e-125]
 */
export function akaikeWeights(aics: readonly number[]): number[] {
  const least = aics.reduce((a, b) => Math.min(a, b), Infinity);
  const raw = aics.map((a) => Math.exp(-(a - least) / 2));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}
