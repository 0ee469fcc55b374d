import { concentration } from '../../model/chains/concentration.js';
import { type FitData, type FitResult, fitReferrals } from '../../model/fit/fit.js';
import type { Estimate } from '../../model/fit/estimate.js';
import type { FitModel } from '../../model/fit/families.js';
import { type ParameterDraws, cholesky, drawsOf, largestK } from '../../model/fit/draws.js';
import type { DatedLaw } from '../../model/fit/fitted-run.js';
import { theoreticalExtinction } from '../../model/chains/montecarlo.js';
import type { Offspring } from '../../model/chains/offspring.js';
import type { Cell } from '../../output/delimited.js';
import type { Json } from '../../output/json.js';
import type { Report, Style, TableData } from '../../output/render.js';
import { type FitQuantity, fitQuantities } from '../../output/words/words.js';
import { type FitInput, type InputFormat, inputFormats, maxFitBytes, readFitInput, withMissingZeros } from '../io/fit-input.js';
import { type Io, UsageError } from '../io/io.js';
import { decodeText, readFileBytes } from '../io/read-text.js';
import type { SheetRows } from '../io/read-sheet.js';
import { fileLabel, isInvalid, quoted, wholeNumber } from '../flags/parse.js';
import { type DatedResult, fitDated } from '../../model/fit/dated.js';
import { largestSpread } from '../../model/calendar/delays.js';
import { isoOfDay, recordDay } from '../io/record-dates.js';

/** The flags of `fans fit`, as commander hands them over. */
export interface FitFlags {
  input?: string;
  column?: string;
  fans?: string;
  zeroTruncated?: boolean;
  id?: string;
  referredBy?: string;
  sizes?: boolean;
  censoredAt?: string;
  minSize?: string;
  sheet?: string;
  joined?: string;
  asOf?: string;
  countsPer?: string;
}

/** Largest --censored-at and --min-size: each likelihood evaluation sums that many terms. */
export const maxSizeLimit = 1_000;

function whole(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = wholeNumber(min, max)(text);
  if (isInvalid(value)) throw new UsageError(`${flag} ${value.invalid} (got ${quoted(text)})`);
  return value;
}

/** The checked options of a fit, from flags; a UsageError for flags that do not go together. */
export function fitOptions(flags: FitFlags) {
  const input = flags.input;
  if (input !== undefined && !(inputFormats as readonly string[]).includes(input)) throw new UsageError(`--input must be one of ${inputFormats.join(', ')} (got ${quoted(input)})`);
  const sizes = flags.sizes === true;
  const fans = whole('--fans', flags.fans, 1, 1e9);
  const censoredAt = whole('--censored-at', flags.censoredAt, 2, maxSizeLimit);
  const minSize = whole('--min-size', flags.minSize, 2, maxSizeLimit);
  const truncated = flags.zeroTruncated === true;
  if (!sizes && (censoredAt !== undefined || minSize !== undefined)) throw new UsageError(`${censoredAt !== undefined ? '--censored-at' : '--min-size'} applies to chain sizes: add --sizes`);
  if (sizes && (fans !== undefined || truncated)) throw new UsageError(`${fans !== undefined ? '--fans' : '--zero-truncated'} applies to per-fan counts, not to --sizes`);
  // A chain's size is one number: there is no who-referred-whom to read beside --sizes.
  if (sizes && (flags.id !== undefined || flags.referredBy !== undefined)) throw new UsageError(`${flags.id !== undefined ? '--id' : '--referred-by'} names the columns of who referred whom, not of --sizes (give --column for the sizes)`);
  if (truncated && fans !== undefined) throw new UsageError('--fans and --zero-truncated say different things: give --fans N when you know how many fans there are, --zero-truncated when you do not');
  if (censoredAt !== undefined && minSize !== undefined && minSize >= censoredAt) throw new UsageError(`--min-size must be below --censored-at (got ${minSize} and ${censoredAt})`);
  // Join dates belong to who referred whom: a count or a size carries no date of a referral.
  if ((flags.joined !== undefined || flags.asOf !== undefined) && (sizes || flags.column !== undefined)) throw new UsageError(`${flags.joined !== undefined ? '--joined' : '--as-of'} dates who referred whom (columns id and referred_by), not ${sizes ? 'chain sizes' : 'a column of counts'}`);
  if (flags.asOf !== undefined && fans !== undefined) throw new UsageError('--fans adds fans with no date: it does not go with --as-of');
  const per = flags.countsPer === undefined ? null : (flags.countsPer.trim().toLowerCase() as CountPeriod);
  if (per !== null && !(countPeriods as readonly string[]).includes(per)) throw new UsageError(`--counts-per must be one of ${countPeriods.join(', ')} (got ${quoted(flags.countsPer!)})`);
  if (per !== null && sizes) throw new UsageError('--counts-per says the counts are per period, and chain sizes are whole trees: leave out --counts-per');
  if (per !== null && (flags.joined !== undefined || flags.asOf !== undefined)) throw new UsageError(`--counts-per says the counts are per period, and ${flags.joined !== undefined ? '--joined' : '--as-of'} dates each referral: a dated fit counts each fan's referrals over their whole time`);
  let asOf: number | undefined;
  if (flags.asOf !== undefined) {
    const day = recordDay(flags.asOf);
    if (isInvalid(day) || /^\d+(\.\d+)?$/.test(flags.asOf.trim())) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, such as 2027-01-31, or as the locale writes it (got ${quoted(flags.asOf)})`);
    asOf = day;
  }
  return { input: input as InputFormat | undefined, sizes, fans, censoredAt, minSize, truncated, column: flags.column, id: flags.id, referredBy: flags.referredBy, joined: flags.joined, asOf, per };
}

/** A records file's text: at most 64 MiB of UTF-8. */
/**
 * A records file: its text (at most 64 MiB: UTF-8, UTF-16 with a byte-order mark, else
 * Windows-1252, said), or an .xlsx workbook's sheet (`sheet`, else the first) as rows of text.
 * An old .xls is refused with the fix.
 */
export async function recordsText(io: Io, file: string, sheet: string | null = null): Promise<string | SheetRows> {
  const bytes = await readFileBytes(io, file, maxFitBytes, 'is larger than 64 MiB, the most fans fit reads');
  const name = fileLabel(file);
  const { isOldExcel, isZip } = await import('../io/read-sheet.js');
  if (isZip(bytes)) return (await import('../io/read-sheet.js')).readSheetRows(io, name, bytes, sheet);
  if (sheet !== null) throw new UsageError(`--sheet names a sheet of an .xlsx workbook, and ${name} is text`);
  if (isOldExcel(bytes)) throw new UsageError(`${name}: is an old Excel file (.xls, Excel 97-2003), which fans does not read: save it as .xlsx or as CSV UTF-8`);
  return decodeText(io, name, bytes, true);
}

/** Says on stderr what the reading left out: referrers outside a windowed export. */
function noteInput(io: Io, input: FitInput, file: string): void {
  if (input.outside) {
    io.stderr(`fans: ${fileLabel(file)}: ${input.outside.toLocaleString('en-US')} ${input.outside === 1 ? 'row names a referrer' : 'rows name referrers'} not in the file (who joined before its window, it seems): their referees count as fans, and those referrers' own counts, unknown here, are left out\n`);
  }
}

