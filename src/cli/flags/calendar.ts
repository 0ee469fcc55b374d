import * as z from 'zod/mini';
import { type CycleLength, type PeriodKind, cycleDate, cycleDays, dateOf, daysBetween, isoDate, periodCount } from '../../model/calendar/dates.js';
import { largestSpread, pascalDelay } from '../../model/calendar/delays.js';
import { durationText } from '../../model/calendar/duration-text.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { type Io, UsageError } from '../io/io.js';
import { bounds, calendarOptions, flagName } from './options.js';
import { fields } from './fields.js';
import { type Duration, quoted, thousands } from './parse.js';
import type { Flags } from './flags.js';
import { once } from './validate.js';

/**
 * The calendar flags read once into a {@link Calendar}: `--cycle`, `--start-date`, `--until`,
 * `--cycle-spread`, `--by` (and `--deadline` for a goal), with the refusals that name them.
 * Calendar arithmetic is date-fns's (see model/calendar/dates.ts).
 */

/** The longest calendar run: 100 years of days (the model's bound, which the library checks too). */
export const maxDays = bounds.days;

/** The most rows a calendar run prints: a daily run of about 27 years. */
export const maxRows = 10_000;

/** The most stages a spread-out delay has: enough for a spread of a tenth of a month-long cycle. */
export const maxStages = bounds.stages;

/**
 * Today: SOURCE_DATE_EPOCH (seconds, for repeatable output: the reproducible-builds
 * convention) as a UTC date, else the local date.
 */
export function today(env: Io['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Whole seconds since 1970 that fall on a date fans takes (before 3000): anything else is said, not ignored.
    const d = /^\d{1,11}$/.test(epoch) ? new Date(Number(epoch) * 1000) : null;
    if (d === null || d.getUTCFullYear() > 2999) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 before the year 3000, such as 1798761600 (got ${quoted(epoch)})`);
    return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** A date flag's value, a UsageError naming the flag when it is no date. */
export function dateFlag(flag: string, text: string): Date {
  const date = dateOf(text);
  if ('invalid' in date) throw new UsageError(`${flag} ${date.invalid} (got ${quoted(text)})`);
  return date;
}

/** A horizon past what a calendar run holds: one line naming the flag. */
function tooLong(flag: string, what: string): never {
  throw new UsageError(`${flag} makes ${what}: a run by day (--cycle-spread) or by period (--by) may span at most ${thousands(maxDays)} days (100 years) and ${thousands(maxRows)} rows`);
}

/**
 * The calendar of a run: the start, the cycle (the compound model's default is a year), the
 * spread, the rows and the horizon: `--until`, else --depth cycles (tree) or --years years
 * (compound). `given` are the flags as typed, to tell a default from a choice; `name` words a
 * field in messages: its flag (`--start-date`), or a scenario file's field (`startDate`).
 */
export function calendarOf(
  command: Command,
  flags: { cycle: Duration | null; startDate: string | null; until: string | null; cycleSpread: Duration | null; by: PeriodKind | null; depth?: number; years?: number },
  given: Flags,
  env: Io['env'],
  name: (key: string) => string = flagName,
): Calendar {
  const tree = command === 'simulate';
  if (tree && flags.cycle === null) {
    // The calendar flag that asked for dates (goal --by-date included); the tree has no default cycle.
    const stray = ([...calendarOptions, 'byDate', 'deadline'] as const).find((name) => given[name] !== undefined) ?? 'cycle';
    throw new UsageError(`${flagName(stray)} needs --cycle with the tree model: how long one referral step takes, e.g. --cycle 30d`);
  }
  const cycle: CycleLength = flags.cycle ?? { amount: 1, unit: 'y' };
  const start = flags.startDate === null ? today(env) : dateFlag(name('startDate'), flags.startDate);
  const periodFlag = name(tree ? 'depth' : 'years');
  if (flags.until !== null && given[tree ? 'depth' : 'years'] !== undefined) throw new UsageError(`${name('until')} and ${periodFlag} both set how long the run is: give one`);
  const end = flags.until !== null ? dateFlag(name('until'), flags.until) : tree ? cycleDate(start, cycle, flags.depth!) : cycleDate(start, { amount: 1, unit: 'y' }, flags.years!);
  const horizonFlag = flags.until !== null ? name('until') : periodFlag;
  const days = daysBetween(start, end);
  if (days < 0) throw new UsageError(`--until ${isoDate(end)} is before the start date, ${isoDate(start)}`);
  const meanDays = cycleDays(cycle);
  let spread: Calendar['spread'] = null;
  if (flags.cycleSpread !== null) {
    const asked = flags.cycleSpread;
    const sd = cycleDays(asked);
    const widest = largestSpread(meanDays);
    const delay = pascalDelay(meanDays, sd);
    if (widest < 1) throw new UsageError(`--cycle-spread needs a cycle longer than a day: delays are whole days, and a ${durationText(cycle)} cycle cannot spread (give a longer --cycle)`);
    // One stage (a geometric delay) is the widest; asking up to the next whole day past it gets it.
    if (delay === null || sd > Math.ceil(widest)) {
      throw new UsageError(
        `--cycle-spread ${durationText(asked)} is more than a ${durationText(cycle)} cycle can spread: at most ${Math.ceil(widest)}d (a geometric delay: most referrals in the first days, a few after years); a gamma that spread would put half its referrals within days and the rest far later`,
      );
    }
    spread = { asked, delay: delay.stages > maxStages ? { stages: maxStages, chance: maxStages / meanDays } : delay };
  }
  const by = flags.by ?? (spread ? 'month' : null);
  // Dates are written with four-digit years; runs by day (a spread) or by period at most 100 years.
  if (!Number.isFinite(days) || end.getFullYear() > 9999) throw new UsageError(`${horizonFlag} runs past the year 9999, where dates end: shorten the run, or leave out --cycle for levels without dates`);
  if ((spread !== null || by !== null) && days > maxDays) tooLong(horizonFlag, `${thousands(days)} days`);
  if (by !== null) {
    const rows = periodCount(start, days, by);
    if (rows > maxRows) tooLong(horizonFlag, `${thousands(rows)} rows by ${by}`);
  }
  return { start, cycle, spread, by, end, days, horizonFlag };
}

/** The calendar flags, checked once (--cycle too: compound takes it only on the calendar). */
export const calendarSchemaOf = once(() => z.strictObject(fields(['cycle', ...calendarOptions, 'deadline'])));
