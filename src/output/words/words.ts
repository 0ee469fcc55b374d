import type { Count } from '../../model/count.js';
import type { Why } from '../../model/growth/goal.js';
import type { FitModel } from '../../model/fit/families.js';
import type { Caption } from '../scale.js';
import type { FitWarning } from '../../model/fit/fit.js';

/** The figures of a fit, one a row in its CSV section and spreadsheet sheet (see report/fit.ts). */
export const fitQuantities = ['file', 'shape', 'n', 'mean', 'variance', 'preferred', 'weight', 'K', 'K_low', 'K_high', 'k', 'k_low', 'k_high', 'nonreferrers', 'nonreferrers_low', 'nonreferrers_high', 'K_wald_low', 'K_wald_high', 'k_wald_low', 'k_wald_high', 'chiSquare', 'df', 'p', 'extinction', 'p80', 'projection'] as const;
export type FitQuantity = (typeof fitQuantities)[number];

/** A fitted K and k (and the nonreferrers' share) with one kind of 95% interval. */
export interface FitNumbers {
  K: number;
  KLow: number;
  KHigh: number;
  k: number | null;
  kLow: number;
  kHigh: number;
  nonreferrers: number | null;
  nonreferrersLow: number;
  nonreferrersHigh: number;
}

/**
 * Number writers a sentence uses, already set to the reader's locale: counts (`1,111`), plain
 * reals up to six significant digits, percentages (`12.5%`) and chances (three significant
 * digits: `0.00454%`).
 */
export interface Numbers {
  count(value: Count): string;
  real(value: number): string;
  percent(share: number): string;
  chance(share: number): string;
}

/** What a goal by date answers, for {@link Words} `html.answers`. */
export interface Answers {
  /** A count of fans, or a money goal's amount (written) of cumulative net or revenue. */
  target: number | { kind: 'net' | 'revenue'; amount: string };
  /** The expected date, or null when the expected total does not reach the target by `until`. */
  date: string | null;
  until: string;
  /** Sampled runs: the lowest and highest percentile of the date (null: after the horizon), and their share of the runs between them. */
  band: { low: string | null; high: string | null; share: number } | null;
  deadline: { date: string; share: number } | null;
  /** The expected cumulative net by `worthDate` (the expected date, or the horizon). */
  worth: string | null;
  worthDate: string | null;
}

/** An elapsed time: its amount and the unit column it goes in (`days`, `months`). */
export interface Elapsed {
  amount: number;
  unit: 'days' | 'weeks' | 'months' | 'years';
}

/** The parts of a sampled run's distribution name: `Poisson`, `negative binomial (k = 0.5)`. */
export type DistributionName = { kind: 'fixed' | 'poisson' | 'geometric' } | { kind: 'negbin'; k: number };

/**
 * Everything a manager reads, in one language: table headings, summary sentences, chart
 * labels, spreadsheet sheets. One object per language (en.ts, nl.ts) of this type, so a
 * message missing from one does not compile; a test also compares them key by key.
 * JSON keys and CSV/TSV headers are an interface and stay English; errors and help are
 * English too.
 */
