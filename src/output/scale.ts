import { type Count, log10Count } from '../model/count.js';
import { nlNlCompact, numberFormat } from './number-format.js';

/** What a chart shows: lines of totals per period, and an optional band around the first. */
export interface ChartData {
  /** The title shown: at first the command that made the chart; render puts the plain-language caption (or --title) here. */
  title: string;
  /** Small text under the title: the command, once the title is the caption (or --subtitle). */
  subtitle?: string;
  /** What the chart shows, for a plain-language title in the reader's language. */
  caption?: Caption;
  /** --title and --subtitle, which win over the caption and the command. */
  heading?: { title?: string | undefined; subtitle?: string | undefined };
  /** A horizontal target line (--target, a goal's target) and the market's size: lines with labels. */
  target?: number | null;
  market?: number | null;
  /** Name of the x axis: level, year or period, or the elapsed time's unit (`months`). */
  xLabel: string;
  /** The x value of each period when it is not the period itself (elapsed time: 0, 3, 6, ... months). */
  xValues?: readonly number[];
  /** A date axis: each period's date or calendar period (`2027-03-31`, `2027-Q1`), shown in place of its number. */
  xDates?: readonly string[];
  /** `role` marks the lines whose name each language words (total, median, mean). */
  series: readonly { name: string; values: readonly (Count | null)[]; role?: 'total' | 'median' | 'mean'; band?: SeriesBand }[];
  /** A shaded range, e.g. p5 to p95 of sampled runs. */
  band?: { name: string; low: readonly Count[]; high: readonly Count[]; quantiles?: readonly [number, number] };
  /**
   * Marks on the target line (a sampled goal by date): the period of each percentile's date,
   * and of the deadline with the share of runs reaching the target by then.
   */
  marks?: readonly ({ at: number; date: string } & ({ kind: 'percentile'; q: number } | { kind: 'deadline'; share: number }))[];
  /** The run's money, drawn as a panel under the chart in SVG, PNG and HTML (see money-svg.ts). */
  money?: MoneyChart;
  /**
   * What the y axis measures when it is not fans: a money goal's cumulative net or revenue,
   * in the currency's units (its lines are named by the column, its axis with the currency).
   */
  measure?: { column: 'cumulativeNet' | 'cumulativeRevenue'; currency: string | null };
}

/** A run's cumulative net per period (in the currency's units, not cents), and the period it pays back in. */
export interface MoneyChart {
  currency: string | null;
  values: readonly (number | null)[];
  /** Sampled runs: the band of the cumulative net (its lowest and highest percentile columns). */
  low?: readonly (number | null)[];
  high?: readonly (number | null)[];
  bandName?: string;
  /** The period whose cumulative net first turns 0 or more (the summary's payback); null when none does. */
  payback: number | null;
}

/** A line's own shaded range (a sampled scenario's p5 to p95 in `fans compare`), in its colour; null where the line has no value. */
export interface SeriesBand {
  name: string;
  low: readonly (Count | null)[];
  high: readonly (Count | null)[];
}

export const scales = ['auto', 'linear', 'log'] as const;
export type ScaleChoice = (typeof scales)[number];

/**
 * The y axis: values map to [0, 1] through log10 (log scale; counts of 0 sit on the floor)
 * or linearly. Big integers go through {@link log10Count}, so 10^400 plots fine.
 */
export interface Scale {
  kind: 'linear' | 'log';
  /** The axis's ends, in scaled units (log10 of the value, or the value). */
  low: number;
  high: number;
  /** Scaled units of a value. */
  of(value: Count): number;
  /** Position of a value from 0 (bottom) to 1 (top). */
  position(value: Count): number;
  ticks: { at: number; label: string }[];
  /** Whether some value is 0 (or below) on a log scale, where it is drawn on the bottom line. */
  zeros: boolean;
}

/** The plain-language description of a chart: the model and its numbers, or the scenarios compared. */
export type Caption =
  | { kind: 'tree' | 'compound'; start: number; rate: number; periods: number; conversion: number; churn: number; trials?: number | undefined }
  | CalendarCaption
  | { kind: 'compare'; names: readonly string[] };

