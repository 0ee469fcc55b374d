import { type AmountText, type Duration, type PaidAmount, type Parsed, amount, paidAmount, currencyCode, discountRate, duration, isInvalid, perDuration, maxValueLength, quantileList, quoted, realNumber, share, thousands, wholeNumber } from './parse.js';
import { type Distribution, distributions } from '../../model/chains/offspring.js';
import { bounds } from '../../model/limits.js';
import { readingLocale } from './number-reading.js';
import { UsageError } from '../io/io.js';
import { isoDateParts } from '../../model/calendar/iso-date.js';

/** A row per calendar period: the same words as calendar/dates.ts (which loads date-fns, so not imported here). */
const periodKinds = ['day', 'week', 'month', 'quarter', 'year'] as const;
type PeriodKind = (typeof periodKinds)[number];

/** One flag: how commander shows it and how its text becomes a value. */
export interface OptionSpec<T> {
  /** commander's flag syntax, e.g. `--fanout <n>` */
  flags: string;
  description: string;
  /** Text used when the flag is absent. */
  default: string;
  parse: (text: string | number) => Parsed<T>;
}

const option = <T>(spec: OptionSpec<T>) => spec;

/** Largest values the flags accept: the models' own bounds (src/model/limits.ts). */
export { bounds };

const orNull = <T>(word: string, parse: (text: string | number) => Parsed<T>) => (text: string | number): Parsed<T | null> =>
  String(text).trim() === word ? null : parse(text);

const distributionRule = { invalid: `must be one of ${distributions.join(', ')}` };