/** The records of a file as fit data, by the options. */
export function fitDataOf(text: string | SheetRows, file: string, options: ReturnType<typeof fitOptions>, undated = false): { input: FitInput; data: FitData } {
  const label = fileLabel(file);
  const input = readFitInput(text, { file: label, input: options.input, column: options.column, id: options.id, referredBy: options.referredBy, sizes: options.sizes, joined: options.joined, asOf: options.asOf, undated });
  // Who referred whom counts each fan's referrals over their whole time in the file: lifetime counts, the tree's.
  if (options.per && input.shape === 'referrals') throw new UsageError(`--counts-per says the counts are per period, and ${label} holds who referred whom: each fan's count is over their whole time in the file (leave out --counts-per)`);
  if (options.joined !== undefined && input.shape !== 'referrals') throw new UsageError(`--joined dates who referred whom, and ${label} holds a column of counts (${quoted(input.columns[0]!)}): a dated fit reads the columns id and referred_by with each fan's join date`);
  if (options.asOf !== undefined && !input.dated) throw new UsageError(`--as-of dates the records, and ${label} has no column of join dates: name it with --joined`);
  if (options.sizes) {
    const smallest = input.frequencies.values[0]!;
    if (options.minSize !== undefined && smallest < options.minSize) throw new UsageError(`--min-size ${options.minSize} says no chain is smaller, and ${label} has chains of size ${smallest}`);
    return { input, data: { kind: 'sizes', frequencies: input.frequencies, options: { censoredAt: options.censoredAt, minSize: options.minSize } } };
  }
  if (options.truncated && input.frequencies.values[0] === 0) throw new UsageError(`--zero-truncated fits counts of 1 or more, and ${label} has ${input.frequencies.counts[0]} zeros: leave --zero-truncated out`);
  const counts = options.fans === undefined ? input.frequencies : withMissingZeros(input, options.fans, label);
  return { input, data: { kind: 'counts', frequencies: counts, truncated: options.truncated } };
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

/** The file's own name, without its folders, for a picture's title: `referrals.csv`, `<stdin>`. */
const baseName = (file: string) => (file === '-' ? fileLabel(file) : fileLabel(file.replace(/^.*[\\/]/, '') || file));

/**
 * `fans fit` as a report: a row per candidate distribution; then the observed counts with
 * each candidate's expected ones (the preferred's as `expected`, the others' as
 * `expected_<model>`), and, for files, the fit's figures as a table of names and values; the
 * meaning in words; the picture of observed and expected counts.
 */
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

export function fitReport(result: FitResult, input: FitInput, file: string, options: Partial<ReturnType<typeof fitOptions>> & { sheet?: string | undefined } = {}, dated: DatedResult | null = null): Report {
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
    file: fileLabel(file),
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
            file: baseName(file),
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
      file: fileLabel(file),
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

/**
 * What a forecast from `--fit FILE` runs on: the preferred fit of the file's records (read
 * with every default of `fans fit`), the law it stands for, and its draws.
 */
export function fittedLaw(io: Io, file: string) {
  // Once a run: a forecast reads its fit for the rate on the calendar and again for its runs, and standard input can be read once.
  let fits = fitted.get(io);
  if (!fits) fitted.set(io, (fits = new Map()));
  let law = fits.get(file);
  if (!law) fits.set(file, (law = fitLaw(io, file)));
  return law;
}

const fitted = new WeakMap<Io, Map<string, Promise<FittedLaw>>>();

async function fitLaw(io: Io, file: string): Promise<FittedLaw> {
  const { input, data } = fitDataOf(await recordsText(io, file), file, fitOptions({}));
  noteInput(io, input, file);
  if (input.dated && input.dated.data.delays.values.length > 0) return datedLaw(input.dated, file);
  const best = fitReferrals(data).preferred;
  const draws = drawsOf(best);
  return { best, draws, largest: draws ? largestK(draws) : 0, ...offspringOf(best), dated: null };
}

/** What `--fit FILE` forecasts with: the preferred law, its draws, and for dated records the delay and the customers as they are. */
export interface FittedLaw {
  best: Pick<Estimate, 'model' | 'parameters'>;
  draws: ParameterDraws | null;
  largest: number;
  offspring: Offspring;
  nonreferrers: number;
  dated: DatedLaw | null;
}

/**
 * The law of dated records: the preferred delay's joint fit (K and k for the time each fan
 * has had), drawn from the normal approximation of (log K, log k) (the covariance's block:
 * their marginal law, the delay's uncertainty integrated out, its value held at the
 * estimate), and the file's fans by their days before the export and the referrals they made.
 */
function datedLaw(dated: NonNullable<FitInput['dated']>, file: string): FittedLaw {
  const result = fitDated(dated.data);
  const fit = result.preferred;
  if (!result.measured) {
    throw new UsageError(
      `--fit ${fileLabel(file)}: its records are too short to measure the referral delay (the fitted mean, ${fit.delayMean.value.toPrecision(3)} days, is past the ${result.longest} days the longest-standing fan has had), and a forecast from dated records runs on it: export a longer window`,
    );
  }
  const [K, k] = [fit.K.value, fit.k.value];
  const block = fit.covariance ? [fit.covariance[0]!.slice(0, 2), fit.covariance[1]!.slice(0, 2)] : null;
  // Without a maximum's curvature, each from its own interval (the Wald interval is ±1.96 SE on the log scale).
  const factor = (block ? cholesky(block) : null) ?? [
    [Math.log(fit.K.high / fit.K.low) / (2 * 1.959963984540054), 0],
    [0, Math.log(fit.k.high / fit.k.low) / (2 * 1.959963984540054)],
  ];
  const draws: ParameterDraws | null = factor.flat().every(Number.isFinite) ? { model: 'negbin', theta: fit.theta.slice(0, 2), cholesky: factor } : null;
  const ages = new Map<number, { age: number; fans: number; referred: number }>();
  for (const g of dated.data.fans) {
    const age = ages.get(g.exposure) ?? { age: g.exposure, fans: 0, referred: 0 };
    age.fans += g.fans;
    age.referred += g.fans * g.count;
    ages.set(g.exposure, age);
  }
  return {
    best: { model: 'negbin', parameters: { K, k, nonreferrers: 0 } },
    draws,
    largest: draws ? largestK(draws) : K,
    offspring: { distribution: 'negbin', introductions: K, conversion: 1, dispersion: k },
    nonreferrers: 0,
    dated: { asOf: isoOfDay(dated.asOf), family: fit.family, delayMean: fit.delayMean.value, delaySd: fit.delaySd.value, naiveK: result.naiveK, existing: { ages: [...ages.values()].sort((a, b) => a.age - b.age) } },
  };
}

/** `fans fit FILE`: reads the records, fits, and reports. */
export async function fitCommand(io: Io, file: string, flags: FitFlags): Promise<Report> {
  const options = fitOptions(flags);
  const { input, data } = fitDataOf(await recordsText(io, file, flags.sheet ?? null), file, options);
  noteInput(io, input, file);
  return fitReport(fitReferrals(data), input, file, { ...options, sheet: flags.sheet }, input.dated ? fitDated(input.dated.data) : null);
}
