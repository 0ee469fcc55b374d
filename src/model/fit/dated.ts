import gammainc from '@stdlib/math-base-special-gammainc';
import { akaikeWeights, information, inverse } from './estimate.js';
import type { Frequencies } from './frequencies.js';
import { maximizeN } from './optimize.js';
import { logGamma, logRising } from './special.js';

/**
 * Dated referral records: each fan's count of referees seen by the export and the days from
 * their joining to the export (their exposure), and each referral's delay in whole days from
 * the referrer's joining to the referee's.
 *
 * The model: a fan's referrals number X ~ NB(mean K, dispersion k), each coming after a delay
 * D drawn from a delay law F, independently. By the export a fan of exposure τ has made those
 * with D ≤ τ: a binomial thinning of X, so the count seen is NB(mean K·F(τ), k) (thinning keeps
 * k), and each delay seen is drawn from F truncated at τ. The log-likelihood of K, k and the
 * delay law's two parameters θ, jointly:
 *
 *   ℓ = Σ_fans log NB(n_i; K·F_θ(τ_i), k) + Σ_referrals [log p_θ(d_j) − log F_θ(τ_referrer(j))]
 *
 * (right truncation as in epidemiology's delay estimation: Park et al. 2024, "Estimating
 * epidemiological delay distributions for infectious diseases", and the primarycensored and
 * epidist R packages). Dates are whole days: a continuous delay is seen as the days between
 * two dates, each event at some moment of its day (see {@link wholeDays}); the negative
 * binomial delay is whole days itself.
 */
export interface DatedData {
  /** Fans grouped by their count seen and their exposure in days. */
  fans: readonly { count: number; exposure: number; fans: number }[];
  /** The delays seen, in whole days. */
  delays: Frequencies;
}

/**
 * The delay laws fitted: `negbin`, a negative binomial in whole days from 0 (the discrete
 * gamma, the law the calendar engine draws from as stages); `gamma` and `lognormal`, continuous.
 */
export const delayFamilies = ['negbin', 'gamma', 'lognormal'] as const;
export type DelayFamily = (typeof delayFamilies)[number];

/** An estimate with its 95% Wald interval (normal on the log scale). */
export interface Estimated {
  value: number;
  low: number;
  high: number;
}

/** One delay law's joint fit with K and k. */
export interface DatedFit {
  family: DelayFamily;
  /** K corrected for exposure, k, the delay's mean and standard deviation in days. */
  K: Estimated;
  k: Estimated;
  delayMean: Estimated;
  delaySd: Estimated;
  logLik: number;
  aic: number;
  weight: number;
  /** The working parameters (log K, log k, the delay's two) and their covariance, null where the curvature is not a maximum's. */
  theta: number[];
  covariance: number[][] | null;
}

/** Every delay law's fit, the one AIC prefers, and the naive K (the mean count, as if every fan had had all the time). */
export interface DatedResult {
  fits: DatedFit[];
  preferred: DatedFit;
  naiveK: number;
  /**
   * Whether the records measure the delay: the preferred law's mean is within the longest time
   * a fan has had (the longest exposure or delay). Past it, most of the delay would fall after
   * the export for every fan, and K for the time each fan has had is an extrapolation of it.
   */
  measured: boolean;
  /** Fans, referrals seen, and the longest exposure. */
  n: number;
  referrals: number;
  longest: number;
}

const z95 = 1.959963984540054;

/** A delay law by its two working parameters: log P(D = d) and log P(D ≤ τ), for whole days 0 to `last`. */
interface DelayLaw {
  logP(d: number): number;
  logF(tau: number): number;
  mean: number;
  sd: number;
}

/**
 * A continuous delay D seen as whole days between two dates, each event at some moment of its
 * day, the first uniformly (double interval censoring, as primarycensored's: Charniga et al.
 * 2024). With G(x) = ∫₀ˣ F = x F(x) − E[D; D ≤ x] and H(x) = ∫ₓ^∞ (1 − F) = E[D; D > x] − x (1 − F(x)),
 * P(d) = G(d+1) − 2G(d) + G(d−1) = H(d+1) − 2H(d) + H(d−1) and P(d ≤ τ) = G(τ+1) − G(τ);
 * each is taken from G near the start and from H in the tail, where its digits are.
 * `tails`(x) gives F(x), S(x) = 1 − F(x), M(x) = E[D; D ≤ x] and U(x) = E[D; D > x] at x ≥ 0.
 */
