import * as check from '../check.js';
import { bounds } from '../limits.js';
import { isoDateParts } from './iso-date.js';
import { addDays, addMonths, differenceInCalendarDays, format, getISOWeek, getISOWeekYear, getQuarter, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';

/**
 * Calendar arithmetic for calendar runs, on date-fns (month ends, leap years, ISO weeks are
 * its, not ours). A date is a local `Date` at midnight; days are counted from the start date
 * by calendar days, so a change of daylight saving time never shifts a day.
 */

/** The length of one referral cycle: `30d`, `6w`, `3m`, `1y` (the CLI's `--cycle`). */
export interface CycleLength {
  amount: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

/** Days in a unit on average (the Gregorian year is 365.2425 days): what a cycle's mean delay is in days. */
export const daysPerUnit = { d: 1, w: 7, m: 365.2425 / 12, y: 365.2425 } as const;

/** A cycle's mean length in days: `1m` is 30.436875 days. */
export const cycleDays = (cycle: CycleLength): number => cycle.amount * daysPerUnit[cycle.unit];

/**
 * The date `times` cycles after `start`, counted from the start each time, so month ends
 * hold: 31 January plus 1, 2, 3 months is 28 (29) February, 31 March, 30 April; plus 12
 * months is 31 January again. A fractional month (`1.5m`) is whole months, then the rest
 * as that share of the days to the next whole-month date (counted from the start), rounded:
 * 1.5 months from 29 February 2028 is 29 March and half of the 31 days to 29 April, 14 April.
 *
 * @example isoDate(cycleDate(new Date(2027, 0, 31), { amount: 1, unit: 'm' }, 1)) // => '2027-02-28'
 * @example isoDate(cycleDate(new Date(2028, 1, 29), { amount: 1.5, unit: 'm' }, 1)) // => '2028-04-14'
 */
export function cycleDate(start: Date, cycle: CycleLength, times: number): Date {
  const amount = cycle.amount * times;
  if (cycle.unit === 'd' || cycle.unit === 'w') return addDays(start, Math.round(amount * daysPerUnit[cycle.unit]));
  const months = cycle.unit === 'y' ? amount * 12 : amount;
  // Whole months first; a part of a month as days, rounded (a millionth of a month is noise of the multiplication).
  const whole = Math.floor(months + 1e-9);
  const from = addMonths(start, whole);
  const part = months - whole;
  if (part <= 1e-9) return from;
  return addDays(from, Math.round(part * differenceInCalendarDays(addMonths(start, whole + 1), from)));
}

/**
 * Years from `start` to `date` as cycleDate counts them, its inverse: whole months over 12,
 * and the rest as its share of the days to the next whole-month date. A year after the start
 * is 1 whatever the leap days; a calendar quarter's end 0.25 after its start.
 *
 * @example yearsFrom(new Date(2027, 0, 1), new Date(2028, 0, 1)) // => 1
 * @example yearsFrom(new Date(2028, 1, 29), new Date(2028, 3, 14)) // => 0.125 (1.5 months)
 */
export function yearsFrom(start: Date, date: Date): number {
  // Whole months from the start on or before the date (counted from the start each time, as cycleDate does).
  let months = Math.max(0, (date.getFullYear() - start.getFullYear()) * 12 + date.getMonth() - start.getMonth() - 1);
  while (addMonths(start, months + 1) <= date) months++;
  const from = addMonths(start, months);
  const rest = differenceInCalendarDays(date, from) / differenceInCalendarDays(addMonths(start, months + 1), from);
  return (months + rest) / 12;
}

/** Calendar days from `start` to `date` (negative before it). */
export const daysBetween = (start: Date, date: Date): number => differenceInCalendarDays(date, start);

/** The date `days` calendar days after `start`. */
export const dayDate = (start: Date, days: number): Date => addDays(start, days);

/**
 * A date as ISO 8601 text: `2027-01-31` (its local year, month and day, as date-fns's
 * `format(date, 'yyyy-MM-dd')` writes them, written out: format takes about 20 µs a date, and
 * a goal by day writes thousands).
 */
export const isoDate = (date: Date): string => {
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(date.getFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
};

/**
 * A `YYYY-MM-DD` text as a local date, or the reason it is none: `2027-02-30` is no date
 * (February 2027 has 28 days), `27-1-1` is not the form. Years 1900 to 2999.
 *
 * @example dateOf('2028-02-29') // => Date of 29 February 2028
 */
export function dateOf(text: string): Date | { invalid: string } {
  const parts = isoDateParts(text);
  if (!parts) return { invalid: 'must be a date written YYYY-MM-DD, such as 2027-01-31' };
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  if (year < 1900 || year > 2999) return { invalid: 'must be a date from 1900-01-01 to 2999-12-31' };
  if (month < 1 || month > 12) return { invalid: `is no date: there is no month ${parts.month}` };
  const date = new Date(year, month - 1, day);
  const inMonth = new Date(year, month, 0).getDate();
  if (day < 1 || date.getMonth() !== month - 1) return { invalid: `is no date: ${format(new Date(year, month - 1, 1), 'MMMM yyyy')} has ${inMonth} days` };
  return date;
}

/** What the rows of a calendar run are: a day, an ISO week (Monday to Sunday), a calendar month, quarter or year. */
export const periodKinds = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** One row of a calendar run: its name, and its first and last day (from the start date, both included). */
export interface CalendarPeriod {
  /** `2027-01-31`, `2027-W05`, `2027-01`, `2027-Q1`, `2027`. */
  name: string;
  first: number;
  last: number;
}

const periodStart: Record<PeriodKind, (date: Date) => Date> = {
  day: (date) => date,
  week: startOfISOWeek,
  month: startOfMonth,
  quarter: startOfQuarter,
  year: startOfYear,
};

function periodName(date: Date, by: PeriodKind): string {
  switch (by) {
    case 'day':
      return isoDate(date);
    case 'week':
      return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
    case 'month':
      return format(date, 'yyyy-MM');
    case 'quarter':
      return `${date.getFullYear()}-Q${getQuarter(date)}`;
    case 'year':
      return String(date.getFullYear());
  }
}

/**
 * The calendar periods that days 0..days of a run starting on `start` fall in, in order. The
 * first and the last may be partial: a run starting 15 February `--by quarter` has a first
 * row 2027-Q1 of 15 February to 31 March.
 *
 * @example calendarPeriods(new Date(2027, 1, 15), 60, 'month').map((p) => p.name) // => ['2027-02', '2027-03', '2027-04']
 */
export function calendarPeriods(start: Date, days: number, by: PeriodKind): CalendarPeriod[] {
  checkPeriods(start, days, by);
  const periods: CalendarPeriod[] = [];
  const begin = periodStart[by];
  let first = 0;
  while (first <= days) {
    const date = addDays(start, first);
    const from = begin(date);
    // The next period's start: one day, week, month, quarter or year after this one's.
    const next = by === 'day' ? addDays(from, 1) : by === 'week' ? addDays(from, 7) : addMonths(from, by === 'month' ? 1 : by === 'quarter' ? 3 : 12);
    const last = Math.min(days, differenceInCalendarDays(next, start) - 1);
    periods.push({ name: periodName(date, by), first, last });
    first = last + 1;
  }
  return periods;
}

/**
 * The CLI's bounds for a run by period, checked for the library too: a valid date from 1900
 * to 2999, 0 to 36,525 days (100 years), a kind of period. Throws {@link check.FansInputError}.
 */
function checkPeriods(start: Date, days: number, by: PeriodKind): void {
  check.date('start', start);
  check.whole('days', days, 0, bounds.days);
  if (!(['day', 'week', 'month', 'quarter', 'year'] as unknown[]).includes(by)) throw new check.FansInputError('by', 'must be day, week, month, quarter or year', by);
}

/** How many periods days 0..days make, without listing them (to refuse a run of too many rows first). */
export function periodCount(start: Date, days: number, by: PeriodKind): number {
  checkPeriods(start, days, by);
  const end = addDays(start, days);
  switch (by) {
    case 'day':
      return days + 1;
    case 'week':
      return Math.round(differenceInCalendarDays(startOfISOWeek(end), startOfISOWeek(start)) / 7) + 1;
    case 'month':
      return (end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth() + 1;
    case 'quarter':
      return (end.getFullYear() - start.getFullYear()) * 4 + getQuarter(end) - getQuarter(start) + 1;
    case 'year':
      return end.getFullYear() - start.getFullYear() + 1;
  }
}
