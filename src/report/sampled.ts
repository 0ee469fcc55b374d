import { concentration } from '../model/chains/concentration.js';
import { type ChainParams, type TrialRow, theoreticalExtinction, theoryByPeriod } from '../model/chains/montecarlo.js';
import { type Distribution, chainFactor } from '../model/chains/offspring.js';
import type { FittedRun } from '../model/fit/fitted-run.js';
import type { Cell } from '../output/delimited.js';
import type { Report, Style } from '../output/report.js';
import type { ChartData } from '../output/scale.js';
import { chartTitle } from './chart-title.js';
import { type ReportPart, joinParts } from './part.js';
import type { CalendarAxis } from './calendar.js';
import type { CompoundRun } from './compound.js';
import { type TreeRun, elapsedColumn, simulateParameters } from './simulate.js';

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

/** The model a sampled run's report names: the tree's flags or the compound model's. */
export type SampledModel = { command: 'simulate'; p: TreeRun } | { command: 'compound'; p: CompoundRun };

/** The trial flags a sampled run's report shows: runs, seed, percentiles and the law. */
export interface TrialsShown {
  trials?: number | null | undefined;
  seed: number;
  quantiles: readonly number[];
  distribution: Distribution;
  dispersion: number | null;
}

/** The report of a sampled run: mean, quantiles and the share extinct per period; on the calendar, laid out by `axis` (see report/calendar.ts). */
export function trialReport(model: SampledModel, chain: ChainParams, t: TrialsShown, rows: readonly TrialRow[], fitted?: FittedRun, parts: readonly ReportPart[] = [], axis: CalendarAxis | null = null): Report {
  const tree = model.command === 'simulate';
  const periodName = tree ? 'level' : 'year';
  const elapsed = tree ? elapsedColumn(model.p.cycle) : null;
  const names = t.quantiles.map(quantileName);
  // Theory beside the runs (none with a market: no longer a Galton-Watson process).
  const theories = theoryByPeriod(chain);
  // Theory holds K and k fixed and knows no bought fans: beside runs that draw K or buy fans it would mislead.
  const outsideTheory = chain.draws !== undefined || (chain.paid ?? 0) > 0;
  const withTheory = theories[0]!.mean !== null && !outsideTheory;
  const byPeriod = rows.map((r) => {
    const row: Record<string, Cell> = { [periodName]: r.period };
    if (elapsed) row[elapsed.name] = elapsed.at(r.period);
    row.mean = r.mean;
    const theory = theories[r.period]!;
    if (withTheory) {
      row.meanTheory = theory.mean;
      row.sdTheory = theory.sd;
    }
    names.forEach((name, i) => (row[name] = r.quantiles[i]!));
    row.extinct = r.extinct;
    if (withTheory) row.extinctTheory = theory.extinct;
    return row;
  });
  const trials = t.trials!;
  // By period, a period's new fans: the runs' summed totals' difference, divided once (no rounding noise).
  const table = axis ? axis.rows(byPeriod, (from, to) => (rows[to]!.sum - (from < 0 ? 0 : rows[from]!.sum)) / trials) : byPeriod;
  const last = rows.at(-1)!;
  const estimate = last.extinct;
  const standardError = Math.sqrt((estimate * (1 - estimate)) / trials);
  const theory = theoreticalExtinction(chain);
  const eightyTwenty = concentration(chain.offspring, chain.nonreferrers ?? 0);
  // Runs of many periods coarsen some periods' percentiles: say so.
  const { error: worstError, row: coarsest } = coarsestRow(rows);
  const k = chainFactor(chain);
  const summary = ({ words, numbers }: Style) => {
    const sampled = words.sampled;
    const by = sampled.period(numbers, tree, chain.periods);
    const distribution = lawName({ words, numbers }, t.distribution, t.dispersion);
    // A percentile range means something only with enough runs in its tails: at least one run
    // below the lowest and one above the highest percentile asked for.
    const tail = t.quantiles.length >= 2 ? Math.min(t.quantiles[0]!, 100 - t.quantiles.at(-1)!) / 100 : 0;
    const enough = tail > 0 && trials * tail >= 1;
    const spread =
      t.quantiles.length < 2
        ? ''
        : enough
          ? sampled.spread(numbers, { share: (t.quantiles.at(-1)! - t.quantiles[0]!) / 100, low: last.quantiles[0]!, high: last.quantiles.at(-1)! })
          : sampled.tooFew(numbers, { trials, low: t.quantiles[0]!, high: t.quantiles.at(-1)!, needs: Math.ceil(1 / tail) });
    return [
      sampled.runs(numbers, { trials, distribution, k, yearly: !tree, seed: t.seed }),
      sampled.meanTotal(numbers, { by, mean: last.mean, spread }),
      // With no (or only) extinct runs the standard error is 0, which says nothing: give the
      // exact one-sided 95% bound (Clopper-Pearson: 1 - 0.05^(1/N), about 3/N for large N).
      estimate === 0
        ? sampled.extinctNone(numbers, { by, trials, bound: -Math.expm1(Math.log(0.05) / trials) })
        : estimate === 1
          ? sampled.extinctAll(numbers, { by, trials, bound: Math.exp(Math.log(0.05) / trials) })
          : sampled.extinctSome(numbers, { by, estimate, error: standardError }),
      ...(worstError > 2 ** -14 ? [sampled.percentilesWithin(numbers, { error: worstError, period: coarsest, periods: chain.periods + 1 })] : []),
      ...(eightyTwenty ? [sampled.eightyTwenty(numbers, eightyTwenty)] : []),
      ...(outsideTheory ? [] : [theory === null ? sampled.noTheory : sampled.theory(numbers, { q: theory, start: chain.start })]),
      ...(fitted ? [words.fit.sampledFrom(numbers, { file: fitted.file, model: words.fit.model(fitted.model), draws: 'lognormal' })] : []),
      ...(fitted?.fixed && t.quantiles.length >= 2
        ? [
            words.fit.sampledWider(numbers, {
              ratio: (last.quantiles.at(-1)! - last.quantiles[0]!) / Math.max(1e-300, fitted.fixed.at(-1)! - fitted.fixed[0]!),
              low: last.quantiles[0]!,
              high: last.quantiles.at(-1)!,
              fixedLow: fitted.fixed[0]!,
              fixedHigh: fitted.fixed.at(-1)!,
              quantiles: [t.quantiles[0]!, t.quantiles.at(-1)!],
            }),
          ]
        : []),
    ];
  };
  const modelParameters = tree ? simulateParameters(model.p) : model.p;
  const chartFlags = { ...modelParameters, trials, seed: t.seed, distribution: t.distribution, dispersion: t.dispersion };
  const columns = [periodName, ...(elapsed ? [elapsed.name] : []), 'mean', ...(withTheory ? ['meanTheory', 'sdTheory'] : []), ...names, 'extinct', ...(withTheory ? ['extinctTheory'] : [])];
  const chart: ChartData = {
    title: chartTitle(model.command, chartFlags, { start: 1, conversion: 1, churn: 0, nonreferrers: 0, paid: 0, distribution: 'poisson' }),
    caption: { kind: tree ? 'tree' : 'compound', start: chain.start, rate: chain.offspring.introductions, periods: chain.periods, conversion: chain.offspring.conversion, churn: chain.churn, trials },
    ...(chain.market !== null ? { market: chain.market } : {}),
    xLabel: elapsed ? elapsed.name : periodName,
    ...(elapsed ? { xValues: rows.map((r) => elapsed.at(r.period)) } : {}),
    ...trialLines(rows, t.quantiles),
  };
  // On the calendar the dates say the total (by period, the mean total at the last period's last cycle).
  const shownTotal = axis?.kind === 'periods' ? Number(table.at(-1)!.mean) : last.mean;
  return joinParts(
    {
      columns: axis ? axis.columns(columns) : columns,
      rows: table,
      shares: ['extinct', 'extinctTheory'],
      constants: { seed: t.seed },
      summary: axis ? axis.summary(model.p.start, shownTotal, summary) : summary,
      chart: axis ? axis.chart(chart) : chart,
      json: {
        command: model.command,
        parameters: {
          ...modelParameters,
          trials,
          seed: t.seed,
          distribution: t.distribution,
          dispersion: t.distribution === 'negbin' ? t.dispersion : t.distribution === 'geometric' ? 1 : null,
          quantiles: t.quantiles,
        },
        rows: table,
        extinction: { by: chain.periods, estimate, standardError, theory: outsideTheory ? null : theory },
        quantileError: worstError,
        concentration: eightyTwenty ? { p80: eightyTwenty.p80, t20: eightyTwenty.t20 } : null,
        ...(fitted
          ? {
              fit: {
                file: fitted.file,
                model: fitted.model,
                K: fitted.K,
                k: Number.isFinite(fitted.k) ? fitted.k : null,
                nonreferrers: fitted.nonreferrers,
                fixedBand: fitted.fixed ? [fitted.fixed[0]!, fitted.fixed.at(-1)!] : null,
              },
            }
          : {}),
      },
    },
    axis ? axis.parts(parts) : parts,
  );
}