function wholeDays(tails: (x: number) => readonly [F: number, S: number, M: number, U: number], last: number, mean: number, sd: number): DelayLaw {
  const n = last + 3;
  const [Fs, G, H] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let x = 0; x < n; x++) {
    const [F, S, M, U] = tails(x);
    Fs[x] = F;
    G[x] = x * F - M;
    H[x] = U - x * S;
  }
  // Before day 0: G is 0 and H is mean − x.
  const g = (x: number) => (x <= 0 ? 0 : G[x]!);
  const h = (x: number) => (x < 0 ? mean - x : H[x]!);
  const logP = (d: number) => {
    const p = Fs[d + 1]! < 0.5 ? g(d + 1) - 2 * g(d) + g(d - 1) : h(d + 1) - 2 * h(d) + h(d - 1);
    return p > 0 ? Math.log(p) : -Infinity;
  };
  const logF = (tau: number) => {
    const within = g(tau + 1) - g(tau);
    return within < 0.5 ? Math.log(within) : Math.log1p(-(h(tau) - h(tau + 1)));
  };
  return { logP, logF, mean, sd };
}

/**
 * The lower and upper regularized incomplete gamma P(a, x) and Q(a, x) = 1 − P, by one
 * evaluation: of the smaller tail (below the mean, P; past it, Q), the other by difference,
 * which keeps every digit the whole-days sums read.
 */
function gammaTails(x: number, a: number): [number, number] {
  if (x <= 0) return [0, 1];
  if (x < a) {
    const p = gammainc(x, a, true, false);
    return [p, 1 - p];
  }
  const q = gammainc(x, a, true, true);
  return [1 - q, q];
}

/** The delay law of a family at working parameters (a, b), for days 0 to `last`. */
export function delayLaw(family: DelayFamily, a: number, b: number, last: number): DelayLaw {
  switch (family) {
    case 'gamma': {
      // a = log mean, b = log shape α; E[D; D ≤ x] = mean P(α + 1, x/θ).
      const [mean, shape] = [Math.exp(a), Math.exp(b)];
      const scale = mean / shape;
      const logGammaNext = logGamma(shape + 1);
      return wholeDays(
        (x) => {
          // P(α + 1, y) = P(α, y) − y^α e^−y / Γ(α + 1), and Q(α + 1, y) = Q(α, y) + the same: one incomplete gamma a day.
          const y = x / scale;
          const [F, S] = gammaTails(y, shape);
          const term = y > 0 ? Math.exp(shape * Math.log(y) - y - logGammaNext) : 0;
          return [F, S, mean * Math.max(0, F - term), mean * (S + term)];
        },
        last,
        mean,
        mean / Math.sqrt(shape),
      );
    }
    case 'lognormal': {
      // a = μ of log D, b = log σ; E[D; D ≤ x] = mean Φ((ln x − μ − σ²)/σ).
      const [mu, sigma] = [a, Math.exp(b)];
      const mean = Math.exp(mu + (sigma * sigma) / 2);
      return wholeDays(
        (x) => {
          if (x <= 0) return [0, 1, 0, mean];
          const [F, S] = normalTails((Math.log(x) - mu) / sigma);
          const [M, U] = normalTails((Math.log(x) - mu - sigma * sigma) / sigma);
          return [F, S, mean * M, mean * U];
        },
        last,
        mean,
        mean * Math.sqrt(Math.expm1(sigma * sigma)),
      );
    }
    case 'negbin': {
      // Whole days itself: a = log mean, b = log size r: P(d) = Γ(d+r)/(Γ(r) d!) p^r (1−p)^d, p = r/(r+m).
      const [mean, r] = [Math.exp(a), Math.exp(b)];
      const logp = Math.log(r / (r + mean));
      const log1p = Math.log(mean / (r + mean));
      const logPs = Float64Array.from({ length: last + 1 }, (_, d) => logGamma(d + r) - logGamma(r) - logGamma(d + 1) + r * logp + d * log1p);
      const logFs = new Float64Array(last + 1);
      let sum = 0;
      for (let d = 0; d <= last; d++) logFs[d] = Math.log(Math.min(1, (sum += Math.exp(logPs[d]!))));
      return { logP: (d) => logPs[d]!, logF: (tau) => logFs[tau]!, mean, sd: Math.sqrt(mean + (mean * mean) / r) };
    }
  }
}