export interface Words {
  /** The language tag: `en`, `nl`. */
  lang: string;
  /** A column's heading for people; names it does not know (scenario names) as they are. */
  column(name: string): string;
  /** A parameter's name for people (`cycleSpread`: `spread of the cycle`); names it does not know as they are. */
  parameter(name: string): string;
  /** A parameter's value for people, where the language words it: a duration (`4m`: `4 months`), a date, a kind of period (`month`); anything else as it is. */
  parameterValue(name: string, value: string, n: Numbers): string;
  totalLabel: string;
  table: {
    shortened: string;
    moreRows(n: Numbers, hidden: number): string;
  };
  chart: {
    scale(kind: 'log' | 'linear'): string;
    yAxis(kind: 'log' | 'linear'): string;
    zeros: string;
    total: string;
    median: string;
    mean: string;
    band(low: number, high: number): string;
    /** A plain-language title: `1 fan, 10 introductions each, 3 steps`. */
    caption(n: Numbers, c: Caption): string;
    target: string;
    market: string;
    /** The money panel's title: `Cumulative net (EUR)`. */
    moneyTitle(currency: string | null): string;
    /** The line at a cumulative net of 0. */
    breakEven: string;
    /** Where the cumulative net first turns 0 or more: `pays back at year 3`. */
    paysBack(n: Numbers, s: { x: string; xLabel: string }): string;
    /** A sampled goal's percentile date on the target line: `p50 2030-09-11`. */
    percentileMark(q: number, date: string): string;
    /** The deadline on a sampled goal's chart, with the share of runs there by then. */
    deadlineMark(n: Numbers, s: { date: string; share: number }): string;
    /** Where a line first reaches the target: `reached at level 6`. */
    reached(n: Numbers, s: { x: string; xLabel: string }): string;
  };
  simulate: {
    reach(n: Numbers, s: { start: number; total: Count; depth: number; elapsed: Elapsed | null; everyoneJoins: boolean; introductions: number; newFans: number }): string;
    factor(n: Numbers, s: { k: number; fanout: number; conversion: number; referrers: number | null }): string;
    limit(n: Numbers, s: { limit: number; market: boolean; bound: number }): string;
  };
  compound: {
    becomes(n: Numbers, s: { start: number; total: Count; years: number }): string;
    factor(n: Numbers, s: { k: number; rate: number; conversion: number; referrers: number | null; churn: number | null; growth: number; market: boolean }): string;
  };
  market(n: Numbers, market: number, reached: number): string;
  goal: {
    unreachable(n: Numbers, s: { target: number; why: string; total: Count }): string;
    steps(n: Numbers, s: { value: number; target: number; total: Count; before: Count | null }): string;
    years(n: Numbers, s: { value: number; target: number; total: Count; before: Count | null }): string;
    fanout(n: Numbers, s: { value: number; target: number; whole: number; total: Count; level: number; depth: number; before: Count | null }): string;
    rate(n: Numbers, s: { value: number; target: number; year: number; years: number; total: Count }): string;
    why(n: Numbers, why: Why): string;
  };
  sampled: {
    distribution(n: Numbers, d: DistributionName): string;
    runs(n: Numbers, s: { trials: number; distribution: string; k: number; yearly: boolean; seed: number }): string;
    period(n: Numbers, tree: boolean, period: number): string;
    meanTotal(n: Numbers, s: { by: string; mean: number; spread: string }): string;
    spread(n: Numbers, s: { share: number; low: number; high: number }): string;
    tooFew(n: Numbers, s: { trials: number; low: number; high: number; needs: number }): string;
    extinctNone(n: Numbers, s: { by: string; trials: number; bound: number }): string;
    extinctAll(n: Numbers, s: { by: string; trials: number; bound: number }): string;
    extinctSome(n: Numbers, s: { by: string; estimate: number; error: number }): string;
    /** `period`: a level or year, or a calendar period's name (`2028-12-31`, `2028-Q4`). */
    percentilesWithin(n: Numbers, s: { error: number; period: number | string; periods: number }): string;
    eightyTwenty(n: Numbers, s: { p80: number; t20: number }): string;
    theory(n: Numbers, s: { q: number; start: number }): string;
    /** The same for customers part way through their referrals (a dated fit's): the chance every line they still start dies out. */
    theoryExisting(n: Numbers, s: { q: number; customers: number }): string;
    noTheory: string;
  };
  compare: {
    line(n: Numbers, s: { name: string; total: Count; last: number; command: 'simulate' | 'compound'; net: string | null }): string;
    /** A scenario on the calendar: its total on its last date. */
    dated(n: Numbers, s: { name: string; total: Count; date: string; command: 'simulate' | 'compound'; net: string | null }): string;
  };
  fit: {
    model(model: FitModel): string;
    /** A model's short name, for table cells, column headings and a legend: `negative binomial`, `negatief binomiaal`. */
    short(model: FitModel): string;
    data(n: Numbers, s: { shape: 'counts' | 'referrals' | 'sizes'; n: number; mean: number; variance: number }): string;
    preferred(n: Numbers, s: { model: string; weight: number }): string;
    estimate(n: Numbers, s: FitNumbers & { interval: 'profile' | 'wald' }): string;
    goodness(n: Numbers, s: { statistic: number; df: number; p: number } | null): string;
    meaning(n: Numbers, s: { extinction: number; p80: number | null; sizes: boolean }): string;
    project(command: string): string;
    warning(n: Numbers, w: FitWarning): string;
    sampledWider(n: Numbers, s: { ratio: number; low: number; high: number; fixedLow: number; fixedHigh: number; quantiles: readonly [number, number] }): string;
    sampledFrom(n: Numbers, s: { file: string; model: string; draws: 'lognormal' }): string;
    /** A forecast from dated records: what came from the file (its customers as they are, K and k for their time, the delay). */
    fromCustomers(n: Numbers, s: { file: string; customers: number; asOf: string; K: number; k: number; naive: number; law: string; mean: number; sd: number }): string;
    /** The fit's picture: its title, naming the records' file (`referrals.csv`), and its y axis. */
    chartTitle(s: { file: string; sizes: boolean }): string;
    chartAxis(sizes: boolean): string;
    /** A candidate in the picture's legend, with its Akaike weight: `negative binomial (weight 71.3%)`. */
    legend(n: Numbers, s: { model: FitModel; weight: number }): string;
    /** A figure of the fit, as the spreadsheet's fit sheet names it: `extinction` for the chance a chain dies out. */
    quantity(name: FitQuantity): string;
    /** A delay law's name: `gamma`, `lognormal`, `negative binomial (days)`. */
    delayLaw(law: 'negbin' | 'gamma' | 'lognormal'): string;
    /** Dated records: what was read, from when to the export's date. */
    dated(n: Numbers, s: { column: string; from: string; asOf: string; fans: number; referrals: number }): string;
    /** The delay from a fan's joining to their referees' joining, as the preferred law has it, with 95% intervals. */
    delay(n: Numbers, s: { law: string; weight: number; mean: number; meanLow: number; meanHigh: number; sd: number; sdLow: number; sdHigh: number }): string;
    /** K and k corrected for the time each fan has had, beside the plain mean count. */
    corrected(n: Numbers, s: { K: number; KLow: number; KHigh: number; k: number; kLow: number; kHigh: number; naive: number }): string;
    /** Which model the counts describe, and why: lifetime counts the tree, counts per period the compound rate. */
    which(n: Numbers, s: { per: 'year' | 'quarter' | 'month' | 'week' | 'day' | null; dated: boolean }): string;
    /** The command that projects the dated fit on the calendar. */
    projectDated(command: string): string;
    /** The records are too short to measure the delay: its mean is past the longest time a fan has had. */
    unmeasured(n: Numbers, s: { mean: number; longest: number }): string;
  };
  money: {
    totals(n: Numbers, s: { revenue: string; spend: string; net: string; ratio: number | null }): string;
    payback(n: Numbers, s: { period: number | null; unit: 'level' | 'year'; horizon: number }): string;
    breakEven(n: Numbers, s: { reward: string | null; unit: 'level' | 'year'; horizon: number }): string;
    oneFan(n: Numbers, s: { value: string; descendants: Count; unit: 'level' | 'year'; horizon: number; inTheEnd: number | null; valueInTheEnd: string | null }): string;
    acquisition(n: Numbers, s: { effective: string | null; cac: string; fans: number | null }): string;
    band(n: Numbers, s: { unit: 'level' | 'year'; period: number; low: string; high: string; share: number }): string;
    goal(n: Numbers, s: { kind: 'net' | 'revenue'; target: string; solved: 'depth' | 'years' | 'fanout' | 'rate'; value: number | null; unit: 'level' | 'year'; at: number | null; horizon: number }): string;
    maxReward(n: Numbers, s: { reward: string | null; unit: 'level' | 'year'; horizon: number }): string;
    /** On the calendar: the period (2028-03) in which the cumulative net turns 0 or more, by the run's last date. */
    paybackBy(n: Numbers, s: { period: string | null; until: string }): string;
    breakEvenBy(n: Numbers, s: { reward: string | null; until: string }): string;
    oneFanBy(n: Numbers, s: { value: string; descendants: number; until: string }): string;
    /** Sampled runs on the calendar: the band of the cumulative net at the last date, and the share of runs paid back by then. */
    bandBy(n: Numbers, s: { until: string; low: string; high: string; share: number }): string;
    paidBack(n: Numbers, s: { share: number; error: number; until: string }): string;
    paidBackWithin(n: Numbers, s: { share: number; error: number; unit: 'level' | 'year'; horizon: number }): string;
    /** The most a customer may cost to acquire and still break even within the horizon (by a date on the calendar): on their own, and with the referrals they bring less their rewards. */
    maxAcquisition(n: Numbers, s: { alone: string; withReferrals: string; until: string | null }): string;
    /** Sampled runs: the band of the revenue and of the net in the last period (its number with a unit, or with `unit` null a calendar period's name). */
    periodBands(n: Numbers, s: { period: string; unit: 'level' | 'year' | null; revenueLow: string; revenueHigh: string; netLow: string; netHigh: string; share: number }): string;
    /** A count goal by date with money: the expected cumulative net and revenue by the expected date (or by the horizon, not reached). */
    worthByDate(n: Numbers, s: { date: string; reached: boolean; net: string; revenue: string; discounted: boolean }): string;
    /** With --discount: amounts are present values at a yearly rate, each from the end of its period. */
    discounted(n: Numbers, s: { rate: number }): string;
    /** With --per: what one customer is worth within the horizon and over an expected lifetime (null where it does not end), after the margin. */
    lifetime(n: Numbers, s: { within: string; unbounded: string | null; margin: number | null }): string;
    /** `goal --net X --by-date`: the date the expected cumulative net (or revenue) reaches the target, or not by the horizon. */
    goalDate(n: Numbers, s: { kind: 'net' | 'revenue'; target: string; date: string | null; until: string; reached: string }): string;
    /** Sampled: the percentiles of that date, and the share of runs reaching the target at all. */
    goalDates(n: Numbers, s: { kind: 'net' | 'revenue'; target: string; trials: number; dates: readonly { q: number; date: string | null }[]; reached: number; until: string }): string;
    /** Sampled: the chance of reaching the money target by --deadline, with its standard error. */
    deadline(n: Numbers, s: { kind: 'net' | 'revenue'; target: string; deadline: string; share: number; error: number; trials: number }): string;
  };
  html: {
    title(command: string): string;
    table: string;
    parameters: string;
    method: string;
    /** The method in two sentences, for a command and whether its runs are sampled. */
    how(command: string, sampled: boolean): string;
    /** How a calendar run puts its figures on dates: by whole cycles, or by day with spread-out delays. */
    calendar(spread: boolean): string;
    /** Dated records: how the fit reads the dates, or how a forecast starts from the file's customers. */
    dated(kind: 'fit' | 'forecast'): string;
    footer(seed: number | null): string;
    /**
     * A goal by date's three answers, first on the page: when (the expected date, and the
     * band of the runs' dates), how sure (the share of runs by the deadline), what it is worth
     * (the cumulative net by the expected date). Amounts come written; a missing part is left out.
     */
    answers(n: Numbers, a: Answers): { when: string; sure: string | null; worth: string | null };
  };
  /** Calendar runs: dates, spread-out delays, growth rates (see cli/commands/calendar.ts). */
  calendar: {
    /** `From 2027-01-01 to 2027-12-31, 1 fan grows to 4,096 fans.` */
    span(n: Numbers, s: { from: string; to: string; start: number; total: Count; mean: boolean }): string;
    /** The delay: mean and standard deviation in days, its stages, and the spread asked for. */
    /** `asked`: the sd --cycle-spread asked for, or (`fitted`) the one a fit of dated records gave. */
    delay(n: Numbers, s: { mean: number; sd: number; stages: number; asked: number; fitted: boolean }): string;
    /** Growth per day and the doubling (or halving, when the rate is negative) time in days; `rate` null when nobody refers. */
    growth(n: Numbers, s: { rate: number | null; days: number | null; spread: boolean }): string;
    /** Sampled runs on the calendar: the share died out by the last date, with its standard error. */
    extinct(n: Numbers, s: { date: string; share: number; error: number }): string;
    /** A goal by date: the date the expected total reaches the target, or not by the horizon. */
    /** `atStart`: the fans at the start where they meet the target already (on the first day), else null. */
    goalDate(n: Numbers, s: { target: number; date: string | null; until: string; total: Count; atStart: number | null }): string;
    /** A sampled goal by date: the percentiles of the date, and the share of runs reaching it at all. */
    goalDates(n: Numbers, s: { target: number; trials: number; dates: readonly { q: number; date: string | null }[]; reached: number; until: string }): string;
    /** A percentile's date when too few runs reach the target by the horizon: `after 2037-01-01`. */
    after(until: string): string;
    /** The chance of reaching the target by a deadline, with its standard error. */
    deadline(n: Numbers, s: { target: number; deadline: string; share: number; error: number; trials: number }): string;
  };
  xlsx: {
    results: string;
    parameters: string;
    parameter: string;
    value: string;
    none: string;
    summary: string;
    textCells(digits: number): string;
    /** Sheets of a fit's further tables: the observed and expected counts, the fit's figures. */
    observed: string;
    fit: string;
    delays: string;
  };
}

/** `1 fan` or `2 fans`, with the count written for the locale. */
export function countOf(n: Numbers, value: Count, one: string, many: string): string {
  return `${n.count(value)} ${(typeof value === 'bigint' ? value === 1n : value === 1) ? one : many}`;
}

/** A fitted value or interval bound, three significant digits: `∞` where it has none, `n/a` where it is undefined. */
export const bound = (n: Numbers, v: number): string => (Number.isFinite(v) ? n.real(Number(v.toPrecision(3))) : Number.isNaN(v) ? 'n/a' : '∞');

/** Days and the like to one decimal: `9.0309` is `9.0`, read as 9 by a manager. */
export const oneDecimal = (x: number): number => Math.round(x * 10) / 10;
