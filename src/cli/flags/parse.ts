import { ruleText } from '../../model/limits.js';
import { type NumberKind, decimalParts, isPlainNumber, readNumberHere } from './number-reading.js';
import { durationUnits } from '../../model/calendar/duration-text.js';
import { beforeAny } from '../../output/before-any.js';
import { isDigit, isLetter, isSpace } from './characters.js';

/**
 * Parsers from the text of a flag (or a scenario field) to a value. Each returns the value
 * or an {@link Invalid} that says what is allowed; they never throw.
 */

/** A value that was not accepted, with the words "must be ..." that say what is. */
export interface Invalid {
  readonly invalid: string;
}
export type Parsed<T> = T | Invalid;
export const isInvalid = (value: unknown): value is Invalid =>
  typeof value === 'object' && value !== null && 'invalid' in value;

/** A whole number with commas between thousands, for messages and help: `1,000,000` (no ICU). */
export { thousands } from '../../model/limits.js';

/** The longest text any value may be: checked before parsing, so no parser sees more. */
export const maxValueLength = 100;

/**
 * Made on first use, not as the file loads: a literal with a Unicode property escape is
 * parsed when it is first evaluated (ICU builds its sets), about 0.25 ms of every start on
 * Node 22 and 26 when the file is compiled from a code cache (docs/performance.md).
 */
let unsafeCharacters: RegExp | undefined;

/**
 * Characters never echoed raw: C0 and C1 controls, DEL, line and paragraph separators, and
 * every invisible format character (Unicode's Cf: marks that turn text direction, the Arabic
 * letter mark U+061C, zero-width spaces, the soft hyphen, the byte-order mark, tags), but the
 * zero-width joiner and non-joiner, which Persian words and emoji need.
 */
const unsafe = (): RegExp => (unsafeCharacters ??= /(?![\u200c\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/gu);

/**
 * Whether a text is printable ASCII alone (0x20 to 0x7e), which holds none of those
 * characters: then the pattern need not run. Its Unicode properties cost about 1 ms of ICU's
 * set-up the first time, and V8 compiles any pattern at its first use (docs/performance.md).
 */
const plainAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) > 0x7e) return false;
  return true;
};

/** Whether a text holds any of those characters (scenario names may not). */
export const hasUnsafeCharacters = (text: string): boolean => !plainAscii(text) && text.search(unsafe()) >= 0;

/** Those characters written as `\uXXXX`. */
const escapeUnsafe = (text: string): string =>
  plainAscii(text) ? text : text.replace(unsafe(), (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });

/**
 * A value as messages show it: JSON-quoted (control characters escaped, C1 controls and
 * direction overrides too, so nothing reaches a terminal raw), and cut with an ellipsis
 * past 40 characters.
 *
 * @example quoted('a'.repeat(50)) // => '"' + 'a'.repeat(40) + '…"'
 */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? (value.length > 40 ? `${value.slice(0, 40)}…` : value) : value;
  const json = JSON.stringify(text) ?? String(text);
  return escapeUnsafe(json);
}

/**
 * Text from commander (which quotes the user's words as they are) made safe for a terminal
 * and short: control characters, C1 controls and direction overrides escaped as \uXXXX, and
 * each 'quoted' run past 40 characters cut with an ellipsis.
 *
 * @example safeText("unknown option '--\u001b[31m'") // => "unknown option '--\\u001b[31m'"
 */
export function safeText(text: string): string {
  const safe = escapeUnsafe(text);
  // Only a text with quotes has a quoted run to cut (no pattern to compile for the others).
  return safe.includes("'") ? safe.replace(/'([^']{41,})'/g, (_, inner: string) => `'${inner.slice(0, 40)}…'`) : safe;
}

/**
 * A file name as messages show it: `<stdin>` for `-`, control characters escaped (see
 * {@link safeText}), and past 80 characters its start and end around an ellipsis.
 */
export function fileLabel(file: string): string {
  if (file === '-') return '<stdin>';
  const safe = safeText(file);
  return safe.length > 80 ? `${safe.slice(0, 40)}…${safe.slice(-39)}` : safe;
}

