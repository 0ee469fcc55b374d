import { type ChainSizeOptions, type Family, type FitModel, chainSizeFamily, countFamily } from './families.js';
import { type Frequencies, describe } from './frequencies.js';
import { type Estimate, akaikeWeights, estimate, profileDrop } from './estimate.js';
import { chiSquareTail } from './special.js';

/** What the data are: per-fan counts (with zeros, or only fans who referred: truncated), or chain sizes. */
export type FitData =
  | { kind: 'counts'; frequencies: Frequencies; truncated: boolean }
  | { kind: 'sizes'; frequencies: Frequencies; options: ChainSizeOptions };

/** One row of the observed-versus-expected table: a value (the last row: that value or more). */
export interface FitBin {
  from: number;
  /** Inclusive; Infinity for the last, open bin ("10+"). */
  to: number;
  observed: number;
  expected: number;
}

/** Pearson's chi-square of the preferred fit, bins pooled until each expects at least 5. */
export interface GoodnessOfFit {
  statistic: number;
  df: number;
  pValue: number;
}

/** Where the data cannot carry the estimate, as data; the CLI words them. */
export type FitWarning =
  | { kind: 'few'; n: number }
  | { kind: 'noZeros' }
  | { kind: 'allZeros' }
  | { kind: 'kInfinite' }
  | { kind: 'kZero' }
  | { kind: 'zerosMayBeMissing' }
  | { kind: 'unstable' }
  /** K's profile interval reaches 0: the data do not bound K from below (k's floor would set the bound otherwise). */
  | { kind: 'towardsZero' };

/** A whole fit: every candidate, Akaike weights, the preferred one, how well it fits. */
export interface FitResult {
  data: FitData;
  n: number;
  mean: number;
  variance: number;
  candidates: (Estimate & { weight: number })[];
  preferred: Estimate & { weight: number };
  table: FitBin[];
  /**
   * Every candidate's expected counts in the table's bins (the preferred one's are the
   * table's `expected`): the fitted curves of the observed-versus-expected chart. Each sums to n.
   */
  curves: { model: FitModel; expected: number[] }[];
  goodness: GoodnessOfFit | null;
  warnings: FitWarning[];
}

/** The candidate models for the data: counts take zero-inflated forms too (not when truncated: no zeros to inflate). */
export function candidateModels(data: FitData): FitModel[] {
  if (data.kind === 'sizes') return ['poisson', 'geometric', 'negbin'];
  return data.truncated ? ['poisson', 'geometric', 'negbin'] : ['poisson', 'geometric', 'negbin', 'zip', 'zinb'];
}

function familyOf(data: FitData, model: FitModel): Family {
  return data.kind === 'counts' ? countFamily(model, data.frequencies, data.truncated) : chainSizeFamily(model as 'poisson' | 'geometric' | 'negbin', data.frequencies, data.options);
}

/** Bins of the observed-versus-expected table: each value from the first possible to 9, then "10+". */
function bins(data: FitData, family: Family, theta: readonly number[], n: number): FitBin[] {
  const first = data.kind === 'sizes' || data.truncated ? 1 : 0;
  // A censored size is only known to be at least `censoredAt`: the open bin starts there at the latest.
  const open = data.kind === 'sizes' && data.options.censoredAt !== undefined ? Math.min(10, data.options.censoredAt) : 10;
  const rows: FitBin[] = [];
  let expectedSoFar = 0;
  const observed = (from: number, to: number) => data.frequencies.values.reduce((sum, v, j) => (v >= from && v <= to ? sum + data.frequencies.counts[j]! : sum), 0);
  const minSize = data.kind === 'sizes' ? (data.options.minSize ?? 1) : first;
  const logShift = data.kind === 'sizes' && minSize > 1 ? Math.log1p(-Array.from({ length: minSize - 1 }, (_, i) => Math.exp(family.logProbability(theta, i + 1))).reduce((a, b) => a + b, 0)) : 0;
  for (let x = Math.max(first, minSize); x < open; x++) {
    const expected = n * Math.exp(family.logProbability(theta, x) - logShift);
    expectedSoFar += expected;
    rows.push({ from: x, to: x, observed: observed(x, x), expected });
  }
  rows.push({ from: open, to: Infinity, observed: observed(open, Infinity), expected: Math.max(0, n - expectedSoFar) });
  return rows;
}