/** A time length as the calendar flags give it: 30d, 6w, 1m, 1y. */
export interface Span {
  amount: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

/**
 * A run on the calendar: the model's numbers a cycle, the cycle and its spread, the dates,
 * and for a goal its target: `1 fan, 1.5 introductions each every month (give or take 10
 * days), 2027-01-01 to 2028-12-31`.
 */
export interface CalendarCaption {
  kind: 'calendar';
  model: 'tree' | 'compound';
  start: number;
  /** Introductions a fan (tree) or referrals a fan a cycle (compound). */
  rate: number;
  conversion: number;
  churn: number;
  cycle: Span;
  spread: Span | null;
  from: string;
  to: string;
  target?: number | undefined;
  trials?: number | undefined;
  /** A forecast from dated records: the file whose customers (`start` of them) it starts from, as they are. */
  customersOf?: string | undefined;
}

const allValues = (chart: ChartData): Count[] => [
  ...[chart.target, chart.market].filter((v): v is number => typeof v === 'number' && v > 0),
  ...chart.series.flatMap((s) => s.values.filter((v): v is Count => v !== null)),
  ...(chart.band ? [...chart.band.low, ...chart.band.high] : []),
  ...chart.series.flatMap((s) => (s.band ? [...s.band.low, ...s.band.high].filter((v): v is Count => v !== null) : [])),
];

/**
 * The smallest and largest of some numbers, by a loop: `Math.min(...values)` overflows the
 * stack past about 100,000 values. [Infinity, -Infinity] for none.
 *
 * @example extent([3, 1, 2]) // => [1, 3]
 */
export function extent(values: Iterable<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

const positive = (v: Count) => (typeof v === 'bigint' ? v > 0n : v > 0);

/**
 * The scale for a chart: log when asked, or (auto) when the positive values span more than
 * two orders of magnitude; linear otherwise. Degenerate data (one value, all equal, all
 * zero) still gets an axis one unit (or one decade) high.
 */
export function chooseScale(chart: ChartData, choice: ScaleChoice, locale = 'en-US'): Scale {
  const values = allValues(chart);
  const logs = values.filter(positive).map(log10Count);
  const [lowestLog, highestLog] = extent(logs);
  const spanOrders = logs.length ? highestLog - lowestLog : 0;
  const kind = choice === 'auto' ? (spanOrders > 2 ? 'log' : 'linear') : choice;
  if (kind === 'log') {
    const lowest = logs.length ? Math.floor(lowestLog) : 0;
    let highest = logs.length ? Math.ceil(highestLog) : 1;
    if (highest <= lowest) highest = lowest + 1;
    const of = (v: Count) => (positive(v) ? log10Count(v) : lowest);
    return build('log', lowest, highest, of, logTicks(lowest, highest, locale), values.some((v) => !positive(v)));
  }
  const numbers = values.map((v) => Number(v)).filter(Number.isFinite);
  const [least, most] = extent(numbers);
  let low = Math.min(0, least);
  let high = Math.max(most, 0);
  if (high <= low) high = low + 1;
  const ticks = linearTicks(low, high, locale);
  low = Math.min(low, ticks[0]!.at);
  high = Math.max(high, ticks.at(-1)!.at);
  return build('linear', low, high, (v) => Number(v), ticks, false);
}

function build(kind: Scale['kind'], low: number, high: number, of: (v: Count) => number, ticks: Scale['ticks'], zeros: boolean): Scale {
  return { kind, low, high, of, position: (v) => (of(v) - low) / (high - low), ticks, zeros };
}

/** Ticks at powers of ten: every decade, or every 2, 5, 10, 20, 50, ... decades when there are many. */
export function logTicks(low: number, high: number, locale = 'en-US'): Scale['ticks'] {
  const compact = compactOf(locale);
  const label = (e: number) => powerLabelIn(e, compact);
  const raw = (high - low) / 6;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(raw, 1))));
  const every = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: Scale['ticks'] = [];
  for (let e = Math.ceil(low / every) * every; e <= high; e += every) ticks.push({ at: e, label: label(e) });
  if (ticks.length === 0 || ticks[0]!.at > low) ticks.unshift({ at: low, label: label(low) });
  return ticks;
}

