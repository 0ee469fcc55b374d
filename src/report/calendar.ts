import type { Count } from '../model/count.js';
import { type CalendarPeriod, calendarPeriods, cycleDays, dayDate, isoDate } from '../model/calendar/dates.js';
import { doublingDays, pascalSd } from '../model/calendar/delays.js';
import { durationText } from '../model/calendar/duration-text.js';
import type { Calendar, Command } from '../model/calendar/run-calendar.js';
import { Amount } from '../output/amount.js';
import type { Cell } from '../output/delimited.js';
import type { Style } from '../output/report.js';
import type { CalendarCaption, ChartData } from '../output/scale.js';
import type { ReportPart } from './part.js';

/**
 * What a calendar run shows of its calendar: the summary's lines of dates, delay and growth;
 * the parameters and the JSON's `calendar`; a chart's caption; where a run's rows stand on the
 * calendar (an axis, laid out by the report builders).
 */

/** Summary lines every calendar run shows: the dates and total, the delay (against the sd --cycle-spread asked for, or `fittedSd`, a dated fit's), the growth rate. */
export function calendarLines(c: Calendar, start: number, total: Count, rate: number | null, mean = false, fittedSd: number | null = null) {
  return ({ words, numbers }: Style) => [
    words.calendar.span(numbers, { from: isoDate(c.start), to: isoDate(c.end), start, total, mean }),
    ...(c.spread ? [words.calendar.delay(numbers, { mean: cycleDays(c.cycle), sd: pascalSd(c.spread.delay), stages: c.spread.delay.stages, asked: fittedSd ?? cycleDays(c.spread.asked), fitted: fittedSd !== null })] : []),
    words.calendar.growth(numbers, { rate, days: doublingDays(rate), spread: c.spread !== null }),
  ];
}

/** What a calendar run adds to the JSON parameters. */
export function calendarParameters(c: Calendar) {
  return { startDate: isoDate(c.start), until: isoDate(c.end), cycle: durationText(c.cycle), cycleSpread: c.spread ? durationText(c.spread.asked) : null, by: c.by };
}

/** The JSON document's `calendar`: dates, the delay used, the growth rate and doubling time. */
export function calendarJson(c: Calendar, rate: number | null) {
  return {
    startDate: isoDate(c.start),
    endDate: isoDate(c.end),
    days: c.days,
    delay: c.spread ? { meanDays: cycleDays(c.cycle), sdDays: pascalSd(c.spread.delay), stages: c.spread.delay.stages, dailyChance: c.spread.delay.chance } : { meanDays: cycleDays(c.cycle), sdDays: 0 },
    growthRatePerDay: rate,
    doublingDays: rate !== null && rate > 0 ? doublingDays(rate) : null,
    halvingDays: rate !== null && rate < 0 ? doublingDays(rate) : null,
  };
}

/** Two amounts of one currency added, exactly where both are. */
export function addAmounts(a: Amount | null, b: Amount): Amount {
  if (a === null) return b;
  const minor = typeof a.minor === 'bigint' && typeof b.minor === 'bigint' ? a.minor + b.minor : Number(a.minor) + Number(b.minor);
  return new Amount(minor, b.digits);
}

/**
 * Where a run's rows stand on the calendar, and how a report builder lays them out so: its
 * columns, rows (a row per cycle, keyed as its columns, the cycle first), summary, chart and
 * parts. `cycles`: a row per cycle, each on its date. `periods`: a row per calendar period,
 * the run as it stands at `picks[i]`, the last cycle on or before period i's end. The builders
 * (simulate.ts, compound.ts, sampled.ts) import only this type, so that a run without dates
 * loads none of the calendar (date-fns comes with calendar.cjs).
 */
