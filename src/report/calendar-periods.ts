import type { Count } from '../model/count.js';
import { byPeriod } from '../model/calendar/by-period.js';
import { type CalendarPeriod, dayDate, isoDate } from '../model/calendar/dates.js';
import { durationText } from '../model/calendar/duration-text.js';
import type { Calendar, Command } from '../model/calendar/run-calendar.js';
import type { Report } from '../output/report.js';
import type { ChartData } from '../output/scale.js';
import { type ReportPart, joinParts } from './part.js';
import { type ModelFlags, calendarCaption, calendarJson, calendarLines, calendarParameters } from './calendar.js';

/**
 * Expected calendar runs as reports: rows by calendar period (from the renewal equation by
 * day, or from the model's cycles), their money by period, and a goal by date's chart and
 * parameters.
 */

/** The day-by-day expected run with spread-out delays, a row per calendar period. */
export function spreadReport(command: Command, p: ModelFlags, c: Calendar, rate: number | null, k: number, run: { days: readonly number[]; fresh: readonly number[]; lost: readonly number[]; totals: readonly number[] }, periods: readonly CalendarPeriod[], parts: readonly ReportPart[] = []): Report {
  const { days, fresh, lost, totals } = run;
  const churn = command === 'compound' && (p.churn ?? 0) > 0;
  return periodReport(command, p, c, rate, k, periods, byPeriod(periods, days, fresh, totals, churn ? lost : undefined), true, parts);
}

/** Rows by calendar period: `period`, `date` (its last day in the run), `new`, `total`. */
export function periodReport(command: Command, p: ModelFlags, c: Calendar, rate: number | null, k: number, periods: readonly CalendarPeriod[], values: readonly { new: Count; lost?: number; total: Count }[], renewal: boolean, parts: readonly ReportPart[] = []): Report {
  const churn = values[0]?.lost !== undefined;
  const rows = periods.map((period, i) => ({ period: period.name, date: isoDate(dayDate(c.start, period.last)), new: values[i]!.new, ...(churn ? { lost: values[i]!.lost! } : {}), total: values[i]!.total }));
  const total = values.at(-1)!.total;
  const { depth: _depth, years: _years, paid: _paid, cycle: _cycle, ...parameters } = p;
  return joinParts(
    {
      columns: ['period', 'date', 'new', ...(churn ? ['lost'] : []), 'total'],
      rows,
      total: { value: total },
      summary: calendarLines(c, p.start, total, rate, false),
      chart: {
        caption: calendarCaption(command, p, c),
        title: `fans ${command} ${command === 'simulate' ? `--fanout ${p.fanout}` : `--rate ${p.rate}`} --cycle ${durationText(c.cycle)}${c.spread ? ` --cycle-spread ${durationText(c.spread.asked)}` : ''} --by ${c.by}`,
        ...(p.market !== null ? { market: p.market } : {}),
        xLabel: 'period',
        xDates: rows.map((r) => r.period),
        series: [{ name: 'total', values: values.map((v) => v.total), role: 'total' }],
      },
      json: {
        command,
        parameters: { ...parameters, ...calendarParameters(c) },
        rows: rows as never,
        total,
        // Whether the rows come from the renewal equation by day (a spread), or from the model's cycles.
        renewal,
        referralFactor: k,
        calendar: calendarJson(c, rate),
      },
    },
    parts,
  );
}

/** The most points a goal's chart draws: a run by day is thinned to about this many, keeping the day the target is reached. */
const maxChartPoints = 1000;

/**
 * A goal by date as a chart: the expected total on each date, and the target's line; up to
 * a quarter past the date it is reached (as a goal's levels end at the one that reaches it),
 * so that ten years of growth do not squash the target to the bottom; to the horizon when
 * it is not reached. With `money`, the expected cumulative net on the same dates, drawn as the
 * money panel under the chart (SVG, PNG, HTML), and the date it pays back marked.
 */
export function goalChart(command: Command, target: number, dates: readonly string[], totals: readonly number[], hit: number, through = -1, money?: GoalMoney): ChartData {
  // Through `through` too (a sampled goal's latest percentile date), so its mark is on the chart.
  const last = hit < 0 ? dates.length - 1 : Math.min(dates.length - 1, Math.max(hit + 1, Math.ceil(hit * 1.25), through));
  const step = Math.max(1, Math.ceil((last + 1) / maxChartPoints));
  // With money, the day it pays back is drawn too, so its mark stands on its own day.
  const payback = money ? paysBackFor(money.cumulative, last) : -1;
  const keep = dates.slice(0, last + 1).map((_, i) => i).filter((i) => i % step === 0 || i === hit || i === last || i === payback);
  return {
    title: `fans goal ${target} --by-date (${command === 'simulate' ? 'tree' : 'compound'})`,
    xLabel: 'date',
    xDates: keep.map((i) => dates[i]!),
    series: [{ name: 'total', values: keep.map((i) => totals[i]!), role: 'total' }],
    target,
    ...(money ? { money: { currency: money.currency, values: keep.map((i) => money.cumulative[i]!), payback: payback < 0 ? null : keep.indexOf(payback) } } : {}),
  };
}

/** A goal's expected money on the chart's days: the cumulative net on each, in the currency's units. */
export interface GoalMoney {
  currency: string | null;
  cumulative: readonly number[];
}

/**
 * The day (an index of `cumulative`, at most `last`) from which the cumulative net is 0 or
 * more for good, having been below 0 after the start; -1 when it never was (nothing to pay
 * back) or is still below 0 on day `last`. Day by day a first day at 0 or more can come
 * before the costs do (the first day's revenue against its share of a yearly cost), so the
 * last crossing counts, not the first.
 *
 * @example paysBackFor([0, -5, -2, 1, 3], 4) // => 3
 * @example paysBackFor([0, 2, 4], 2) // => -1
 */
export function paysBackFor(cumulative: readonly number[], last: number): number {
  let below = -1;
  for (let i = 1; i <= last; i++) if (cumulative[i]! < 0) below = i;
  return below < 0 || below === last ? -1 : below + 1;
}

/** A calendar goal's parameters as JSON writes them: the model's own, and the calendar. */
export function goalParameters(command: Command, p: { start: number; fanout: number; rate: number; churn: number; conversion: number; nonreferrers: number; market: number | null; paid: number }, c: Calendar) {
  const model: Record<string, number> = command === 'simulate' ? { fanout: p.fanout } : { rate: p.rate, churn: p.churn };
  return { start: p.start, ...model, conversion: p.conversion, nonreferrers: p.nonreferrers, market: p.market, paid: p.paid, ...calendarParameters(c) };
}