/** Every model flag, once. Commands pick theirs; scenario files use the same names. */
export const optionSpecs = {
  start: option({ flags: '--start <fans>', description: 'fans at the start (level 0 or year 0)', default: '1', parse: wholeNumber(0, bounds.start) }),
  fanout: option({ flags: '--fanout <n>', description: 'introductions each fan makes, once; may be fractional (1.5: an average)', default: '10', parse: realNumber(0, bounds.fanout) }),
  depth: option({ flags: '--depth <levels>', description: 'referral steps after the first fans', default: '3', parse: wholeNumber(0, bounds.depth) }),
  rate: option({ flags: '--rate <n>', description: 'new fans each fan brings each year (may be fractional)', default: '1', parse: realNumber(0, bounds.rate) }),
  years: option({ flags: '--years <n>', description: 'years to run', default: '10', parse: wholeNumber(0, bounds.years) }),
  conversion: option({ flags: '--conversion <share>', description: 'share of introductions that become fans: 0..1 or 0%..100%', default: '1', parse: share }),
  churn: option({ flags: '--churn <share>', description: 'share of fans lost each year: 0..1 or 0%..100%', default: '0', parse: share }),
  nonreferrers: option({ flags: '--nonreferrers <share>', description: 'share of fans who never refer anyone: 0..1 or 0%..100%', default: '0', parse: share }),
  market: option<number | null>({
    flags: '--market <people>',
    description: `people who could ever become fans, 1..${bounds.market.toExponential()} (default: unlimited)`,
    default: 'unlimited',
    parse: orNull('unlimited', wholeNumber(1, bounds.market)),
  }),
  cycle: option<Duration | null>({
    flags: '--cycle <duration>',
    description: 'time one referral step takes: 30d, 6w, 3m, 1y; adds elapsed time and date columns (compound: the rate is per cycle; default 1y)',
    default: 'none',
    parse: orNull('none', duration),
  }),
  startDate: option<string | null>({
    flags: '--start-date <date>',
    description: 'the date the first fans start, YYYY-MM-DD or as --locale writes it (31-01-2027 under nl-NL) (default: today, shown in the output)',
    default: 'none',
    parse: orNull('none', dateText),
  }),
  until: option<string | null>({
    flags: '--until <date>',
    description: 'run to this date (YYYY-MM-DD, or as --locale writes it) instead of --depth or --years',
    default: 'none',
    parse: orNull('none', dateText),
  }),
  cycleSpread: option<Duration | null>({
    flags: '--cycle-spread <duration>',
    description: 'referrals spread out around --cycle: the standard deviation of the delay, e.g. 10d (a Pascal law: see docs/calendar.md)',
    default: 'none',
    parse: orNull('none', duration),
  }),
  by: option<PeriodKind | null>({
    flags: '--by <period>',
    description: `a row per calendar ${periodKinds.join(', ')} (default with --cycle-spread: month)`,
    default: 'none',
    parse: orNull('none', (text) => (periodKinds.includes(String(text).trim() as PeriodKind) ? (String(text).trim() as PeriodKind) : { invalid: `must be one of ${periodKinds.join(', ')}; a day is the finest` })),
  }),
  deadline: option<string | null>({
    flags: '--deadline <date>',
    description: 'with goal --by-date --trials: the chance of reaching the target by this date (YYYY-MM-DD, or as --locale writes it)',
    default: 'none',
    parse: orNull('none', dateText),
  }),
  trials: option<number | null>({
    flags: '--trials <n>',
    description: `sampled runs instead of expected values, 1..${thousands(bounds.trials)} (default: none)`,
    default: 'none',
    parse: orNull('none', wholeNumber(1, bounds.trials)),
  }),
  seed: option<number | null>({
    flags: '--seed <n>',
    description: `seed for --trials, 0..${bounds.seed}, to repeat a run (default: random, and reported)`,
    default: 'random',
    parse: orNull('random', wholeNumber(0, bounds.seed)),
  }),
  distribution: option<Distribution>({
    flags: '--distribution <name>',
    description: `fans one fan brings, with --trials: ${distributions.join(', ')}`,
    default: 'poisson',
    parse: (text) => (distributions.includes(String(text).trim() as Distribution) ? (String(text).trim() as Distribution) : distributionRule),
  }),
  dispersion: option<number | null>({
    flags: '--dispersion <k>',
    description: 'k of --distribution negbin, above 0 (small k: a few fans do most of the referring)',
    default: 'none',
    parse: orNull('none', realNumber(0, bounds.dispersion, true)),
  }),
  quantiles: option<number[]>({
    flags: '--quantiles <list>',
    description: 'percentiles of the total to show with --trials, e.g. 10,50,90',
    default: '5,50,95',
    parse: quantileList,
  }),
  fit: option<string | null>({
    flags: '--fit <file>',
    description: 'take K and k from a fit of your referral records (see fans fit), drawn per run from its uncertainty',
    default: 'none',
    parse: orNull('none', (text) => String(text)),
  }),
  paid: option({ flags: '--paid <fans>', description: 'new fans bought (or arriving by themselves) every level or year, who then refer like the others', default: '0', parse: wholeNumber(0, bounds.start) }),
  value: option<PaidAmount | null>({
    flags: '--value <amount>',
    description: 'what one new fan is worth to you (lifetime value x margin, or first-year revenue: you decide), once on joining, or per period written after it (250/year, same as --per year); adds money columns',
    default: 'none',
    parse: orNull('none', paidAmount),
  }),
  reward: option<AmountText | null>({ flags: '--reward <amount>', description: 'paid to the referrer for each new fan they bring', default: 'none', parse: orNull('none', amount) }),
  refereeReward: option<AmountText | null>({ flags: '--referee-reward <amount>', description: 'paid to each referred new fan (a double-sided programme)', default: 'none', parse: orNull('none', amount) }),
  cost: option<AmountText | null>({ flags: '--cost <amount>', description: "the programme's fixed cost per level or year", default: 'none', parse: orNull('none', amount) }),
  per: option<Duration | null>({
    flags: '--per <period>',
    description: '--value is paid per this period while a customer stays (year, quarter, month, week, day or a duration such as 6w); without it, once on joining',
    default: 'none',
    parse: orNull('none', perDuration),
  }),
  margin: option<number | null>({ flags: '--margin <share>', description: 'the share of revenue that is profit: net counts revenue x margin (0..1 or 0%..100%; default 100%)', default: 'none', parse: orNull('none', share) }),
  discount: option<number | null>({
    flags: '--discount <rate>',
    description: 'a yearly discount rate (e.g. 8%): every amount becomes its present value, discounted from the end of its period',
    default: 'none',
    parse: orNull('none', discountRate),
  }),
  cac: option<AmountText | null>({
    flags: '--cac <amount>',
    description: 'what one customer costs through paid channels today: compared with referrals, and what each --paid fan costs',
    default: 'none',
    parse: orNull('none', amount),
  }),
  currency: option<string | null>({
    flags: '--currency <code>',
    description: 'ISO code of the amounts, e.g. EUR (default: from the locale: EUR for nl-NL, USD for en-US)',
    default: 'none',
    parse: orNull('none', currencyCode),
  }),
  threads: option<number | null>({
    flags: '--threads <n>',
    description: `worker threads for --trials, 1..${bounds.threads}, at most one per core; results do not depend on it (default: auto)`,
    default: 'auto',
    parse: orNull('auto', wholeNumber(1, bounds.threads)),
  }),
} as const;

