import { type FitData, fitReferrals } from '../../model/fit/fit.js';
import { type ParameterDraws, cholesky, drawsOf, largestK } from '../../model/fit/draws.js';
import type { FitInput } from '../../model/fit/fit-input.js';
import type { DatedLaw } from '../../model/fit/fitted-run.js';
import type { Report } from '../../output/render.js';
import { fitReport, offspringOf } from '../../report/fit.js';
import { maxFitBytes, readFitInput, withMissingZeros } from '../io/fit-input.js';
import { type Io, UsageError } from '../io/io.js';
import { decodeText, readFileBytes } from '../io/read-text.js';
import type { SheetRows } from '../io/read-sheet.js';
import { fileLabel, fileName, quoted } from '../flags/parse.js';
import { fitFlagsOf, fitOptions } from '../flags/fit.js';
import { fitDated } from '../../model/fit/dated.js';
import type { Estimate } from '../../model/fit/estimate.js';
import type { Offspring } from '../../model/chains/offspring.js';
import { isoOfDay } from '../../model/calendar/iso-of-day.js';
import type { Flags } from '../flags/flags.js';

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
export async function fitCommand(io: Io, file: string, given: Flags): Promise<Report> {
  const flags = fitFlagsOf(given);
  const options = fitOptions(flags);
  const { input, data } = fitDataOf(await recordsText(io, file, flags.sheet ?? null), file, options);
  noteInput(io, input, file);
  // The file's own name, without its folders, for a picture's title: `referrals.csv`, `<stdin>`.
  const names = { label: fileLabel(file), name: fileName(file) };
  return fitReport(fitReferrals(data), input, names, { ...options, sheet: flags.sheet }, input.dated ? fitDated(input.dated.data) : null);
}
