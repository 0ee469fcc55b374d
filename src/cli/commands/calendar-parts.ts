import { type CalendarPeriod, cycleDate, cycleDays, dayDate, daysBetween, daysPerUnit, isoDate, yearsFrom } from '../../model/calendar/dates.js';
import { type PeriodCounts, discountFactor } from '../../model/money.js';
import type { Money } from '../../model/money.js';
import { dailyLeave, renewalCustomers, renewalDays } from '../../model/calendar/renewal.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { UsageError } from '../io/io.js';
import { thousands } from '../flags/parse.js';
import { durationText } from '../../model/calendar/duration-text.js';
import { toNumber } from '../../model/count.js';
import type { CompoundFlags, SimulateParams } from '../flags/models.js';
import { bounds } from '../flags/options.js';
import { yearlyRows } from './compound.js';
import { treeRows } from './simulate.js';

/**
 * What the calendar's expected and sampled runs share: the cycles within the horizon, the
 * renewal run by day, money by calendar period (what report/calendar.ts shows of a calendar).
 */

/** The cycles (levels, or compound periods) that fall on or before the run's last day, with their days from the start. */
export function cyclesWithin(c: Calendar, most: number): number[] {
  const days: number[] = [];
  for (let g = 0; ; g++) {
    const day = daysBetween(c.start, cycleDate(c.start, c.cycle, g));
    if (day > c.days) break;
    if (g > most) throw new UsageError(`${c.horizonFlag} makes more than ${thousands(most)} cycles of ${durationText(c.cycle)}: the most a run has`);
    days.push(day);
  }
  return days;
}

/**
 * Money by calendar period: each row's name, the last date, and each period's share of a
 * cycle's fixed cost, pro rata by its days after day 0 (a month of 31 days against a
 * 30.44-day cycle: 1.018 of it).
 */
export function datedMoney(c: Calendar, periods: readonly CalendarPeriod[]): { names: string[]; until: string; costShares: number[]; from: number } {
  const cycle = cycleDays(c.cycle);
  return {
    names: periods.map((period) => period.name),
    until: isoDate(c.end),
    costShares: periods.map((period, i) => (period.last - (i === 0 ? 0 : periods[i - 1]!.last)) / cycle),
    // The first period that carries money: the first, unless it is the start's day alone (by day), where nothing has happened yet.
    from: periods[0]!.last === 0 && periods.length > 1 ? 1 : 0,
  };
}

/** Churn as a daily hazard on the calendar (compound; see renewal.ts's dailyLeave): 0 for the tree or without churn. */
export const leaveOf = (command: Command, churn: number, c: Calendar): number => (command === 'compound' ? dailyLeave(churn, cycleDays(c.cycle)) : 0);

/**
 * A run with a spread by day: the expected new fans on each day (the renewal equation) and
 * the totals. With `arrivals` (a dated fit's customers, existing.ts), the `start` fans are
 * customers part way through their referrals, bringing those on the days they fall.
 */
export function renewalOf(command: Command, p: { start: number; market: number | null; churn?: number; arrivals?: Float64Array }, c: Calendar, k: number): RenewalRun {
  // A goal asks twice for the same run (its expected date, then its runs' work bound): the
  // sum over the horizon's days costs about 30 ms at ten years, so the last run is kept.
  const last = lastRenewal;
  if (last && last.command === command && last.start === p.start && last.market === p.market && last.churn === (p.churn ?? 0) && last.arrivals === p.arrivals && last.c === c && Object.is(last.k, k)) return last.run;
  const run = renewalRun(command, p, c, k);
  lastRenewal = { command, start: p.start, market: p.market, churn: p.churn ?? 0, arrivals: p.arrivals, c, k, run };
  return run;
}

/** An expected run by day, as {@link renewalOf} gives it (its arrays are read, never written). */
export interface RenewalRun {
  days: number[];
  fresh: number[];
  lost: number[];
  totals: number[];
}

let lastRenewal: { command: Command; start: number; market: number | null; churn: number; arrivals: Float64Array | undefined; c: Calendar; k: number; run: RenewalRun } | null = null;

