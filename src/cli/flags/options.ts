import * as z from 'zod/mini';
import { type AmountText, type Duration, type PaidAmount, type Parsed, amount, paidAmount, currencyCode, discountRate, duration, isInvalid, perDuration, maxValueLength, quantileList, quoted, realNumber, share, thousands, wholeNumber } from './parse.js';
import { type Distribution, distributions } from '../../model/chains/offspring.js';
import { bounds } from '../../model/limits.js';
import { readingLocale } from './number-reading.js';

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
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
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
type Value<N extends OptionName> = Exclude<ReturnType<(typeof optionSpecs)[N]['parse']>, { invalid: string }>;

/** The flag a schema key stands for: `fanout` -> `--fanout`. */
export const flagName = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * A flag's text (or a number, from a scenario file) parsed by its spec; a value of another
 * type or one the spec rejects becomes an issue whose message says what is allowed.
 */
function parseInput<T>(spec: OptionSpec<T>, input: unknown, ctx: { issues: z.core.$ZodRawIssue[] }): T {
  if (typeof input !== 'string' && typeof input !== 'number') {
    ctx.issues.push({ code: 'custom', message: `must be a number or a text${input === null ? ' (null is not a value: leave the field out for its default)' : ''}`, input });
    return z.NEVER;
  }
  // -0 is refused in a file as on the command line: a sign on a count is a slip.
  if (Object.is(input, -0)) {
    const rule = spec.parse('-0');
    ctx.issues.push({ code: 'custom', message: `${isInvalid(rule) ? rule.invalid : 'must not be -0'} (got -0)`, input });
    return z.NEVER;
  }
  if (typeof input === 'string' && input.length > maxValueLength) {
    ctx.issues.push({ code: 'custom', message: `is too long: at most ${maxValueLength} characters (got ${quoted(input)}, ${thousands(input.length)} characters)`, input });
    return z.NEVER;
  }
  const value = spec.parse(input);
  if (!isInvalid(value)) return value;
  ctx.issues.push({ code: 'custom', message: `${value.invalid} (got ${quoted(input)})`, input });
  return z.NEVER;
}

/**
 * A zod field that applies the spec's default when the flag is absent and parses it. One
 * transform per field, not a pipe of a type check and a transform: building zod schemas
 * is a good part of start-up, and the spec's parser checks the type anyway.
 */
export function field<T>(spec: OptionSpec<T>) {
  return z.transform((input: unknown, ctx): T => parseInput(spec, input === undefined ? spec.default : input, ctx));
}

/** Like {@link field}, but `undefined` when absent: for flags that choose what to solve for. */
export function optionalField<T>(spec: OptionSpec<T>) {
  return z.transform((input: unknown, ctx): T | undefined => (input === undefined ? undefined : parseInput(spec, input, ctx)));
}

/** Fields for the named options, all with their defaults. */
export function fields<const N extends OptionName>(names: readonly N[]): { [K in N]: ReturnType<typeof field<Value<K>>> } {
  return Object.fromEntries(names.map((name) => [name, field(optionSpecs[name] as OptionSpec<unknown>)])) as never;
}

/** A zod issue in words: what is wrong with the value at its path. */
export function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length > 1 ? 'fields' : 'field'} ${issue.keys.slice(0, 5).map(quoted).join(', ')}${issue.keys.length > 5 ? ', …' : ''}`;
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_union':
      return 'must be a number or a text';
    case 'too_small':
      return `must hold at least ${issue.minimum} ${issue.origin === 'array' ? 'item' : 'character'}${Number(issue.minimum) === 1 ? '' : 's'}`;
    case 'too_big':
      return `must hold at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
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

/** {@link marketBelowStart} as a zod refinement, for a scenario file's schema. */
export function marketHoldsStart(value: { start: number; market: number | null }, ctx: z.core.$RefinementCtx) {
  const problem = marketBelowStart(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value.market, path: ['market'] });
}
