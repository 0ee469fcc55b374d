import type { TrialRow } from '../model/chains/montecarlo.js';
import type { Distribution } from '../model/chains/offspring.js';
import type { Style } from '../output/report.js';
import type { ChartData } from '../output/scale.js';

/** What every report of sampled runs shares: percentile columns, the law in words, the sketches' error, the chart's lines. */

/** A percentile's column: `p5`. */
export const quantileName = (q: number) => `p${q}`;

/** A sampled run's law in the reader's words: `Poisson`, `negative binomial (k = 0.5)`. */
export const lawName = ({ words, numbers }: Pick<Style, 'words' | 'numbers'>, distribution: Distribution, dispersion: number | null): string =>
  words.sampled.distribution(numbers, distribution === 'negbin' ? { kind: 'negbin', k: dispersion ?? 1 } : { kind: distribution });

/**
 * The coarsest percentiles of sampled rows: quantile sketches hold totals to 2^-14 (exact
 * below 16,384); runs of many periods with totals spread over many orders of magnitude
 * coarsen some periods. The worst relative error and the row it is in.
 */
export function coarsestRow(rows: readonly TrialRow[]): { error: number; row: number } {
  let error = 0;
  let row = 0;
  for (const r of rows) if (r.quantileError > error) [error, row] = [r.quantileError, r.period];
  return { error, row };
}

/** A chart's lines of sampled runs: the median (when asked for) and the mean, with the outer percentiles as a band. */
export function trialLines(rows: readonly TrialRow[], q: readonly number[]): Pick<ChartData, 'series' | 'band'> {
  const median = q.indexOf(50);
  return {
    // The median and the mean: with uneven referrals they tell different stories.
    series: [
      ...(median >= 0 ? [{ name: 'median (p50)', values: rows.map((r) => r.quantiles[median]!), role: 'median' as const }] : []),
      { name: 'mean', values: rows.map((r) => r.mean), role: 'mean' as const },
    ],
    ...(q.length >= 2 ? { band: { name: `p${q[0]} to p${q.at(-1)}`, low: rows.map((r) => r.quantiles[0]!), high: rows.map((r) => r.quantiles.at(-1)!), quantiles: [q[0]!, q.at(-1)!] as const } } : {}),
  };
}