export interface CalendarAxis {
  kind: 'cycles' | 'periods';
  /** The columns: a date before `new` or `mean`; by period, `period`, `date` and `new` in place of the cycle and its elapsed time. */
  columns(columns: readonly string[]): string[];
  /** The rows, as {@link axisRows} lays them out; `gained(from, to)`, where given, a period's `new` from cycle `from` (-1: before the first) to `to`. */
  rows(rows: readonly Record<string, Cell>[], gained?: (from: number, to: number) => number): Record<string, Cell>[];
  /** The summary, as {@link axisSummary} words it; `total` the run's (by period: the mean at the last period's last cycle). */
  summary(start: number, total: Count, lines: (style: Style) => readonly string[]): (style: Style) => string[];
  /** The chart: dates (or period names) on the x axis; by period, each line's and band's values at the period's last cycle. */
  chart(chart: ChartData): ChartData;
  /** The parts (money, money bands) laid out alike, and the calendar's JSON as a last part. */
  parts(parts: readonly ReportPart[]): ReportPart[];
}
export type CycleAxis = CalendarAxis & { kind: 'cycles' };
export type PeriodAxis = CalendarAxis & { kind: 'periods'; periods: readonly CalendarPeriod[]; picks: readonly number[] };

/** Where a run is laid out: by cycle on dates, or by period at each period's last cycle. */
type Layout = { kind: 'cycles'; command: Command; c: Calendar; rate: number | null; dates: readonly string[] } | { kind: 'periods'; command: Command; c: Calendar; rate: number | null; periods: readonly CalendarPeriod[]; picks: readonly number[] };

/** The axis of a layout: its functions bound to it. */
function axisOf<L extends Layout>(layout: L): CalendarAxis & L {
  const axis: Omit<CalendarAxis, 'kind'> = {
    columns: (columns) => axisColumns(layout, columns),
    rows: (rows, gained) => axisRows(layout, rows, gained),
    summary: (start, total, lines) => axisSummary(layout, start, total, lines),
    chart: (chart) => axisChart(layout, chart),
    parts: (parts) => axisParts(layout, parts),
  };
  return { ...layout, ...axis } as CalendarAxis & L;
}

/** The axis of a run by cycle, each cycle on its date (`dates`, ISO). */
export function cycleAxis(command: Command, c: Calendar, rate: number | null, dates: readonly string[]): CycleAxis {
  return axisOf({ kind: 'cycles', command, c, rate, dates });
}

/** The axis of a run by cycle gathered into calendar periods: for each period, the last of `cycles` (days from the start) on or before its end. */
export function periodAxis(command: Command, c: Calendar, rate: number | null, cycles: readonly number[]): PeriodAxis {
  const periods = calendarPeriods(c.start, c.days, c.by!);
  // The last cycle on or before each period's end (cycle 0 is day 0, in the first period).
  const picks: number[] = [];
  let at = 0;
  for (const period of periods) {
    while (at + 1 < cycles.length && cycles[at + 1]! <= period.last) at++;
    picks.push(at);
  }
  return axisOf({ kind: 'periods', command, c, rate, periods, picks });
}

/** A compound run on a yearly cycle keeps its `year` column; on another cycle, `cycle`. */
const yearly = (axis: Layout) => axis.command === 'compound' && axis.c.cycle.unit === 'y' && axis.c.cycle.amount === 1;

/** The period column's name by cycle on the calendar: `level`, `year` or `cycle`. */
const cycleName = (axis: Layout) => (axis.command === 'simulate' ? 'level' : yearly(axis) ? 'year' : 'cycle');

/** The columns of a run by cycle (`level`, elapsed time, `new` or `mean`, ...) as `axis` lays them out: a date before `new` or `mean`; by period, `period`, `date` and `new` in place of the cycle and its elapsed time. */
function axisColumns(axis: Layout, columns: readonly string[]): string[] {
  if (axis.kind === 'periods') return ['period', 'date', 'new', ...columns.slice(1).filter((name) => !elapsedNames.has(name))];
  return columns.flatMap((name) => (name === 'new' || name === 'mean' ? ['date', name] : [name === 'year' ? cycleName(axis) : name]));
}