/**
 * A date's text as `YYYY-MM-DD`, checked for its form here and for being a date where
 * calendars load (calendar.ts). Also read: a date as the run's locale writes it, the year
 * last, with `-`, `/` or `.` (`31-01-2027` or `31-1-2027` under nl-NL, day first;
 * `1/31/2027` under en-US, month first), turned into `2027-01-31`.
 */
export function dateText(text: string | number): Parsed<string> {
  const value = String(text).trim();
  if (isoDateParts(value) !== null) return value;
  const locale = readingLocale();
  const dayFirst = dayComesFirst(locale);
  const example = dayFirst ? '31-01-2027' : '1/31/2027';
  const refused = { invalid: `must be a date written YYYY-MM-DD, such as 2027-01-31, or as ${locale} writes it (${example})` };
  const m = value.length <= 10 ? /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(value) : null;
  if (!m) return refused;
  const [day, month] = dayFirst ? [m[1]!, m[3]!] : [m[3]!, m[1]!];
  return `${m[4]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Whether a locale writes the day before the month (nl-NL, de-DE, en-GB), as its short dates show. */
function dayComesFirst(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(2027, 0, 31));
  return parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month');
}

/** The calendar's flags: a date column, spread-out delays, rows by calendar period (see calendar.ts). */
export const calendarOptions = ['startDate', 'until', 'cycleSpread', 'by'] as const;

/** The flags that make `fans goal` a goal by date (calendar.ts): --by-date, and those that go only with it. */
export const goalByDateOptions = ['byDate', 'startDate', 'until', 'cycleSpread', 'deadline', 'trials', 'seed', 'distribution', 'dispersion', 'fit'] as const;

/** The money flags: amounts and their currency (see money.ts). */
export const moneyOptions = ['value', 'per', 'margin', 'discount', 'reward', 'refereeReward', 'cost', 'cac', 'currency'] as const;

/** A goal's money targets (`--net X`, `--revenue X`, `--max-reward`), flags of `fans goal` beside the amounts. */
export const moneyTargets = ['net', 'revenue', 'maxReward'] as const;

/** Every flag of money: the amounts and a goal's money targets. */
export const moneyFlagNames = [...moneyOptions, ...moneyTargets] as const;

/** Flags that only mean something with --trials. */
export const trialOptions = ['trials', 'seed', 'distribution', 'dispersion', 'quantiles', 'fit', 'threads'] as const;

export type OptionName = keyof typeof optionSpecs;
/** The value an option's text reads as. */
export type Value<N extends OptionName> = Exclude<ReturnType<(typeof optionSpecs)[N]['parse']>, { invalid: string }>;

/** The flag a schema key stands for: `fanout` -> `--fanout`. */
export const flagName = (key: PropertyKey): string => {
  let name = '--';
  // Each capital becomes a dash and its small letter (`.replace(/[A-Z]/g, ...)`, scanned).
  for (const c of String(key)) name += c >= 'A' && c <= 'Z' ? `-${c.toLowerCase()}` : c;
  return name;
};

/**
 * A flag's text (or a number, from a scenario file) read by its spec: its value, or what is
 * wrong with it in words that follow the flag's name (a value of another type, -0, a text too
 * long, or the spec's own rule, each with what was given).
 *
 * @example readInput(optionSpecs.fanout, '-1') // => { problem: 'must be a number from 0 to 1,000,000 (got "-1")' }
 */
export function readInput<T>(spec: OptionSpec<T>, input: unknown): { value: T } | { problem: string } {
  if (typeof input !== 'string' && typeof input !== 'number') {
    return { problem: `must be a number or a text${input === null ? ' (null is not a value: leave the field out for its default)' : ''}` };
  }
  // -0 is refused in a file as on the command line: a sign on a count is a slip.
  if (Object.is(input, -0)) {
    const rule = spec.parse('-0');
    return { problem: `${isInvalid(rule) ? rule.invalid : 'must not be -0'} (got -0)` };
  }
  if (typeof input === 'string' && input.length > maxValueLength) {
    return { problem: `is too long: at most ${maxValueLength} characters (got ${quoted(input)}, ${thousands(input.length)} characters)` };
  }
  const value = spec.parse(input);
  return isInvalid(value) ? { problem: `${value.invalid} (got ${quoted(input)})` } : { value };
}

/** The values of the named flags: each read by its spec, with its default when absent (`optional` ones stay undefined). */
export type FlagValues<N extends OptionName, O extends N = never> = { [K in Exclude<N, O>]: Value<K> } & { [K in O]: Value<K> | undefined };

/**
 * The named flags read in order, each by its spec ({@link readInput}), absent ones from their
 * defaults (those in `optional` left undefined); the first problem is a UsageError naming the
 * flag: `--fanout must be a number from 0 to 1,000,000 (got "-1")`. What commander hands the
 * plan is already split into known names, so no schema library is needed here (zod reads
 * scenario files, flags/fields.ts): zod's load and its schemas for a run's flags took about
 * 0.45 ms of each start on Node 22 to 26 (docs/performance.md). A property test holds this to
 * the zod schemas it replaced.
 *
 * @example readFlags({ fanout: '3' }, ['fanout', 'depth']) // => { fanout: 3, depth: 3 }
 */
export function readFlags<const N extends OptionName, const O extends N = never>(flags: Readonly<Record<string, unknown>>, names: readonly N[], optional: readonly O[] = []): FlagValues<N, O> {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const given = flags[name];
    if (given === undefined && (optional as readonly string[]).includes(name)) {
      values[name] = undefined;
      continue;
    }
    const spec = optionSpecs[name] as OptionSpec<unknown>;
    const read = readInput(spec, given === undefined ? spec.default : given);
    if ('problem' in read) throw new UsageError(`${flagName(name)} ${read.problem}`);
    values[name] = read.value;
  }
  return values as FlagValues<N, O>;
}

/**
 * What is wrong with a market smaller than the starting fans, or null: the one cross-field
 * check of the models' flags, made by the plan once every flag reads (cli/plan.ts) and by a
 * scenario file's schema ({@link marketHoldsStart}).
 *
 * @example marketBelowStart({ start: 5, market: 3 }) // => 'must be at least the starting fans, 5 (got 3)'
 */
export function marketBelowStart(value: { start: number; market: number | null }): string | null {
  return value.market !== null && value.market < value.start ? `must be at least the starting fans, ${value.start} (got ${value.market})` : null;
}