/** Φ(z) and 1 − Φ(z), the standard normal's tails: (1 ± P(1/2, z²/2)) / 2, the smaller one from Q(1/2, z²/2). */
function normalTails(z: number): [number, number] {
  const [p, q] = gammaTails((z * z) / 2, 0.5);
  return z >= 0 ? [0.5 + 0.5 * p, 0.5 * q] : [0.5 * q, 0.5 + 0.5 * p];
}

/**
 * Dated records summed for the likelihood, once a data set: by exposure τ, the fans N_τ and
 * the referrals they made S_τ; by count x, the fans N_x; and Σ N_x ln x!. An evaluation then
 * costs a term per distinct exposure and count, not per group of fans (a year's export of a
 * million fans has tens of thousands of groups and a few hundred exposures).
 */
interface DatedSums {
  exposures: Int32Array;
  fans: Float64Array;
  referred: Float64Array;
  counts: Int32Array;
  countFans: Float64Array;
  logFactorials: number;
}

const summed = new WeakMap<DatedData, DatedSums>();

function sumsOf(data: DatedData): DatedSums {
  let sums = summed.get(data);
  if (sums) return sums;
  const byExposure = new Map<number, [fans: number, referred: number]>();
  const byCount = new Map<number, number>();
  let logFactorials = 0;
  for (const g of data.fans) {
    const e = byExposure.get(g.exposure) ?? [0, 0];
    e[0] += g.fans;
    e[1] += g.fans * g.count;
    byExposure.set(g.exposure, e);
    byCount.set(g.count, (byCount.get(g.count) ?? 0) + g.fans);
    logFactorials += g.fans * logGamma(g.count + 1);
  }
  const exposures = [...byExposure.keys()].sort((a, b) => a - b);
  const counts = [...byCount.keys()].sort((a, b) => a - b);
  sums = {
    exposures: Int32Array.from(exposures),
    fans: Float64Array.from(exposures, (e) => byExposure.get(e)![0]),
    referred: Float64Array.from(exposures, (e) => byExposure.get(e)![1]),
    counts: Int32Array.from(counts),
    countFans: Float64Array.from(counts, (c) => byCount.get(c)!),
    logFactorials,
  };
  summed.set(data, sums);
  return sums;
}

/**
 * The counts' part of the log-likelihood: Σ_fans log NB(n_i; K·F(τ_i), k), as
 * Σ_x N_x ln[Γ(x+k)/(Γ(k) x!)] + Σ_τ [k N_τ ln(k/(k + m_τ)) + S_τ ln(m_τ/(k + m_τ))], m_τ = K·F(τ).
 */
function countsLogLik(data: DatedData, law: DelayLaw, K: number, k: number): number {
  const s = sumsOf(data);
  let sum = -s.logFactorials;
  for (let j = 0; j < s.counts.length; j++) sum += s.countFans[j]! * logRising(k, s.counts[j]!);
  for (let j = 0; j < s.exposures.length; j++) {
    const m = K * Math.exp(law.logF(s.exposures[j]!));
    const referred = s.referred[j]!;
    // NB(0; mean 0) is 1: fans who cannot have referred yet and did not add nothing.
    if (!(m > 0)) {
      if (referred > 0) return -Infinity;
      continue;
    }
    sum += k * s.fans[j]! * Math.log(k / (k + m)) + (referred > 0 ? referred * Math.log(m / (k + m)) : 0);
  }
  return sum;
}

/**
 * The delays' part of the log-likelihood, each seen delay's chance truncated at its
 * referrer's exposure: Σ_referrals log p(d_j) − Σ_τ S_τ log F(τ) (the truncation summed by exposure).
 * On its own, the conditional likelihood of the delay law.
 */
