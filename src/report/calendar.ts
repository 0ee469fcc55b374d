import type { Count } from '../model/count.js';
import { cycleDays, isoDate } from '../model/calendar/dates.js';
import { doublingDays, pascalSd } from '../model/calendar/delays.js';
import { durationText } from '../model/calendar/duration-text.js';
import type { Calendar, Command } from '../model/calendar/run-calendar.js';
import { Amount } from '../output/amount.js';
import type { Cell } from '../output/delimited.js';
import type { Report, Style } from '../output/report.js';
import type { CalendarCaption, ChartData } from '../output/scale.js';

/**
 * What a calendar run shows of its calendar: the summary's lines of dates, delay and growth;
 * the parameters and the JSON's `calendar`; a chart's caption and date axis; dates on a
 * report by cycle.
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

/** A chart on the calendar: the report's chart with dates on the x axis. */
function datedChart(chart: ChartData | undefined, xLabel: string, dates: readonly string[]): ChartData | undefined {
  if (!chart) return undefined;
  const { xValues: _, ...rest } = chart;
  return { ...rest, xLabel, xDates: dates };
}

/** Two amounts of one currency added, exactly where both are. */
export function addAmounts(a: Amount | null, b: Amount): Amount {
  if (a === null) return b;
  const minor = typeof a.minor === 'bigint' && typeof b.minor === 'bigint' ? a.minor + b.minor : Number(a.minor) + Number(b.minor);
  return new Amount(minor, b.digits);
}

/** A report of rows by cycle, given a date column (and, for a compound cycle other than a year, `cycle` for `year`). */
export function withDates(report: Report, command: Command, c: Calendar, dates: readonly string[], rate: number | null, start: number, total: Count): Report {
  const yearly = command === 'compound' && c.cycle.unit === 'y' && c.cycle.amount === 1;
  const periodName = command === 'simulate' ? 'level' : yearly ? 'year' : 'cycle';
  const rename = (key: string) => (key === 'year' ? periodName : key);
  const columns = report.columns.flatMap((name) => (name === 'new' || name === 'mean' ? ['date', name] : [rename(name)]));
  const rows = report.rows.map((row, i) => Object.fromEntries(Object.entries(row).flatMap(([key, value]) => (key === 'new' || key === 'mean' ? [['date', dates[i]!], [key, value]] : [[rename(key), value]]))) as Record<string, Cell>);
  const summary = (style: Style) => {
    const lines = report.summary?.(style) ?? [];
    // The model's first line says the total: the dates go beside it. The compound model's first lines count years: for a
    // cycle other than a year the dates and growth rate say it instead.
    const [span, ...calendar] = calendarLines(c, start, total, rate)(style);
    return command === 'compound' && !yearly ? [span!, ...calendar, ...lines.slice(2)] : [...lines.slice(0, 1), ...calendar, ...lines.slice(1)];
  };
  const json = report.json;
  return {
    ...report,
    columns,
    rows,
    summary,
    ...(report.chart ? { chart: datedChart(report.chart, 'date', dates)! } : {}),
    json: { ...report.json, parameters: { ...(json.parameters as object), ...calendarParameters(c) }, rows: rows as never, calendar: calendarJson(c, rate) },
  };
}

/**
 * A calendar run in plain words for a chart's title (the command stays under it): the
 * model's numbers, the cycle and its spread, the dates; a goal's target, sampled runs.
 */
export function calendarCaption(command: Command, p: { start: number; conversion: number; fanout?: number; rate?: number; churn?: number }, c: Calendar, more: { target?: number; trials?: number; customersOf?: string } = {}): CalendarCaption {
  const tree = command === 'simulate';
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
    ...more,
  };
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