function renewalRun(command: Command, p: { start: number; market: number | null; churn?: number; arrivals?: Float64Array }, c: Calendar, k: number): RenewalRun {
  const leave = leaveOf(command, p.churn ?? 0, c);
  const fresh = renewalDays({ model: command === 'simulate' ? 'tree' : 'compound', start: p.start, K: k, market: p.market, delay: c.spread!.delay, days: c.days, leave, ...(p.arrivals ? { arrivals: p.arrivals } : {}) });
  const { lost, totals } = renewalCustomers(fresh, leave);
  return { days: Array.from(fresh, (_, day) => day), fresh: Array.from(fresh), lost: Array.from(lost), totals: Array.from(totals) };
}

/** Customer-days of each calendar period: the customers on the books each day after the start, summed by period (a recurring value's billing by day). */
export function customerDaysByPeriod(periods: readonly CalendarPeriod[], totals: readonly number[]): number[] {
  let day = 1;
  return periods.map((period) => {
    let sum = 0;
    for (; day <= period.last && day < totals.length; day++) sum += totals[day]!;
    return sum;
  });
}

/**
 * What a recurring value (--per) needs of a calendar run by day, from its renewal totals
 * (`runTotals`; null where the billed periods come from elsewhere, the runs of a market) and
 * one fan's (`oneTotals`): each period's billed customer-periods (customer-days over --per's
 * days), one fan's own and its line's, and a customer's lifetime by day (a daily chance of leaving).
 */
export function billingByDay(periods: readonly CalendarPeriod[], runTotals: readonly number[] | null, oneTotals: readonly number[], leave: number, days: number, perDays: number) {
  return {
    billed: runTotals ? customerDaysByPeriod(periods, runTotals).map((customerDays) => customerDays / perDays) : null,
    recurring: { oneFanBilled: oneTotals.reduce((sum, n, day) => sum + (day === 0 ? 0 : n), 0) / perDays, lifetime: { perStep: 1 / perDays, stay: 1 - leave, steps: days } },
  };
}

/**
 * A run by day summed by calendar period as money counts it: each period's referred fans (its
 * new fans, the `start` fans of day 0 left out) and, with `perDays` (--per's days), its
 * billed customer-periods (customer-days over perDays).
 */
export function moneyByPeriod(periods: readonly CalendarPeriod[], run: { fresh: readonly number[]; totals: readonly number[] }, start: number, perDays: number | null): PeriodCounts[] {
  const billed = perDays === null ? null : customerDaysByPeriod(periods, run.totals).map((customerDays) => customerDays / perDays);
  let day = 0;
  return periods.map((period, i) => {
    let fresh = 0;
    for (; day <= period.last && day < run.fresh.length; day++) fresh += run.fresh[day]!;
    return { referred: Math.max(0, fresh - (i === 0 ? start : 0)), paid: 0, ...(billed ? { billed: billed[i]! } : {}) };
  });
}

/**
 * With --discount, what money needs of a run by calendar period: each period's factor from
 * its end (the day after its last: 2027's amounts from 1 January 2028, a whole year on), one
 * day's (a customer's lifetime by day), and one fan's line by period; nothing without.
 */
export function presentOfPeriods(money: Money, c: Calendar, periods: readonly CalendarPeriod[], oneLine: readonly PeriodCounts[] | null): { present?: { factors: number[]; step: number; oneLine: readonly PeriodCounts[] | null } } {
  if (money.discount === null) return {};
  const rate = money.discount;
  return { present: { factors: periods.map((period) => discountFactor(rate, yearsFrom(c.start, dayDate(c.start, period.last + 1)))), step: discountFactor(rate, 1 / daysPerUnit.y), oneLine } };
}

/** The expected totals of a calendar run: by day with a spread, else on each cycle's day. */
export function expectedTotals(command: Command, p: SimulateParams & CompoundFlags, c: Calendar, k: number): { days: number[]; totals: number[] } {
  if (c.spread) return renewalOf(command, p, c, k);
  const days = cyclesWithin(c, command === 'simulate' ? bounds.depth : bounds.years);
  const last = days.length - 1;
  const rows = command === 'simulate' ? treeRows({ ...p, depth: last }, c.horizonFlag) : yearlyRows({ ...p, years: last }, c.horizonFlag);
  return { days, totals: rows.map((r) => toNumber(r.total)) };
}