/** Pearson's chi-square over bins pooled left to right until each expects at least 5; df = bins - 1 - parameters. */
export function goodnessOfFit(table: readonly FitBin[], parameters: number): GoodnessOfFit | null {
  const pooled: { observed: number; expected: number }[] = [];
  let current = { observed: 0, expected: 0 };
  for (const bin of table) {
    current = { observed: current.observed + bin.observed, expected: current.expected + bin.expected };
    if (current.expected >= 5) {
      pooled.push(current);
      current = { observed: 0, expected: 0 };
    }
  }
  if (current.expected > 0 || current.observed > 0) {
    if (pooled.length === 0) return null;
    const last = pooled.at(-1)!;
    pooled[pooled.length - 1] = { observed: last.observed + current.observed, expected: last.expected + current.expected };
  }
  const df = pooled.length - 1 - parameters;
  if (df < 1) return null;
  const statistic = pooled.reduce((sum, b) => sum + (b.observed - b.expected) ** 2 / b.expected, 0);
  return { statistic, df, pValue: chiSquareTail(statistic, df) };
}

/**
 * Fits every candidate distribution by maximum likelihood and compares them by AIC and
 * Akaike weights; the preferred fit gets an observed-versus-expected table and a chi-square
 * test. All zeros (no referrals at all) fit only the Poisson with K = 0, whose 95% upper
 * bound is where N K = 1.92 (the profile of -N K).
 *
 * @example fitReferrals({ kind: 'counts', frequencies: { values: [0, 1, 2], counts: [5, 3, 2] }, truncated: false }).preferred.parameters.K // => 0.7
 */
export function fitReferrals(data: FitData): FitResult {
  const summary = describe(data.frequencies);
  const warnings: FitWarning[] = [];
  if (summary.n < 30) warnings.push({ kind: 'few', n: summary.n });
  const allZero = data.kind === 'counts' ? summary.sum === 0 : summary.max <= 1 && data.options.censoredAt === undefined;
  let candidates: (Estimate & { weight: number })[];
  if (allZero) {
    warnings.push({ kind: 'allZeros' });
    const upper = profileDrop / summary.n;
    candidates = [
      {
        model: 'poisson',
        theta: [-Infinity],
        parameters: { K: 0, k: Infinity, nonreferrers: 0 },
        logLik: 0,
        size: 1,
        aic: 2,
        intervals: { K: { profile: [0, upper], wald: [0, 0] }, k: null, nonreferrers: null },
        covariance: null,
        standardErrors: [0],
        edge: null,
        weight: 1,
      },
    ];
  } else {
    const fits = candidateModels(data).map((model) => estimate(familyOf(data, model)));
    const weights = akaikeWeights(fits.map((f) => f.aic));
    candidates = fits.map((f, i) => ({ ...f, weight: weights[i]! }));
  }
  const preferred = candidates.reduce((best, c) => (c.aic < best.aic ? c : best));
  if (data.kind === 'counts' && !data.truncated && summary.zeros === 0 && !allZero) warnings.push({ kind: 'noZeros' });
  const nb = candidates.find((c) => c.model === 'negbin');
  if (nb?.edge === 'infinite') warnings.push({ kind: 'kInfinite' });
  if (nb?.edge === 'zero') warnings.push({ kind: 'kZero' });
  // An interval that collapsed onto its estimate: the likelihood could not be evaluated beside it.
  const collapsed = (i: { profile: [number, number] } | null, v: number) => i !== null && v > 0 && Number.isFinite(v) && i.profile[1] - i.profile[0] <= 1e-9 * v;
  if (!allZero && preferred.parameters.K > 0 && preferred.intervals.K.profile[0] === 0) warnings.push({ kind: 'towardsZero' });
  if (!allZero && (collapsed(preferred.intervals.K, preferred.parameters.K) || collapsed(preferred.intervals.k, preferred.parameters.k))) warnings.push({ kind: 'unstable' });
  const table = allZero ? [] : bins(data, familyOf(data, preferred.model), preferred.theta, summary.n);
  const curves = allZero ? [] : candidates.map((c) => ({ model: c.model, expected: bins(data, familyOf(data, c.model), c.theta, summary.n).map((b) => b.expected) }));
  return {
    data,
    n: summary.n,
    mean: summary.mean,
    variance: summary.variance,
    candidates,
    preferred,
    table,
    curves,
    goodness: allZero ? null : goodnessOfFit(table, preferred.size),
    warnings,
  };
}
