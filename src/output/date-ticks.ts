import { type TimeInterval, utcDay, utcMonday, utcMonth, utcYear } from 'd3-time';
import { dutchShortMonths, englishShortMonths } from './words/months.js';

/** A label on a date axis: where it stands (a period's index, fractional between two periods) and its text. */
export interface AxisTick {
  at: number;
  label: string;
}

const dayMs = 86_400_000;

/**
 * The start of the calendar period a label names, in UTC: `2027-03-07` (a day), `2027-03`
 * (a month), `2027-Q1`, `2027-W05` (an ISO week) or `2027`; null for anything else. With
 * the label's granularity in days (about), so no tick is finer than the data.
 *
 * @example periodStart('2027-Q2') // => { time: Date.UTC(2027, 3, 1), grain: 91 }
 */
export function periodStart(label: string): { time: number; grain: number } | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(label);
  if (m) {
    const time = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    // A day that does not exist (2027-02-30) rolls over in Date.UTC: not a date.
    return new Date(time).getUTCDate() === +m[3]! ? { time, grain: 1 } : null;
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) return { time: Date.UTC(+m[1]!, +m[2]! - 1, 1), grain: 30 };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { time: Date.UTC(+m[1]!, (+m[2]! - 1) * 3, 1), grain: 91 };
  m = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/.exec(label);
  if (m) {
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = Date.UTC(+m[1]!, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * dayMs;
    return { time: monday + (+m[2]! - 1) * 7 * dayMs, grain: 7 };
  }
  m = /^(\d{4})$/.exec(label);
  if (m) return { time: Date.UTC(+m[1]!, 0, 1), grain: 365 };
  return null;
}

/**
 * The calendar boundaries to try, finest first, with how long each step is (about) and how
 * its ticks are written: a year's first day as the year, a month's as the month, a week's or
 * a day's as day and month (the first tick of an axis also says the year, so an axis inside
 * one year still names it).
 */
const candidates: { interval: TimeInterval; days: number; kind: 'day' | 'month' | 'year' }[] = [
  { interval: utcDay, days: 1, kind: 'day' },
  { interval: utcDay.every(2)!, days: 2, kind: 'day' },
  { interval: utcMonday, days: 7, kind: 'day' },
  // Every other Monday, counted from the Monday of 5 January 1970, so the same Mondays on every axis.
  { interval: utcMonday.filter((date) => Math.round((date.getTime() - 4 * dayMs) / (7 * dayMs)) % 2 === 0), days: 14, kind: 'day' },
  { interval: utcMonth, days: 30, kind: 'month' },
  { interval: utcMonth.every(3)!, days: 91, kind: 'month' },
  { interval: utcMonth.every(6)!, days: 182, kind: 'month' },
  { interval: utcYear, days: 365, kind: 'year' },
  ...[2, 5, 10, 20, 50, 100, 200, 500, 1000].map((n) => ({ interval: utcYear.every(n)!, days: 365 * n, kind: 'year' as const })),
];

/**
 * Ticks for an axis whose periods are dates or calendar periods (`labels`, one a period, in
 * order): at calendar boundaries (years, half-years, quarters, months, every Monday or
 * every other one, or days,
 * chosen by span with d3-time's intervals), the finest whose labels `fit` says fit; placed
 * between the periods that bracket them, so a 1 January between a period of 30 December and
 * one of 3 January stands where it falls. Null when some label is not a date or period (the
 * caller then labels periods by number), or when no candidate fits.
 *
 * Labels: `2028` at a year's start, `Mar` / `mrt` at a month's, `Mar 7` / `7 mrt` otherwise,
 * in the locale's words; the first tick says the year too (`Mar 2027`, `7 mrt 2027`).
 *
 * @example dateTicks(['2027-01', '2027-02', ..., '2029-12'], (t) => t.length <= 8, 'en-US')
 *   // => quarters: [{ at: 0, label: 'Jan 2027' }, { at: 3, label: 'Apr' }, ..., { at: 12, label: '2028' }, ...]
 */
