import { dateText } from '../flags/options.js';
import { type Parsed, isInvalid } from '../flags/parse.js';

/** Days from 1970-01-01 of a UTC date. */
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** Excel's day 0 of its 1900 date system, counted so that serial 61 is 1900-03-01 (past its phantom 1900-02-29). */
const excelEpoch = dayOf(1899, 12, 30);

/**
 * A join date from a records file as a day number (days from 1970-01-01): ISO `2027-01-31`
 * (a time after it, `2027-01-31T14:05:00Z` or `2027-01-31 14:05`, is left off: the day is what
 * counts); as the locale writes it (`31-01-2027` under nl-NL, `1/31/2027` under en-US, the rule
 * of the flags); or a spreadsheet's serial date (`46053`, from 61 = 1900-03-01 to 2958465 =
 * 9999-12-31; its fraction, a time of day, left off).
 *
 * @example recordDay('2027-01-31') // => 20849
 * @example recordDay('46418') // => 20849 (Excel's serial of 2027-01-31)
 */
export function recordDay(text: string): Parsed<number> {
  const value = text.trim();
  const serial = /^\d{2,7}(?:\.\d+)?$/.test(value) ? Math.floor(Number(value)) : null;
  if (serial !== null) {
    if (serial < 61 || serial > 2_958_465) return { invalid: 'is a number, and not a spreadsheet date from 61 (1900-03-01) to 2958465 (9999-12-31)' };
    return excelEpoch + serial;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  const written = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : dateText(value);
  if (isInvalid(written)) return written;
  const [year, month, day] = written.split('-').map(Number) as [number, number, number];
  if (year < 1900) return { invalid: `is before 1900 (${written})` };
  const days = dayOf(year, month, day);
  // A date of the calendar comes back as itself (2027-02-30 would come back as March 2).
  const back = new Date(days * 86_400_000);
  if (!(back.getUTCFullYear() === year && back.getUTCMonth() + 1 === month && back.getUTCDate() === day)) return { invalid: `is not a date of the calendar (${written})` };
  return days;
}