function delayLogLik(data: DatedData, law: DelayLaw): number {
  const s = sumsOf(data);
  let sum = 0;
  data.delays.values.forEach((d, j) => (sum += data.delays.counts[j]! * law.logP(d)));
  for (let j = 0; j < s.exposures.length; j++) if (s.referred[j]! > 0) sum -= s.referred[j]! * law.logF(s.exposures[j]!);
  return sum;
}

/** A log-likelihood's value, −∞ where it is not a number. */
const orMinusInfinity = (sum: number) => (Number.isNaN(sum) ? -Infinity : sum);

/**
 * The joint log-likelihood of dated records at θ = (log K, log k, a, b), a and b the delay
 * law's working parameters (see {@link delayLaw}): the counts' part and the delays' part.
 */
export function datedLogLik(data: DatedData, family: DelayFamily, theta: readonly number[], last = longestOf(data)): number {
  const [K, k] = [Math.exp(theta[0]!), Math.exp(theta[1]!)];
  if (!Number.isFinite(K) || !Number.isFinite(k) || k <= 0) return -Infinity;
  const law = delayLaw(family, theta[2]!, theta[3]!, last);
  return orMinusInfinity(countsLogLik(data, law, K, k) + delayLogLik(data, law));
}

/** The longest exposure or delay in days (a reduction: a spread of every group into Math.max could pass the engine's argument limit). */
const longestOf = (data: DatedData) => data.delays.values.reduce((most, d) => Math.max(most, d), data.fans.reduce((most, g) => Math.max(most, g.exposure), 0));

/** ∇f at x by central differences of step h. */
const gradientOf = (f: (theta: readonly number[]) => number, x: readonly number[], h = 1e-5): number[] =>
  x.map((_, i) => (f(x.map((t, j) => t + (i === j ? h : 0))) - f(x.map((t, j) => t - (i === j ? h : 0)))) / (2 * h));

/** Starting points: K from the fans with the most exposure, the delay from the delays' moments. */
function start(data: DatedData, family: DelayFamily): number[] {
  const n = data.fans.reduce((s, g) => s + g.fans, 0);
  const seen = data.fans.reduce((s, g) => s + g.fans * g.count, 0);
  const delays = data.delays.counts.reduce((a, b) => a + b, 0);
  const mean = delays > 0 ? data.delays.values.reduce((s, d, j) => s + d * data.delays.counts[j]!, 0) / delays + 0.5 : 30;
  const variance = delays > 1 ? data.delays.values.reduce((s, d, j) => s + (d + 0.5 - mean) ** 2 * data.delays.counts[j]!, 0) / (delays - 1) : mean * mean;
  const shape = Math.min(50, Math.max(0.2, (mean * mean) / Math.max(variance, 1e-3)));
  const K = Math.max(seen / Math.max(n, 1), 1e-3) * 1.5;
  const delay = family === 'lognormal' ? [Math.log(mean) - Math.log1p(variance / (mean * mean)) / 2, Math.log(Math.sqrt(Math.log1p(variance / (mean * mean))))] : [Math.log(mean), Math.log(shape)];
  return [Math.log(K), 0, ...delay];
}

/**
 * The top of a smooth log-likelihood from a start near it, by Newton's steps θ + I(θ)⁻¹ ∇ℓ(θ)
 * (I the observed information, gradient and information by central differences), each step
 * halved until it climbs, until a step gains less than 1e-6; at most 8 steps. Where the
 * information is not that of a maximum, the simplex (maximizeN) instead. Gives the
 * information's inverse at the top: θ̂'s covariance.
 */