/** The elapsed-time columns of a run by cycle with a --cycle (see report/simulate.ts). */
const elapsedNames = new Set(['days', 'weeks', 'months', 'years']);

/**
 * The rows of a run by cycle as `axis` lays them out (see {@link axisColumns}): `rows` are the
 * builder's own, a row per cycle, keyed as its columns, the cycle first. By period (sampled
 * runs, whose rows have a `mean`), a period's `new` is what the runs' mean total gained since
 * the period before: `gained` (sampled.ts: a difference of summed counts, divided once), else
 * the difference of the two means.
 */
function axisRows(axis: Layout, rows: readonly Record<string, Cell>[], gained?: (from: number, to: number) => number): Record<string, Cell>[] {
  if (axis.kind === 'cycles') {
    const name = cycleName(axis);
    return rows.map((row, i) => Object.fromEntries(Object.entries(row).flatMap(([key, value]) => (key === 'new' || key === 'mean' ? [['date', axis.dates[i]!], [key, value]] : [[key === 'year' ? name : key, value]]))));
  }
  const { c, periods, picks } = axis;
  const means = picks.map((pick) => Number(rows[pick]!.mean));
  return periods.map((period, i) => {
    const [, ...kept] = Object.entries(rows[picks[i]!]!).filter(([key]) => !elapsedNames.has(key));
    const fresh = gained ? gained(i === 0 ? -1 : picks[i - 1]!, picks[i]!) : i === 0 ? means[0]! : means[i]! - means[i - 1]!;
    return { period: period.name, date: isoDate(dayDate(c.start, period.last)), new: fresh, ...Object.fromEntries(kept) };
  });
}

/**
 * A run by cycle's summary on the calendar. By cycle: the model's first line (its total),
 * then the delay and growth rate, then its other lines; a compound run on a cycle other than
 * a year counts no years: the dates say its total instead of its first two lines. By period:
 * the dates and the mean total first, then the model's lines.
 */
function axisSummary(axis: Layout, start: number, total: Count, lines: (style: Style) => readonly string[]): (style: Style) => string[] {
  const mean = axis.kind === 'periods';
  return (style) => {
    const model = lines(style);
    const [span, ...calendar] = calendarLines(axis.c, start, total, axis.rate, mean)(style);
    if (mean) return [span!, ...calendar, ...model];
    return axis.command === 'compound' && !yearly(axis) ? [span!, ...calendar, ...model.slice(2)] : [...model.slice(0, 1), ...calendar, ...model.slice(1)];
  };
}

/** A chart by cycle as `axis` lays it out: dates (or period names) on the x axis; by period, each line's and band's values at the period's last cycle. */
function axisChart(axis: Layout, chart: ChartData): ChartData {
  const { xValues: _, ...rest } = chart;
  if (axis.kind === 'cycles') return { ...rest, xLabel: 'date', xDates: axis.dates };
  const pick = <T>(values: readonly T[]) => axis.picks.map((i) => values[i]!);
  return {
    ...rest,
    xLabel: 'period',
    xDates: axis.periods.map((period) => period.name),
    series: chart.series.map((s) => ({ ...s, values: pick(s.values) })),
    ...(chart.band ? { band: { ...chart.band, low: pick(chart.band.low), high: pick(chart.band.high) } } : {}),
  };
}

/**
 * A part of a run by cycle (its money, the money bands of its runs) by calendar period, period
 * i ending with cycle `picks[i]` (see {@link periodAxis}): each period's revenue, rewards,
 * cost and net are the sums of its cycles'; every other column (the cumulative net, its
 * percentiles, the share paid back) is its last cycle's. The part's sentences and JSON are
 * the cycles' (the payback names a level or year).
 *
 * @example partByPeriod(money, [1, 4, 6]).cells(1).revenue // cycles 2 to 4's revenue, summed
 */
