import { concentration } from '../model/chains/concentration.js';
import { theoreticalExtinction } from '../model/chains/montecarlo.js';
import type { Offspring } from '../model/chains/offspring.js';
import { largestSpread } from '../model/calendar/delays.js';
import { isoOfDay } from '../model/calendar/iso-of-day.js';
import type { DatedResult } from '../model/fit/dated.js';
import type { Estimate } from '../model/fit/estimate.js';
import type { FitModel } from '../model/fit/families.js';
import type { FitResult } from '../model/fit/fit.js';
import type { FitInput } from '../model/fit/fit-input.js';
import type { Cell } from '../output/delimited.js';
import type { Json } from '../output/json.js';
import type { Report, Style, TableData } from '../output/report.js';
import { type FitQuantity, fitQuantities } from '../output/words/words.js';

/**
 * `fans fit` as a report: the candidates' estimates, the observed and expected counts, the
 * fit's figures, the delays of dated records, and the commands that project the fit.
 */

/** A records file as a report names it: its label for messages (`<stdin>`, escaped; see cli/flags/parse.ts's fileLabel), and its name without folders for a picture's title. */
export interface FileNames {
  label: string;
  name: string;
}

/** What a fit's report says of how the file was read: counts per period, and the options that shape the data. */
export interface FitShown {
  per?: CountPeriod | null;
  fans?: number | undefined;
  censoredAt?: number | undefined;
  minSize?: number | undefined;
  sheet?: string | undefined;
}

/** The offspring law and nonreferrers' share a fit stands for, as `fans simulate` takes them. */
export function offspringOf(e: Estimate): { offspring: Offspring; nonreferrers: number } {
  const { K, k, nonreferrers } = e.parameters;
  const distribution = e.model === 'geometric' ? 'geometric' : Number.isFinite(k) ? 'negbin' : 'poisson';
  return { offspring: { distribution, introductions: K / (1 - nonreferrers), conversion: 1, dispersion: Number.isFinite(k) ? k : 1 }, nonreferrers };
}

/**
 * A number for a command line: six significant digits, no grouping, and read the same under
 * every locale: `1.537` (one mark before three digits) would be refused as 1537-or-1.537
 * under nl-NL, so it is written `1.5370`.
 */
const plain = (x: number) => {
  const text = String(Number(x.toPrecision(6)));
  return /^[1-9]\d{0,2}\.\d{3}$/.test(text) ? `${text}0` : text;
};

/** The periods a column of counts may be per (`fans fit --counts-per year`), and the cycle each is in `fans compound`. */
export const countPeriods = ['year', 'quarter', 'month', 'week', 'day'] as const;

export type CountPeriod = (typeof countPeriods)[number];

const periodCycles: Record<CountPeriod, string> = { year: '1y', quarter: '3m', month: '1m', week: '1w', day: '1d' };

/**
 * The command that projects a fit: `fans simulate --fanout 1.87 --distribution negbin --dispersion 0.49 --trials 100000`
 * for lifetime counts; with counts per period, `fans compound --rate 0.59 …` (`--cycle 1m` for a month).
 */
export function projection(e: Estimate, per: CountPeriod | null = null): string {
  const { offspring, nonreferrers } = offspringOf(e);
  return [
    // Lifetime counts: the tree (each fan refers once, K in all); counts per period: the compound rate (every fan keeps referring, K a period).
    per === null ? `fans simulate --fanout ${plain(offspring.introductions)}` : `fans compound --rate ${plain(offspring.introductions)}${per === 'year' ? '' : ` --cycle ${periodCycles[per]}`}`,
    `--distribution ${offspring.distribution}`,
    ...(offspring.distribution === 'negbin' ? [`--dispersion ${plain(offspring.dispersion)}`] : []),
    ...(nonreferrers > 0 ? [`--nonreferrers ${plain(nonreferrers)}`] : []),
    '--trials 100000',
  ].join(' ');
}

const cellOf = (v: number): Cell => (Number.isFinite(v) ? v : Number.isNaN(v) ? null : v > 0 ? '∞' : '-∞');