/** Ticks at round steps (1, 2 or 5 times a power of ten) covering low..high, about five of them. */
export function linearTicks(low: number, high: number, locale = 'en-US'): Scale['ticks'] {
  const label = numberLabel(locale);
  const raw = (high - low) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const first = Math.floor(low / step) * step;
  const ticks: Scale['ticks'] = [];
  for (let at = first; at <= high + step * 1e-9; at += step) {
    const rounded = Number(at.toPrecision(12));
    ticks.push({ at: rounded, label: label(rounded) });
  }
  if (ticks.at(-1)!.at < high) ticks.push({ at: Number((ticks.at(-1)!.at + step).toPrecision(12)), label: label(Number((ticks.at(-1)!.at + step).toPrecision(12))) });
  return ticks;
}

const suffixes = ['', 'k', 'M', 'B', 'T'];

/**
 * Thousands to trillions in a locale's own short words (Intl's compact notation): nl-NL
 * 20K, 1,5 mln., 10 mld. (where `10B` would read as ten *biljoen*, 10^13), de-DE 1,5 Mio.;
 * nl-NL's written by hand as ICU writes them (number-format.ts), and null for en-US, whose
 * k, M, B, T are written by hand too (no ICU at start-up).
 */
function compactOf(locale: string): ((x: number) => string) | null {
  if (locale === 'en-US' || locale === 'en') return null;
  if (locale === 'nl-NL') return nlNlCompact;
  const format = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 });
  return (x) => format.format(x);
}

/**
 * 10^e as a short label: 1, 10, 100, 1k, 10k, 100k, 1M, ... 100T, then 1e15, 1e16, ...; from
 * a thousand on in the locale's short words (nl-NL 1K, 1 mln., 1 mld.).
 *
 * @example powerLabel(9) // => '1B'
 * @example powerLabel(9, 'nl-NL') // => '1 mld.'
 */
export function powerLabel(e: number, locale = 'en-US'): string {
  return powerLabelIn(e, e >= 3 && e < 15 ? compactOf(locale) : null);
}

/** {@link powerLabel} with the locale's compact formatter made once (null for en-US). */
function powerLabelIn(e: number, compact: ((x: number) => string) | null): string {
  if (e < 0 || e >= 15) return `1e${e}`;
  return compact && e >= 3 ? compact(10 ** e) : `${10 ** (e % 3)}${suffixes[Math.floor(e / 3)]}`;
}

/**
 * Short labels for round numbers in a locale: 2.5, 1,500, 20k, 1.5M (nl-NL: 2,5, 1.500,
 * 20K, 1,5 mln.); from 1e15 on 1.5e20.
 *
 * @example numberLabel('nl-NL')(1500000) // => '1,5 mln.'
 */
export function numberLabel(locale = 'en-US'): (x: number) => string {
  const short = numberFormat(locale, { maximumSignificantDigits: 3 });
  const plain = numberFormat(locale, { maximumSignificantDigits: 6 });
  const compact = compactOf(locale);
  return (x) => {
    const size = Math.abs(x);
    if (size >= 1e15) return x.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
    if (compact && size >= 1e4) return compact(x);
    for (let i = suffixes.length - 1; i >= 1; i--) {
      if (size >= 10 ** (3 * i) && size >= 1e4) return `${short(x / 10 ** (3 * i))}${suffixes[i]}`;
    }
    return plain(x);
  };
}

/**
 * The x axis label of period t: its date, its elapsed time (one formatter for all), or the
 * period itself. The terminal chart and the SVG share it.
 *
 * @example xLabelOf({ xDates: ['2027-01-01', '2027-02-01'] } as ChartData, 'en-US')(1) // => '2027-02-01'
 */
export function xLabelOf(chart: Pick<ChartData, 'xDates' | 'xValues'>, locale = 'en-US'): (t: number) => string {
  const elapsed = chart.xValues ? numberLabel(locale) : null;
  return (t) => chart.xDates?.[t] ?? (elapsed ? elapsed(chart.xValues![t] ?? t) : String(t));
}

/**
 * Periods to label along an x axis of `last + 1` periods: every `step` periods, the step
 * 1, 2 or 5 times a power of ten so the labels are evenly spaced, at most `most` of them.
 *
 * @example xTicks(3, 10) // => [0, 1, 2, 3]
 * @example xTicks(30, 8) // => [0, 5, 10, 15, 20, 25, 30]
 */
export function xTicks(last: number, most: number): number[] {
  if (last <= 0) return [0];
  const raw = last / Math.max(1, most - 1);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t <= last; t += step) ticks.push(t);
  return ticks;
}