function newton(f: (theta: readonly number[]) => number, start: readonly number[]): { x: number[]; value: number; covariance: number[][] | null } {
  let x = [...start];
  let value = f(x);
  for (let step = 0; step < 8; step++) {
    const covariance = inverse(information(f, x));
    if (!covariance) break;
    const gradient = gradientOf(f, x);
    const move = covariance.map((row) => row.reduce((sum, c, j) => sum + c * gradient[j]!, 0));
    let scale = 1;
    let next = x.map((t, i) => t + move[i]!);
    let nextValue = f(next);
    while (!(nextValue >= value) && scale > 1e-3) {
      scale /= 2;
      next = x.map((t, i) => t + scale * move[i]!);
      nextValue = f(next);
    }
    if (!(nextValue >= value)) break;
    const gain = nextValue - value;
    [x, value] = [next, nextValue];
    // Converged: a millionth of a unit of log-likelihood is far below anything an interval shows; the step's information stands.
    if (gain < 1e-6) return { x, value, covariance };
  }
  // Not converged by Newton's steps: the simplex, from where they got.
  const best = maximizeN(f, x, 0.05);
  return { ...best, covariance: inverse(information(f, best.x)) };
}

/**
 * The joint maximum-likelihood fit of K, k and each delay law to dated records (see
 * {@link DatedData}), with 95% Wald intervals on the log scale (the delay's mean and
 * standard deviation by the delta method), AIC and Akaike weights across the laws, and the
 * naive K beside them.
 *
 * @example fitDated({ fans: [{ count: 1, exposure: 400, fans: 50 }, { count: 0, exposure: 400, fans: 50 }], delays: { values: [20, 30, 40], counts: [15, 20, 15] } }).preferred.K.value // ≈ 0.5
 */
export function fitDated(data: DatedData, families: readonly DelayFamily[] = delayFamilies): DatedResult {
  const last = longestOf(data);
  const n = data.fans.reduce((s, g) => s + g.fans, 0);
  const referrals = data.fans.reduce((s, g) => s + g.fans * g.count, 0);
  const fits = families.map((family) => {
    const f = (t: readonly number[]) => datedLogLik(data, family, t, last);
    // A start near the top: the delay alone from its own (conditional) likelihood, then K and k
    // given that delay; then all four together from there.
    const first = start(data, family);
    const delay = maximizeN((t) => orMinusInfinity(delayLogLik(data, delayLaw(family, t[0]!, t[1]!, last))), first.slice(2)).x;
    const given = delayLaw(family, delay[0]!, delay[1]!, last);
    const counts = maximizeN((t) => orMinusInfinity(countsLogLik(data, given, Math.exp(t[0]!), Math.exp(t[1]!))), first.slice(0, 2)).x;
    const best = newton(f, [...counts, ...delay]);
    const theta = best.x;
    const covariance = best.covariance;
    // Its mean and sd are closed forms of the parameters: no days need reading.
    const law = delayLaw(family, theta[2]!, theta[3]!, 0);
    // The delay's mean and standard deviation on the log scale, by the delta method (gradients by central differences).
    const logOf = (pick: (l: DelayLaw) => number) => (t: readonly number[]) => Math.log(pick(delayLaw(family, t[2]!, t[3]!, 0)));
    const interval = (value: number, logF: (t: readonly number[]) => number): Estimated => {
      if (!covariance) return { value, low: NaN, high: NaN };
      const g = gradientOf(logF, theta);
      const variance = g.reduce((s, gi, i) => s + gi * g.reduce((r, gj, j) => r + covariance[i]![j]! * gj, 0), 0);
      const se = Math.sqrt(Math.max(0, variance));
      return { value, low: value * Math.exp(-z95 * se), high: value * Math.exp(z95 * se) };
    };
    return {
      family,
      K: interval(Math.exp(theta[0]!), (t) => t[0]!),
      k: interval(Math.exp(theta[1]!), (t) => t[1]!),
      delayMean: interval(law.mean, logOf((l) => l.mean)),
      delaySd: interval(law.sd, logOf((l) => l.sd)),
      logLik: best.value,
      aic: 2 * theta.length - 2 * best.value,
      weight: 0,
      theta,
      covariance,
    };
  });
  const weights = akaikeWeights(fits.map((f) => f.aic));
  fits.forEach((f, i) => (f.weight = weights[i]!));
  const preferred = fits.reduce((a, b) => (b.aic < a.aic ? b : a));
  return { fits, preferred, measured: preferred.delayMean.value <= last, naiveK: referrals / Math.max(n, 1), n, referrals, longest: last };
}