/** A number for JSON: null where it is not finite (JSON has no infinity). */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * The command that projects a dated fit on the calendar: K and k corrected for exposure, the
 * fitted delay as the cycle (its mean, whole days) and its spread (its standard deviation, at
 * most the widest the calendar's delays take for that mean: √(μ² − μ)), from the export's date.
 */
export function datedProjection(dated: DatedResult, asOf: string): string {
  const fit = dated.preferred;
  const cycle = Math.max(1, Math.round(fit.delayMean.value));
  const spread = Math.round(Math.min(fit.delaySd.value, largestSpread(cycle)));
  return [
    `fans simulate --fanout ${plain(fit.K.value)} --distribution negbin --dispersion ${plain(fit.k.value)}`,
    `--cycle ${cycle}d`,
    ...(spread > 0 ? [`--cycle-spread ${spread}d`] : []),
    `--start-date ${asOf} --trials 100000`,
  ].join(' ');
}

/**
 * `fans fit` as a report: a row per candidate distribution; then the observed counts with
 * each candidate's expected ones (the preferred's as `expected`, the others' as
 * `expected_<model>`), and, for files, the fit's figures as a table of names and values; the
 * meaning in words; the picture of observed and expected counts.
 */
export function fitReport(result: FitResult, input: Pick<FitInput, 'shape' | 'columns' | 'dated'>, file: FileNames, options: FitShown = {}, dated: DatedResult | null = null): Report {
  const best = result.preferred;
  const { offspring, nonreferrers } = offspringOf(best);
  // The chance a chain dies out in the model the counts describe: the tree's, or with counts per period the compound's (every fan stays and keeps referring).
  const extinction = best.parameters.K > 0 ? theoreticalExtinction({ model: options.per ? 'compound' : 'tree', start: 1, periods: 1, offspring, churn: 0, market: null, nonreferrers }) : 1;
  const eightyTwenty = best.parameters.K > 0 ? concentration(offspring, nonreferrers) : null;
  const sizes = result.data.kind === 'sizes';
  const zeroInflated = result.candidates.some((c) => c.model === 'zip' || c.model === 'zinb');
  const columns = ['model', 'K', 'K_low', 'K_high', 'k', 'k_low', 'k_high', ...(zeroInflated ? ['nonreferrers'] : []), 'logLik', 'AIC', 'weight'];
  const rows = result.candidates.map((c) => ({
    model: c.model,
    K: c.parameters.K,
    K_low: cellOf(c.intervals.K.profile[0]),
    K_high: cellOf(c.intervals.K.profile[1]),
    k: c.model === 'poisson' || c.model === 'zip' ? null : cellOf(c.parameters.k),
    k_low: c.intervals.k ? cellOf(c.intervals.k.profile[0]) : null,
    k_high: c.intervals.k ? cellOf(c.intervals.k.profile[1]) : null,
    ...(zeroInflated ? { nonreferrers: c.intervals.nonreferrers ? c.parameters.nonreferrers : null } : {}),
    logLik: cellOf(c.logLik),
    AIC: cellOf(c.aic),
    weight: cellOf(c.weight),
  }));
  const valueName = sizes ? 'size' : 'referrals';
  const others = result.curves.filter((c) => c.model !== best.model);
  const table = result.table.map((b, i) => ({
    [valueName]: Number.isFinite(b.to) ? b.from : `${b.from}+`,
    observed: b.observed,
    expected: cellOf(b.expected),
    ...Object.fromEntries(others.map((c) => [`expected_${c.model}`, cellOf(c.expected[i]!)])),
  }));
  const observedTable: TableData = { columns: [valueName, 'observed', 'expected', ...others.map((c) => `expected_${c.model}`)], rows: table, summary: () => [], sheet: 'observed', heading: (words, c) => (c === 'expected' ? words.column(`expected_${best.model}`) : undefined) };
  const wald = (i: { wald: [number, number] } | null, end: 0 | 1) => (i === null ? null : cellOf(i.wald[end]));
  const profile = (i: { profile: [number, number] } | null, end: 0 | 1) => (i === null ? null : cellOf(i.profile[end]));
  const figures: Record<FitQuantity, Cell> = {
    file: file.label,
    shape: input.shape,
    n: result.n,
    mean: cellOf(result.mean),
    variance: cellOf(result.variance),
    preferred: best.model,
    weight: cellOf(best.weight),
    K: cellOf(best.parameters.K),
    K_low: profile(best.intervals.K, 0),
    K_high: profile(best.intervals.K, 1),
    k: best.intervals.k ? cellOf(best.parameters.k) : null,
    k_low: profile(best.intervals.k, 0),
    k_high: profile(best.intervals.k, 1),
    nonreferrers: best.intervals.nonreferrers ? best.parameters.nonreferrers : null,
    nonreferrers_low: profile(best.intervals.nonreferrers, 0),
    nonreferrers_high: profile(best.intervals.nonreferrers, 1),
    K_wald_low: best.parameters.K > 0 ? wald(best.intervals.K, 0) : null,
    K_wald_high: best.parameters.K > 0 ? wald(best.intervals.K, 1) : null,
    k_wald_low: wald(best.intervals.k, 0),
    k_wald_high: wald(best.intervals.k, 1),
    chiSquare: result.goodness?.statistic ?? null,
    df: result.goodness?.df ?? null,
    p: result.goodness?.pValue ?? null,
    extinction,
    p80: eightyTwenty?.p80 ?? null,
    projection: best.parameters.K > 0 ? projection(best, options.per ?? null) : null,
  };
  const figuresTable: TableData = {
    columns: ['quantity', 'value'],
    rows: fitQuantities.map((name) => ({ quantity: name, value: figures[name] })),
    summary: () => [],
    sheet: 'fit',
    filesOnly: true,
    named: (words, name) => words.fit.quantity(name as FitQuantity),
  };
  const numbers = (interval: 'profile' | 'wald') => ({
    interval,
    K: best.parameters.K,
    KLow: best.intervals.K[interval][0],
    KHigh: best.intervals.K[interval][1],
    k: best.intervals.k ? best.parameters.k : null,
    kLow: best.intervals.k?.[interval][0] ?? NaN,
    kHigh: best.intervals.k?.[interval][1] ?? NaN,
    nonreferrers: best.intervals.nonreferrers ? best.parameters.nonreferrers : null,
    nonreferrersLow: best.intervals.nonreferrers?.[interval][0] ?? NaN,
    nonreferrersHigh: best.intervals.nonreferrers?.[interval][1] ?? NaN,
  });
  const when = input.dated ? { column: input.dated.column, from: isoOfDay(input.dated.from), asOf: isoOfDay(input.dated.asOf) } : null;
  const datedLines = (fit: Style['words']['fit'], n: Style['numbers']) => {
    if (!dated || !when) return [];
    const best = dated.preferred;
    return [
      fit.dated(n, { ...when, fans: dated.n, referrals: dated.referrals }),
      fit.delay(n, { law: fit.delayLaw(best.family), weight: best.weight, mean: best.delayMean.value, meanLow: best.delayMean.low, meanHigh: best.delayMean.high, sd: best.delaySd.value, sdLow: best.delaySd.low, sdHigh: best.delaySd.high }),
      fit.corrected(n, { K: best.K.value, KLow: best.K.low, KHigh: best.K.high, k: best.k.value, kLow: best.k.low, kHigh: best.k.high, naive: dated.naiveK }),
      ...(dated.measured ? [] : [fit.unmeasured(n, { mean: best.delayMean.value, longest: dated.longest })]),
    ];
  };
  const summary = ({ words, numbers: n }: Style) => {
    const fit = words.fit;
    return [
      fit.data(n, { shape: input.shape, n: result.n, mean: result.mean, variance: result.variance }),
      ...datedLines(fit, n),
      fit.preferred(n, { model: fit.model(best.model), weight: best.weight }),
      fit.estimate(n, numbers('profile')),
      ...(best.parameters.K > 0 ? [fit.estimate(n, numbers('wald'))] : []),
      fit.goodness(n, result.goodness === null ? null : { statistic: result.goodness.statistic, df: result.goodness.df, p: result.goodness.pValue }),
      ...(extinction === null ? [] : [fit.meaning(n, { extinction, p80: eightyTwenty?.p80 ?? null, sizes })]),
      ...(best.parameters.K > 0 ? [fit.which(n, { per: options.per ?? null, dated: input.dated !== undefined }), fit.project(projection(best, options.per ?? null))] : []),
      ...(dated && when && dated.measured ? [fit.projectDated(datedProjection(dated, when.asOf))] : []),
      ...result.warnings.map((w) => fit.warning(n, w)),
      ...(result.data.kind === 'counts' && result.data.truncated ? [fit.warning(n, { kind: 'zerosMayBeMissing' })] : []),
    ];
  };
  const interval = (i: { profile: [number, number]; wald: [number, number] } | null) =>
    i === null ? null : { profile: i.profile.map((v) => (Number.isFinite(v) ? v : null)), wald: i.wald.map((v) => (Number.isFinite(v) ? v : null)) };
  return {
    columns,
    rows,
    // Models by their names in the reader's language; CSV, TSV and JSON keep the codes `--distribution` takes.
    named: (words, model) => words.fit.short(model as FitModel),
    summary,
    after: [observedTable, figuresTable, ...(dated ? [delaysTable(dated)] : [])],
    ...(result.table.length > 0
      ? {
          fitChart: {
            file: file.name,
            sizes,
            bins: result.table.map((b) => (Number.isFinite(b.to) ? String(b.from) : `${b.from}+`)),
            observed: result.table.map((b) => b.observed),
            // The preferred first, then by weight.
            curves: [...result.curves]
              .map((c) => ({ ...c, weight: result.candidates.find((d) => d.model === c.model)!.weight }))
              .sort((a, b) => (a.model === best.model ? -1 : b.model === best.model ? 1 : b.weight - a.weight)),
            estimate: numbers('profile'),
          },
        }
      : {}),
    json: {
      command: 'fit',
      file: file.label,
      // What the reading assumed, as given: --sheet, --fans, --censored-at, --min-size (the file and its columns are above).
      parameters: Object.fromEntries(Object.entries({ sheet: options.sheet, fans: options.fans, censoredAt: options.censoredAt, minSize: options.minSize, countsPer: options.per ?? undefined }).filter(([, v]) => v !== undefined)) as { [key: string]: Json },
      shape: input.shape,
      columns: input.columns,
      n: result.n,
      mean: finite(result.mean),
      variance: finite(result.variance),
      preferred: best.model,
      candidates: result.candidates.map((c) => ({
        model: c.model,
        K: finite(c.parameters.K),
        k: Number.isFinite(c.parameters.k) && c.model !== 'poisson' && c.model !== 'zip' ? c.parameters.k : null,
        nonreferrers: c.intervals.nonreferrers ? c.parameters.nonreferrers : null,
        intervals: { K: interval(c.intervals.K), k: interval(c.intervals.k), nonreferrers: interval(c.intervals.nonreferrers) },
        logLik: finite(c.logLik),
        aic: finite(c.aic),
        weight: finite(c.weight),
        edge: c.edge,
        // Its expected counts in the table's bins.
        expected: (result.curves.find((d) => d.model === c.model)?.expected ?? []).map(finite),
      })),
      table: result.table.map((b) => ({ from: b.from, to: finite(b.to), observed: b.observed, expected: finite(b.expected) })),
      goodnessOfFit: result.goodness === null ? null : { ...result.goodness },
      extinction,
      p80: eightyTwenty?.p80 ?? null,
      projection: best.parameters.K > 0 ? projection(best, options.per ?? null) : null,
      // Which model the counts describe: lifetime counts the tree, counts per period the compound rate.
      model: options.per ? 'compound' : 'tree',
      per: options.per ?? null,
      warnings: result.warnings.map((w) => w.kind),
      ...(dated && when
        ? {
            dated: {
              column: when.column,
              from: when.from,
              asOf: when.asOf,
              fans: dated.n,
              referrals: dated.referrals,
              naiveK: dated.naiveK,
              measured: dated.measured,
              preferred: dated.preferred.family,
              fits: dated.fits.map((f) => ({
                delay: f.family,
                K: estimated(f.K),
                k: estimated(f.k),
                meanDays: estimated(f.delayMean),
                sdDays: estimated(f.delaySd),
                logLik: finite(f.logLik),
                aic: finite(f.aic),
                weight: finite(f.weight),
              })),
              projection: dated.measured ? datedProjection(dated, when.asOf) : null,
            },
          }
        : {}),
    },
  };
}

/** An estimate and its 95% interval for JSON: null where not finite. */
const estimated = (e: { value: number; low: number; high: number }) => ({ value: finite(e.value), low: finite(e.low), high: finite(e.high) });

/** The dated fit's table: a row per delay law, K and k corrected for exposure, the delay's mean and sd in days, each with its 95% interval. */
function delaysTable(dated: DatedResult): TableData {
  return {
    columns: ['delay', 'K', 'K_low', 'K_high', 'k', 'k_low', 'k_high', 'meanDays', 'meanDays_low', 'meanDays_high', 'sdDays', 'sdDays_low', 'sdDays_high', 'logLik', 'AIC', 'weight'],
    rows: dated.fits.map((f) => ({
      delay: f.family,
      K: cellOf(f.K.value),
      K_low: cellOf(f.K.low),
      K_high: cellOf(f.K.high),
      k: cellOf(f.k.value),
      k_low: cellOf(f.k.low),
      k_high: cellOf(f.k.high),
      meanDays: cellOf(f.delayMean.value),
      meanDays_low: cellOf(f.delayMean.low),
      meanDays_high: cellOf(f.delayMean.high),
      sdDays: cellOf(f.delaySd.value),
      sdDays_low: cellOf(f.delaySd.low),
      sdDays_high: cellOf(f.delaySd.high),
      logLik: cellOf(f.logLik),
      AIC: cellOf(f.aic),
      weight: cellOf(f.weight),
    })),
    summary: () => [],
    sheet: 'delays',
    named: (words, law) => words.fit.delayLaw(law as DatedResult['preferred']['family']),
  };
}