/**
 * A file's own name, without its folders, as a picture's title names it (`referrals.csv`,
 * `<stdin>`), shown as {@link fileLabel} shows a file.
 *
 * @example fileName('/home/ann/exports/crm.csv') // => 'crm.csv'
 */
export function fileName(file: string): string {
  if (file === '-') return fileLabel(file);
  return fileLabel(file.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? file);
}

/**
 * The number a text spells as a plain decimal number, or null: digits with an optional
 * fraction and exponent and an optional leading `+`, surrounding blanks ignored (`1e3`, `+3`,
 * ` 7 `, `.5`). Not accepted: hex (`0x10`), separators (`1_000`, `1,5`), signs other than `+`,
 * `Infinity`, `NaN`, empty text. The grammar is number-reading.ts's plain numbers
 * (`/^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i`, read by isPlainNumber's scan); texts past
 * {@link maxValueLength} are refused before it. Lists (`--quantiles`) use it: their commas
 * separate items.
 */
export function plainNumber(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (text.length > maxValueLength) return null;
  const trimmed = text.trim();
  if (!isPlainNumber(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * The number a flag's text spells under the reader's locale (see number-reading.ts: `10.000`
 * is ten thousand under nl-NL), null when it spells none, or why a form is refused.
 */
export function numberText(text: string | number, kind: NumberKind): number | null | Invalid {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (text.length > maxValueLength) return null;
  const reading = readNumberHere(text, kind);
  if (reading === null) return null;
  return 'refused' in reading ? { invalid: reading.refused } : reading.value;
}

/** A whole number from min to max. */
export function wholeNumber(min: number, max: number) {
  // The rule's words are written when a value breaks it: writing them for every flag as the
  // flags' table loads cost every start about 0.05 ms.
  return (text: string | number): Parsed<number> => {
    const value = numberText(text, 'whole');
    if (isInvalid(value)) return value;
    return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : { invalid: ruleText.whole(min, max) };
  };
}

/**
 * A real number from min to max; `above` makes the lower end exclusive. `reading` 'whole'
 * reads `10.000` under nl-NL as ten thousand, for numbers people count (a goal's target).
 */
export function realNumber(min: number, max: number, above = false, reading: NumberKind = 'fraction') {
  return (text: string | number): Parsed<number> => {
    const value = numberText(text, reading);
    if (isInvalid(value)) return value;
    return value !== null && (above ? value > min : value >= min) && value <= max ? value : { invalid: ruleText.real(min, max, above) };
  };
}

/**
 * A share from 0 to 1, written as a fraction (`0.3`) or a percentage (`30%`, `12,5 %` under
 * a decimal-comma locale).
 *
 * @example share('30%') // => 0.3
 */
export function share(text: string | number): Parsed<number> {
  const rule = { invalid: `${ruleText.share}, or a percentage from 0% to 100%` };
  const read = percentOrNumber(text);
  if (read === null) return rule;
  if (isInvalid(read)) return read;
  return read.value >= 0 && read.value <= 1 ? read.value : rule;
}

/**
 * A percentage (`30%`, `12,5 %`) as its fraction, or a plain number as it is, and which it
 * was written as; null when it is neither.
 *
 * @example percentOrNumber('30%') // => { value: 0.3, percent: true }
 */
function percentOrNumber(text: string | number): Parsed<{ value: number; percent: boolean }> | null {
  const trimmed = typeof text === 'string' ? text.trim() : text;
  const percent = typeof trimmed === 'string' && trimmed.endsWith('%');
  const value = numberText(percent ? (trimmed as string).slice(0, -1) : trimmed, 'fraction');
  if (isInvalid(value)) return value;
  if (value === null) return null;
  // Divide, do not multiply by 0.01: 30 / 100 is the double nearest 0.3, 30 * 0.01 is not.
  return { value: percent ? value / 100 : value, percent };
}

/**
 * A yearly discount rate, written as a percentage (`8%`, `8,5 %` under a decimal-comma
 * locale) or a fraction (`0.08`): above -100% (a rate of -100% or less makes money in a
 * year worth nothing or less than nothing) and at most 1000%; a fraction from -1 to 1, so that
 * `--discount 8` (meant as 8%, read as 800%) is refused, not taken.
 *
 * @example discountRate('8%') // => 0.08
 */
export function discountRate(text: string | number): Parsed<number> {
  const rule = { invalid: 'must be a yearly rate above -100% and at most 1000%, written as a percentage (8%) or a fraction from -1 to 1 (0.08)' };
  const read = percentOrNumber(text);
  if (read === null) return rule;
  if (isInvalid(read)) return read;
  return read.value > -1 && read.value <= (read.percent ? 10 : 1) ? read.value : rule;
}

/** Units a referral cycle can be written in (see model/calendar/duration-text.ts). */
export type DurationUnit = keyof typeof durationUnits;

/** The time one referral step takes, e.g. 30 days. */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const unitWords: Record<string, DurationUnit> = {
  d: 'd', day: 'd', days: 'd', w: 'w', wk: 'w', week: 'w', weeks: 'w',
  m: 'm', mo: 'm', month: 'm', months: 'm', y: 'y', yr: 'y', year: 'y', years: 'y',
  // Dutch: 1j, 1 jaar, 2 maanden, 6 weken, 30 dagen.
  dag: 'd', dagen: 'd', weken: 'w', mnd: 'm', maand: 'm', maanden: 'm', j: 'y', jr: 'y', jaar: 'y', jaren: 'y',
};

/**
 * A duration such as `30d`, `6w`, `3m`, `1y` or `1.5 months`, above 0 and at most 100 years.
 *
 * @example duration('6w') // => { amount: 6, unit: 'w' }
 */
export function duration(text: string | number): Parsed<Duration> {
  const rule = { invalid: 'must be a duration above 0 such as 30d, 6w, 3m or 1y (days, weeks, months, years)' };
  const trimmed = String(text).length > maxValueLength ? '' : String(text).trim();
  // The unit is the run of letters at the end; the amount what stands before it (one scan, no backtracking).
  let cut = trimmed.length;
  while (cut > 0 && isLetter(trimmed[cut - 1])) cut--;
  const unit = cut < trimmed.length ? unitWords[trimmed.slice(cut).toLowerCase()] : undefined;
  const amount = cut > 0 ? numberText(trimmed.slice(0, cut).trimEnd(), 'fraction') : null;
  if (isInvalid(amount)) return amount;
  if (!unit || amount === null || amount <= 0) return rule;
  const inYears = { d: 365.25, w: 52.18, m: 12, y: 1 }[unit];
  return amount / inYears <= 100 ? { amount, unit } : rule;
}

/**
 * What a recurring value is paid per (`--per`): a unit alone (`year`, `quarter`, `month`,
 * `week`, `day`) or any duration (`6w`, `1y`).
 *
 * @example perDuration('quarter') // => { amount: 3, unit: 'm' }
 */
export function perDuration(text: string | number): Parsed<Duration> {
  const word = String(text).trim().toLowerCase();
  const [year, quarter, month, week, day]: Duration[] = [{ amount: 1, unit: 'y' }, { amount: 3, unit: 'm' }, { amount: 1, unit: 'm' }, { amount: 1, unit: 'w' }, { amount: 1, unit: 'd' }];
  // English and Dutch: --per year, --per jaar, kwartaal, maand, week, dag.
  const units: Record<string, Duration> = { year: year!, quarter: quarter!, month: month!, week: week!, day: day!, jaar: year!, kwartaal: quarter!, maand: month!, dag: day! };
  if (Object.hasOwn(units, word)) return units[word]!;
  const parsed = duration(text);
  return isInvalid(parsed) ? { invalid: 'must be year, quarter, month, week, day or a duration such as 6w or 1y' } : parsed;
}


/**
 * A locale as the environment spells it, without its character set: `nl_NL.UTF-8` is `nl_NL`
 * (what `.replace(/\.[\w-]+$/, '')` gives: the text after the last dot, when that is one or
 * more letters, digits, `_` or `-`, goes with the dot).
 *
 * @example withoutCharset('nl_NL.UTF-8') // => 'nl_NL'
 */
export function withoutCharset(text: string): string {
  const dot = text.lastIndexOf('.');
  if (dot < 0 || dot === text.length - 1) return text;
  for (let i = dot + 1; i < text.length; i++) {
    const c = text[i]!;
    if (!(c === '_' || c === '-' || isDigit(c) || isLetter(c))) return text;
  }
  return text.slice(0, dot);
}

/**
 * A BCP 47 locale tag that this Node.js can format numbers in (`en-US`, `nl-NL`, `de`).
 */
export function localeTag(text: string | number): Parsed<string> {
  const rule = { invalid: 'must be a locale tag this system knows, such as en-US, nl-NL or de-DE' };
  if (String(text).length > maxValueLength) return rule;
  // The environment's spelling works too: nl_NL and nl_NL.UTF-8 are nl-NL.
  const written = withoutCharset(String(text).trim()).replaceAll('_', '-');
  // The two locales fans writes numbers in by hand (output/number-format.ts) need no ICU,
  // whose loading is most of a Dutch reader's start-up: both tags are already canonical.
  if (written === 'en-US' || written === 'nl-NL') return written;
  try {
    const [tag] = Intl.getCanonicalLocales(written);
    return tag && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : rule;
  } catch {
    return rule;
  }
}

/**
 * The locale of the environment: LC_ALL, then LC_NUMERIC, then LANG (`nl_NL.UTF-8` is
 * nl-NL), else en-US. `C` and `POSIX` mean en-US.
 */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): string {
  for (const name of ['LC_ALL', 'LC_NUMERIC', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const base = beforeAny(value, '.@').replace('_', '-');
    // The usual answers need no ICU: checking a tag loads it, at a fifth of start-up
    // (en-US and nl-NL are known to localeTag without it).
    if (base === 'C' || base === 'POSIX' || base === 'en') return 'en-US';
    const tag = localeTag(base);
    return isInvalid(tag) ? 'en-US' : tag;
  }
  return 'en-US';
}

/**
 * A list of percentiles strictly between 0 and 100, comma-separated, at most 9, returned
 * sorted without repeats: `10,50,90`.
 *
 * @example quantileList('95, 5,50') // => [5, 50, 95]
 */
export function quantileList(text: string | number): Parsed<number[]> {
  const rule = { invalid: 'must be up to 9 percentiles above 0 and below 100, separated by commas, such as 5,50,95' };
  if (String(text).length > maxValueLength) return rule;
  const parts = String(text).split(',');
  const values = parts.map((part) => plainNumber(part));
  if (parts.length > 9 || values.some((v) => v === null || v <= 0 || v >= 100)) return rule;
  // 0.05,0.5 is far more likely shares than p0.05 and p0.5: refuse rather than guess.
  if ((values as number[]).every((v) => v < 1)) {
    return { invalid: `are percentiles from 0 to 100, and these all look like shares: for the ${(values as number[]).map((v) => `${+(v * 100).toPrecision(12)}th`).join(', ')} percentiles write ${(values as number[]).map((v) => +(v * 100).toPrecision(12)).join(',')}` };
  }
  return [...new Set(values as number[])].sort((a, b) => a - b);
}

/** A sum of money as typed: its value in major units and the currency mark written with it, if any. */
export interface AmountText {
  units: number;
  /** The same amount as plain decimal text, digit for digit (see {@link minorUnits}). */
  decimal: string;
  /** A currency symbol or code written before or after the number (`€`, `EUR`, `$`), or null. */
  mark: string | null;
}

/** The largest amount any money flag takes: 1e15 (a quadrillion) of a currency's major units. */
export const maxAmount = 1e15;

/**
 * An amount of money: a number read by the flags' rule (`1.500,00` under nl-NL), 0 to 1e15,
 * with an optional currency symbol or code before or after it (`€1.500,00`, `1500 EUR`),
 * which must be the run's currency (checked with it, later).
 *
 * @example amount('€ 600') // => { units: 600, mark: '€' }
 */
export function amount(text: string | number): Parsed<AmountText> {
  const period = periodIn(text);
  if (period) return { invalid: `is one amount, without a period (${quoted(period.written)}): only --value is paid per period, as --value 250/year or --value 250 --per year` };
  return amountAlone(text);
}

/** {@link amount} once any period is split off (see {@link paidAmount}): the number and its currency mark. */
function amountAlone(text: string | number): Parsed<AmountText> {
  const rule = { invalid: `must be an amount from 0 to ${maxAmount.toExponential()}, such as 600 or 12.50 (a currency symbol may stand with it)` };
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 && text <= maxAmount ? { units: text, decimal: String(text), mark: null } : rule;
  if (text.length > maxValueLength) return rule;
  // A whole amount's dash (`€ 1.250,-`, `$1,250.-`) is `,00`: left off. One run of non-digit,
  // non-mark characters at either end is the currency; one scan each way.
  const trimmed = withoutWholeDash(text.trim());
  let start = 0;
  while (start < trimmed.length && !(isDigit(trimmed[start]) || '.,+-'.includes(trimmed[start]!) || isSpace(trimmed[start]))) start++;
  let end = trimmed.length;
  while (end > start && !(isDigit(trimmed[end - 1]) || '.,'.includes(trimmed[end - 1]!) || isSpace(trimmed[end - 1]))) end--;
  if (start > 0 && end < trimmed.length) return rule;
  const mark = start > 0 ? trimmed.slice(0, start) : end < trimmed.length ? trimmed.slice(end) : null;
  const reading = readNumberHere(trimmed.slice(start, end).trim(), 'amount');
  if (reading !== null && 'refused' in reading) return { invalid: reading.refused };
  return reading !== null && reading.value >= 0 && reading.value <= maxAmount ? { units: reading.value, decimal: reading.text, mark } : rule;
}

/**
 * An amount without a whole amount's dash (`€ 1.250,-` is `€ 1.250`): a digit, a mark and a
 * dash, then only spaces and a currency's letters to the end, lose the mark and the dash
 * (`.replace(/(\d)[.,][-\u2013](?=\s*[^\d.,\s-]*$)/, '$1')`, scanned; see characters.ts).
 *
 * @example withoutWholeDash('€ 1.250,-') // => '€ 1.250'
 */
export function withoutWholeDash(text: string): string {
  for (let i = 0; i + 2 < text.length; i++) {
    if (!isDigit(text[i]) || (text[i + 1] !== '.' && text[i + 1] !== ',') || (text[i + 2] !== '-' && text[i + 2] !== '\u2013')) continue;
    let rest = i + 3;
    while (isSpace(text[rest])) rest++;
    let clean = true;
    for (let j = rest; j < text.length && clean; j++) clean = !(isDigit(text[j]) || '.,-'.includes(text[j]!) || isSpace(text[j]));
    if (clean) return text.slice(0, i + 1) + text.slice(i + 3);
  }
  return text;
}

/** A --value as typed, with how often it is paid when the text says so (`250/jaar`). */
export interface PaidAmount extends AmountText {
  /** The period written after the amount, or null: paid once (unless --per says otherwise). */
  per: Duration | null;
}

/**
 * --value: an {@link amount}, optionally followed by how often it is paid, as people write
 * it: `250/year`, `€ 20 per maand`, `20 a month`, `1.250/jr`, `99/6w`. The period is what
 * `--per` takes (year, quarter, month, week, day, their Dutch names, or a duration); an
 * amount with one is `--value AMOUNT --per PERIOD`.
 *
 * @example paidAmount('250/jaar') // => { units: 250, decimal: '250', mark: null, per: { amount: 1, unit: 'y' } }
 */
export function paidAmount(text: string | number): Parsed<PaidAmount> {
  const period = periodIn(text);
  const read = amountAlone(period ? period.amount : text);
  return isInvalid(read) ? read : { ...read, per: period ? period.per : null };
}

/** {@link periodWritten} of a text within {@link maxValueLength} (a longer one is refused as an amount, unread). */
const periodIn = (text: string | number) => (typeof text === 'string' && text.length <= maxValueLength ? periodWritten(text) : null);

/**
 * The period written after an amount (`/year`, ` per maand`, ` a month`), split off, or
 * null when the text has none: only a text whose last part is a period `--per` takes, so
 * a currency symbol with a slash in it (`S/ 250`, Peru's sol) is still read as one.
 *
 * @example periodWritten('€ 20 per month') // => { amount: '€ 20', written: 'per month', per: { amount: 1, unit: 'm' } }
 */
function periodWritten(text: string): { amount: string; written: string; per: Duration } | null {
  const trimmed = text.trim();
  const slash = trimmed.lastIndexOf('/');
  // `per`, `a` or `an` and one word at the end; else what follows the last slash. The periods'
  // words are ASCII, and so is the class: a Unicode property (\p{L}) costs a money run about
  // 0.7 ms of ICU's set-up the first time it runs (test/cli/startup.test.ts).
  const words = periodWords(trimmed);
  const [cut, word] = words ? [words.index, words.word] : slash > 0 ? [slash, trimmed.slice(slash + 1)] : [-1, ''];
  if (cut < 0) return null;
  const per = periodOf(word.trim());
  return per && [...trimmed.slice(0, cut)].some(isDigit) ? { amount: trimmed.slice(0, cut), written: trimmed.slice(cut).trim(), per } : null;
}

/**
 * `per`, `a` or `an` and one word at the end of a text, after a space (` per maand`, ` a
 * year`, any case): where that space is, and the word; null without. What
 * `/\s(per|an?)\s+([a-z\d.]+)$/i.exec(text)` gives as its index and second group, scanned
 * from the end (see characters.ts).
 *
 * @example periodWords('€ 20 per maand') // => { index: 4, word: 'maand' }
 */
export function periodWords(text: string): { index: number; word: string } | null {
  let from = text.length;
  while (from > 0 && (isLetter(text[from - 1]) || isDigit(text[from - 1]) || text[from - 1] === '.')) from--;
  if (from === text.length) return null;
  let spaced = from;
  while (spaced > 0 && isSpace(text[spaced - 1])) spaced--;
  if (spaced === from) return null;
  const is = (at: number, letter: string) => text[at] !== undefined && text[at]!.toLowerCase() === letter && isLetter(text[at]);
  const at = is(spaced - 3, 'p') && is(spaced - 2, 'e') && is(spaced - 1, 'r') ? spaced - 4 : is(spaced - 2, 'a') && is(spaced - 1, 'n') ? spaced - 3 : is(spaced - 1, 'a') ? spaced - 2 : -1;
  return at >= 0 && isSpace(text[at]) ? { index: at, word: text.slice(from) } : null;
}

/** A period as `--per` takes it (`year`, `kwartaal`, `6w`), or a unit alone (`yr`, `mnd`, `w`) as one of it; null otherwise. */
function periodOf(word: string): Duration | null {
  const per = perDuration(word);
  if (!isInvalid(per)) return per;
  const one = word !== '' && [...word].every(isLetter) ? duration(`1${word}`) : null;
  return one && !isInvalid(one) ? one : null;
}

/**
 * The whole minor units of a plain decimal text (`1234.5`, `1e3`) in a currency of `digits`
 * minor digits, computed from the digits themselves (no double between): null when the text
 * has more decimals than the currency. `1234.5` at 2 digits is 123450n.
 *
 * @example minorUnits('999999999999.99', 2) // => 99999999999999n
 */
export function minorUnits(text: string, digits: number): bigint | null {
  const parts = decimalParts(text.trim());
  if (!parts) return null;
  const fraction = parts.fraction;
  const mantissa = BigInt(`${parts.whole}${fraction}` || '0');
  if (mantissa === 0n) return 0n;
  const shift = Number(parts.exponent) - fraction.length + digits;
  if (shift >= 0) return mantissa * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return mantissa % divisor === 0n ? mantissa / divisor : null;
}

/**
 * A currency code: three letters, one this system's Intl knows (ISO 4217), upper case.
 *
 * @example currencyCode('eur') // => 'EUR'
 */
export function currencyCode(text: string | number): Parsed<string> {
  const rule = { invalid: 'must be an ISO 4217 currency code this system knows, such as EUR, USD or GBP' };
  const code = String(text).trim().toUpperCase();
  if (code.length !== 3 || ![...code].every((c) => c >= 'A' && c <= 'Z')) return rule;
  return Intl.supportedValuesOf('currency').includes(code) ? code : rule;
}