export function partByPeriod(part: ReportPart, picks: readonly number[]): ReportPart {
  const flows = part.columns.filter((name) => (flowNames as readonly string[]).includes(name));
  const digits = flows.length > 0 ? (part.cells(0)[flows[0]!] as Amount).digits : 0;
  const rows = picks.map((pick, i) => {
    const sums: Record<string, Amount | null> = Object.fromEntries(flows.map((name) => [name, null]));
    for (let cycle = i === 0 ? 0 : picks[i - 1]! + 1; cycle <= pick; cycle++) {
      const cells = part.cells(cycle);
      for (const name of flows) sums[name] = addAmounts(sums[name] ?? null, cells[name] as Amount);
    }
    const last = part.cells(pick);
    return Object.fromEntries(part.columns.map((name) => [name, name in sums ? (sums[name] ?? new Amount(0, digits)) : (last[name] ?? null)])) as Record<string, Cell>;
  });
  return { ...part, cells: (i) => rows[i]! };
}

/** The money columns that flow in a period (summed over its cycles), not stand at its end. */
const flowNames = ['revenue', 'rewards', 'cost', 'net'] as const;

/** A run by cycle's parts as `axis` lays out its rows: by period, each part's rows by period (see {@link partByPeriod}). */
function axisParts(axis: Layout, parts: readonly ReportPart[]): ReportPart[] {
  return [...(axis.kind === 'periods' ? parts.map((part) => partByPeriod(part, axis.picks)) : parts), calendarPart(axis.c, axis.rate)];
}

/** What a calendar adds to a run's JSON, joined after its other parts: the calendar's flags in `parameters`, and `calendar`. */
export function calendarPart(c: Calendar, rate: number | null): ReportPart {
  return { columns: [], cells: () => ({}), summary: () => [], json: { parameters: calendarParameters(c), calendar: calendarJson(c, rate) } };
}

/**
 * A calendar run in plain words for a chart's title (the command stays under it): the
 * model's numbers, the cycle and its spread, the dates; a goal's target, sampled runs; for
 * a forecast from dated records, the file by its own name ({@link titleFileName}).
 */
export function calendarCaption(command: Command, p: { start: number; conversion: number; fanout?: number; rate?: number; churn?: number }, c: Calendar, more: { target?: number; trials?: number; customersOf?: string } = {}): CalendarCaption {
  const tree = command === 'simulate';
  const { customersOf, ...rest } = more;
  return {
    kind: 'calendar',
    model: tree ? 'tree' : 'compound',
    start: p.start,
    rate: (tree ? p.fanout : p.rate)!,
    conversion: p.conversion,
    churn: tree ? 0 : (p.churn ?? 0),
    cycle: c.cycle,
    spread: c.spread ? c.spread.asked : null,
    from: isoDate(c.start),
    to: isoDate(c.end),
    ...rest,
    ...(customersOf !== undefined ? { customersOf: titleFileName(customersOf) } : {}),
  };
}

/** The longest file name a chart's title holds: with the rest of a title's words, two lines of 800 pixels. */
const maxTitleFileName = 40;

/**
 * A file's own name (without its folders: cli/flags/parse.ts's fileName; a path as long as a
 * temporary folder's pushed a Dutch title out of the picture) as a forecast's chart title
 * holds it: cut to 40 characters with an ellipsis. The summary and JSON keep the path.
 *
 * @example titleFileName('crm.csv') // => 'crm.csv'
 */
export function titleFileName(name: string): string {
  return name.length > maxTitleFileName ? `${name.slice(0, maxTitleFileName - 1)}…` : name;
}

/** What a report reads of a run's model (the tree's or the compound model's flags, as the plan holds them); the rest go to its parameter list as they are. */
export interface ModelFlags {
  start: number;
  conversion: number;
  market: number | null;
  fanout?: number;
  rate?: number;
  churn?: number;
  depth?: number;
  years?: number;
  paid?: number;
  cycle?: unknown;
}