export function dateTicks(labels: readonly string[], fit: (ticks: readonly AxisTick[]) => boolean, locale = 'en-US'): AxisTick[] | null {
  if (labels.length === 0) return null;
  const starts: number[] = [];
  let grain = 1;
  for (const label of labels) {
    const start = periodStart(label);
    if (start === null) return null;
    if (starts.length > 0 && start.time <= starts[starts.length - 1]!) return null;
    starts.push(start.time);
    grain = Math.max(grain, start.grain);
  }
  const first = starts[0]!;
  const last = starts[starts.length - 1]!;
  const spanDays = (last - first) / dayMs;
  const words = formats(locale);
  for (const { interval, days, kind } of candidates) {
    // No finer than the periods (a month's axis has no Mondays), and not hopelessly many to try.
    if (days < grain * 0.9 || spanDays / days > 400) continue;
    const boundaries = interval.range(new Date(first), new Date(last + 1));
    if (boundaries.length === 0) continue;
    const ticks = boundaries.map((date, i) => ({ at: positionOf(starts, date.getTime()), label: words(date, kind, i === 0) }));
    if (fit(ticks)) return ticks;
  }
  return null;
}

/** Where `time` falls among the periods' start times (sorted): a period's index, fractional between two. */
function positionOf(starts: readonly number[], time: number): number {
  let low = 0;
  let high = starts.length - 1;
  if (time <= starts[0]!) return 0;
  if (time >= starts[high]!) return high;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= time) low = mid;
    else high = mid;
  }
  return low + (time - starts[low]!) / (starts[high]! - starts[low]!);
}

/** How a boundary is written in a locale: the year at a year's start, else the month, else day and month. */
function formats(locale: string): (date: Date, kind: 'day' | 'month' | 'year', first: boolean) => string {
  const write = handDates(locale) ?? intlDates(locale);
  return (date, kind, first) => {
    const newYear = date.getUTCMonth() === 0 && date.getUTCDate() === 1;
    if (kind === 'year' || newYear) return String(date.getUTCFullYear());
    return write(date, kind === 'month' || date.getUTCDate() === 1 ? 'month' : 'day', first);
  };
}

/** A month (`Mar`, with its year `Mar 2027`) or a day (`Mar 7`, `Mar 7, 2027`) as a tick's label. */
type DateWriter = (date: Date, kind: 'month' | 'day', withYear: boolean) => string;

/**
 * English and Dutch tick labels by hand, as Intl.DateTimeFormat writes them (`Mar 7, 2027`,
 * `7 mrt 2027`; a test holds every day of two years equal to it): making those formats loads
 * ICU's calendar data, 10 to 20 ms of a dated chart's start-up. Null for other languages.
 *
 * @example handDates('nl')!(new Date(Date.UTC(2027, 2, 7)), 'day', true) // => '7 mrt 2027'
 */
export function handDates(locale: string): DateWriter | null {
  const language = locale === 'en' || locale === 'en-US' ? 'en' : locale === 'nl' || locale === 'nl-NL' ? 'nl' : null;
  if (language === null) return null;
  const names = language === 'en' ? englishShortMonths : dutchShortMonths;
  return (date, kind, withYear) => {
    const month = names[date.getUTCMonth()]!;
    const year = date.getUTCFullYear();
    if (kind === 'month') return withYear ? `${month} ${year}` : month;
    const day = date.getUTCDate();
    if (language === 'en') return withYear ? `${month} ${day}, ${year}` : `${month} ${day}`;
    return withYear ? `${day} ${month} ${year}` : `${day} ${month}`;
  };
}

/** Tick labels by Intl.DateTimeFormat, for any other locale. */
export function intlDates(locale: string): DateWriter {
  const utc = { month: 'short', timeZone: 'UTC' } as const;
  const month = new Intl.DateTimeFormat(locale, utc);
  const monthYear = new Intl.DateTimeFormat(locale, { ...utc, year: 'numeric' });
  const day = new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric' });
  const dayYear = new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric', year: 'numeric' });
  return (date, kind, withYear) => (kind === 'month' ? (withYear ? monthYear : month) : withYear ? dayYear : day).format(date);
}
