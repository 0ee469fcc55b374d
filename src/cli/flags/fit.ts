import { type CountPeriod, countPeriods } from '../../report/fit.js';
import { type InputFormat, inputFormats } from '../io/fit-input.js';
import { UsageError } from '../io/io.js';
import { recordDay } from '../io/record-dates.js';
import type { Flags } from './flags.js';
import { isInvalid, quoted, wholeNumber } from './parse.js';

/**
 * The flags of `fans fit` (and of the file a `--fit` forecast reads), read once into the
 * options of a fit, with the refusals of flags that do not go together.
 */

/** The flags of `fans fit`, as text. */
export interface FitFlags {
  input?: string;
  column?: string;
  fans?: string;
  zeroTruncated?: boolean;
  id?: string;
  referredBy?: string;
  sizes?: boolean;
  censoredAt?: string;
  minSize?: string;
  sheet?: string;
  joined?: string;
  asOf?: string;
  countsPer?: string;
}

/** The plan's flags of a fit, as text (commander gives text for each of these but the switches). */
export function fitFlagsOf(flags: Flags): FitFlags {
  const text = (name: keyof FitFlags) => (typeof flags[name] === 'string' ? flags[name] : undefined);
  return {
    input: text('input'),
    column: text('column'),
    fans: text('fans'),
    zeroTruncated: flags.zeroTruncated === true,
    id: text('id'),
    referredBy: text('referredBy'),
    sizes: flags.sizes === true,
    censoredAt: text('censoredAt'),
    minSize: text('minSize'),
    sheet: text('sheet'),
    joined: text('joined'),
    asOf: text('asOf'),
    countsPer: text('countsPer'),
  };
}

/** Largest --censored-at and --min-size: each likelihood evaluation sums that many terms. */
export const maxSizeLimit = 1_000;

function whole(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = wholeNumber(min, max)(text);
  if (isInvalid(value)) throw new UsageError(`${flag} ${value.invalid} (got ${quoted(text)})`);
  return value;
}

/** The checked options of a fit, from flags; a UsageError for flags that do not go together. */
export function fitOptions(flags: FitFlags) {
  const input = flags.input;
  if (input !== undefined && !(inputFormats as readonly string[]).includes(input)) throw new UsageError(`--input must be one of ${inputFormats.join(', ')} (got ${quoted(input)})`);
  const sizes = flags.sizes === true;
  const fans = whole('--fans', flags.fans, 1, 1e9);
  const censoredAt = whole('--censored-at', flags.censoredAt, 2, maxSizeLimit);
  const minSize = whole('--min-size', flags.minSize, 2, maxSizeLimit);
  const truncated = flags.zeroTruncated === true;
  if (!sizes && (censoredAt !== undefined || minSize !== undefined)) throw new UsageError(`${censoredAt !== undefined ? '--censored-at' : '--min-size'} applies to chain sizes: add --sizes`);
  if (sizes && (fans !== undefined || truncated)) throw new UsageError(`${fans !== undefined ? '--fans' : '--zero-truncated'} applies to per-fan counts, not to --sizes`);
  // A chain's size is one number: there is no who-referred-whom to read beside --sizes.
  if (sizes && (flags.id !== undefined || flags.referredBy !== undefined)) throw new UsageError(`${flags.id !== undefined ? '--id' : '--referred-by'} names the columns of who referred whom, not of --sizes (give --column for the sizes)`);
  if (truncated && fans !== undefined) throw new UsageError('--fans and --zero-truncated say different things: give --fans N when you know how many fans there are, --zero-truncated when you do not');
  if (censoredAt !== undefined && minSize !== undefined && minSize >= censoredAt) throw new UsageError(`--min-size must be below --censored-at (got ${minSize} and ${censoredAt})`);
  // Join dates belong to who referred whom: a count or a size carries no date of a referral.
  if ((flags.joined !== undefined || flags.asOf !== undefined) && (sizes || flags.column !== undefined)) throw new UsageError(`${flags.joined !== undefined ? '--joined' : '--as-of'} dates who referred whom (columns id and referred_by), not ${sizes ? 'chain sizes' : 'a column of counts'}`);
  if (flags.asOf !== undefined && fans !== undefined) throw new UsageError('--fans adds fans with no date: it does not go with --as-of');
  const per = flags.countsPer === undefined ? null : (flags.countsPer.trim().toLowerCase() as CountPeriod);
  if (per !== null && !(countPeriods as readonly string[]).includes(per)) throw new UsageError(`--counts-per must be one of ${countPeriods.join(', ')} (got ${quoted(flags.countsPer!)})`);
  if (per !== null && sizes) throw new UsageError('--counts-per says the counts are per period, and chain sizes are whole trees: leave out --counts-per');
  if (per !== null && (flags.joined !== undefined || flags.asOf !== undefined)) throw new UsageError(`--counts-per says the counts are per period, and ${flags.joined !== undefined ? '--joined' : '--as-of'} dates each referral: a dated fit counts each fan's referrals over their whole time`);
  let asOf: number | undefined;
  if (flags.asOf !== undefined) {
    const day = recordDay(flags.asOf);
    if (isInvalid(day) || /^\d+(\.\d+)?$/.test(flags.asOf.trim())) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, such as 2027-01-31, or as the locale writes it (got ${quoted(flags.asOf)})`);
    asOf = day;
  }
  return { input: input as InputFormat | undefined, sizes, fans, censoredAt, minSize, truncated, column: flags.column, id: flags.id, referredBy: flags.referredBy, joined: flags.joined, asOf, per };
}
