/**
 * How `fans` reads a number someone typed: one rule for every numeric flag, the goal's
 * target and number strings in scenario files, under the reader's locale.
 *
 * The rule (docs/numbers.md, "Numbers as you write them"):
 * 1. Plain numbers mean the same everywhere: `10000`, `0.2`, `.5`, `1e6`, `+3`.
 * 2. The locale's own way is read as it writes it: under nl-NL `10.000` is ten thousand and
 *    `0,2` is 0.2; under en-US `10,000` is ten thousand; under fr-FR `10 000` (a space,
 *    no-break space or narrow no-break space) is ten thousand; under en-IN `1,00,000` is a
 *    hundred thousand. Groups must be well formed (three digits, or the locale's own pattern).
 * 3. One mark followed by exactly three digits (`1.500`, `1,500`) could be thousands or a
 *    decimal: a flag that counts, and an amount of money (cents have two decimals, never
 *    three), reads it as thousands when that mark is the locale's thousands mark, a flag
 *    that takes fractions as a decimal when it is the locale's decimal mark; otherwise it is
 *    refused with both readings (`--market 10.000` under en-US).
 * 4. Anything else is refused with how it would read in the other convention and how to
 *    write it: `0,2` under en-US ("reads as 0.2 only with a decimal comma ...").
 *
 * Every step is a linear scan or a pattern with no nested quantifiers; texts are at most
 * 100 characters (parse.ts's maxValueLength) when they reach here.
 */

import { isDigit } from './characters.js';

/** The marks a locale writes numbers with. */
export interface NumberMarks {
  locale: string;
  /** The decimal mark: `.` or `,` (or another single character). */
  decimal: string;
  /** The characters accepted between groups of digits (a space-like mark accepts all three spaces). */
  group: string;
  /** Digits in the groups before the last three: 3, or 2 for en-IN (`1,00,000`). */
  secondary: number;
}

/** What a text reads as: a number, or why not (the words after the flag's name). */
export type NumberReading = { value: number; /** The same number as plain decimal text (`1500.25`, `1e3`), digit for digit: amounts are read from it exactly. */ text: string } | { refused: string };

/**
 * What a flag takes: whole numbers (10000), fractions (1.5), or an amount of money (12.50 or
 * 1.000 euros: fractions, but `1.000` under nl-NL is a thousand, as for whole numbers).
 */
export type NumberKind = 'whole' | 'fraction' | 'amount';

const spaces = ' \u00a0\u202f';

/** en-US, known without asking ICU (which costs start-up time). */
export const enUsMarks: NumberMarks = { locale: 'en-US', decimal: '.', group: ',', secondary: 3 };

/** nl-NL, known without asking ICU: `1.234,5` (a test holds it equal to Intl's). */
export const nlNlMarks: NumberMarks = { locale: 'nl-NL', decimal: ',', group: '.', secondary: 3 };

/** The marks of a locale, from Intl (en-US and nl-NL without it). */
export function marksOf(locale: string): NumberMarks {
  if (locale === 'en-US' || locale === 'en') return enUsMarks;
  if (locale === 'nl-NL') return nlNlMarks;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(123456789.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const groupMark = parts.find((p) => p.type === 'group')?.value ?? '';
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const secondary = integers.length >= 3 ? integers[1]! : 3;
  const group = spaces.includes(groupMark) && groupMark !== '' ? spaces : groupMark;
  return { locale, decimal, group, secondary };
}

/**
 * Whether `text` is a plain number: digits with an optional dot fraction and exponent, an
 * optional leading `+`, at least one digit before the exponent;
 * `/^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i`, read by {@link decimalParts}' scan. The
 * readers here use no regular expression on a common run's path: V8 compiles each pattern at
 * its first use in a process (a case-blind one like this about 0.1 ms), and no code cache
 * keeps that (docs/performance.md). A property test holds each scan equal to its pattern.
 *
 * @example isPlainNumber('1e6') // => true
 */
export function isPlainNumber(text: string): boolean {
  const parts = decimalParts(text);
  return parts !== null && parts.whole.length + parts.fraction.length > 0;
}

/**
 * A plain decimal text's whole digits, fraction digits and exponent (`+12.50e3`: 12, 50, 3;
 * each may be empty, the exponent 0), or null for any other text: what
 * `/^\+?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i` reads, scanned (see {@link isPlainNumber}).
 *
 * @example decimalParts('1234.5') // => { whole: '1234', fraction: '5', exponent: '0' }
 */
export function decimalParts(text: string): { whole: string; fraction: string; exponent: string } | null {
  let i = text.startsWith('+') ? 1 : 0;
  const wholeFrom = i;
  while (isDigit(text[i])) i++;
  const whole = text.slice(wholeFrom, i);
  let fraction = '';
  if (text[i] === '.') {
    const fractionFrom = ++i;
    while (isDigit(text[i])) i++;
    fraction = text.slice(fractionFrom, i);
  }
  let exponent = '0';
  if (text[i] === 'e' || text[i] === 'E') {
    const exponentFrom = ++i;
    if (text[i] === '+' || text[i] === '-') i++;
    const digitsFrom = i;
    while (isDigit(text[i])) i++;
    if (i === digitsFrom) return null;
    exponent = text.slice(exponentFrom, i);
  }
  return i === text.length ? { whole, fraction, exponent } : null;
}

/**
 * The mark of a number written with one mark before its last three digits, 1 to 3 digits
 * before it and no leading zero (`1.500`, `+12,000`), or null: `/^\+?[1-9]\d{0,2}([.,])\d{3}$/`'s
 * group as one scan (see {@link isPlainNumber}).
 *
 * @example singleMark('1.500') // => '.'
 */
export function singleMark(text: string): '.' | ',' | null {
  const first = text.startsWith('+') ? 1 : 0;
  if (!isDigit(text[first]) || text[first] === '0') return null;
  let i = first + 1;
  while (i < first + 3 && isDigit(text[i])) i++;
  const mark = text[i];
  if ((mark !== '.' && mark !== ',') || text.length !== i + 4) return null;
  return isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) ? mark : null;
}

/**
 * The value of a plain number (rule 1: `1000000`, `1e6`, the same under every locale), or
 * null for any other text: what can be read before the locale is known (io/prestart.ts).
 */
export function plainNumber(text: string): number | null {
  return plainValue(text)?.value ?? null;
}

/** The value of a plain number and its text, or null. */
function plainValue(text: string): { value: number; text: string } | null {
  if (!isPlainNumber(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? { value, text: text.startsWith('+') ? text.slice(1) : text } : null;
}

/**
 * The value of `text` written with `decimal` between whole and fraction and any of `group`
 * between groups of digits (well formed: the first group 1 to 3 digits not starting with 0,
 * then groups of `secondary` digits and a last group of three), or null. One scan.
 */
function markedValue(text: string, decimal: string, group: string, secondary: number): { value: number; text: string } | null {
  let body = text.startsWith('+') ? text.slice(1) : text;
  let fraction = '';
  const point = body.indexOf(decimal);
  if (point >= 0) {
    fraction = body.slice(point + 1);
    body = body.slice(0, point);
    if (!/^\d+$/.test(fraction) || (body !== '' && !/^\d/.test(body))) return null;
  }
  const groups: string[] = [];
  let current = '';
  for (const c of body) {
    if (c >= '0' && c <= '9') current += c;
    else if (group.includes(c)) {
      groups.push(current);
      current = '';
    } else return null;
  }
  groups.push(current);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    const last = rest.pop()!;
    // Groups of three (`100,000`) everywhere; the locale's own pattern too (en-IN `1,00,000`).
    const threes = rest.every((g) => g.length === 3);
    const own = secondary !== 3 && first!.length <= secondary && rest.every((g) => g.length === secondary);
    if (!/^[1-9]\d{0,2}$/.test(first!) || last.length !== 3 || !(threes || own)) return null;
  } else if (body === '' && fraction === '') return null;
  const digits = groups.join('');
  const plain = `${digits === '' ? '0' : digits}${fraction === '' ? '' : `.${fraction}`}`;
  const value = Number(plain);
  return Number.isFinite(value) ? { value, text: plain } : null;
}

/** A value written plainly, as the message suggests it: `1500`, `1.5`. */
const plainText = (value: number) => String(value);

/** The other convention's marks: a decimal comma locale's for en-US, en-US's for the others. */
const otherMarks = (marks: NumberMarks): NumberMarks =>
  marks.decimal === '.' ? { locale: 'nl-NL', decimal: ',', group: '.', secondary: 3 } : enUsMarks;

/** The name of a mark in words. */
const markName = (mark: string) => (mark === '.' ? 'dot' : mark === ',' ? 'comma' : 'space');

/**
 * A number as someone typed it, read under `marks` (see the rule above). `marks` is a
 * function so that ICU is asked only for texts that hold a mark.
 *
 * @example readNumber('10.000', 'whole', () => marksOf('nl-NL')) // => { value: 10000 }
 * @example readNumber('0,2', 'fraction', () => enUsMarks) // => { refused: 'reads as 0.2 only with a decimal comma, which en-US does not use: ...' }
 */
export function readNumber(raw: string, kind: NumberKind, marksFor: () => NumberMarks): NumberReading | null {
  const text = raw.trim();
  const mark = singleMark(text);
  if (mark !== null) {
    // `1.500`, `1,500`: thousands or a decimal? The flag's kind and the locale decide, or no one.
    const marks = marksFor();
    const unsigned = text.replace('+', '');
    const thousands = Number(unsigned.replace(mark, ''));
    const decimal = Number(unsigned.replace(mark, '.'));
    const asThousands = kind !== 'fraction';
    if (asThousands ? marks.group.includes(mark) : marks.decimal === mark) return asThousands ? { value: thousands, text: unsigned.replace(mark, '') } : { value: decimal, text: unsigned.replace(mark, '.') };
    // The decimal as the locale writes it, with a fourth decimal where that would be the very
    // text refused (`936.746` under en-US: write 936.7460, which no one reads as thousands).
    const asDecimal = writtenIn(decimal, marks);
    return {
      refused: `could be ${plainText(thousands)} (${markName(mark)} between thousands) or ${plainText(decimal)} (${markName(mark)} as decimal mark), and ${marks.locale} does not say which: write ${plainText(thousands)} or ${asDecimal === unsigned ? `${asDecimal}0` : asDecimal}`,
    };
  }
  const plain = plainValue(text);
  if (plain !== null) return plain;
  if (text === '') return null;
  const marks = marksFor();
  const local = markedValue(text, marks.decimal, marks.group, marks.secondary);
  if (local !== null) return local;
  const other = otherMarks(marks);
  const otherValue = markedValue(text, other.decimal, other.group, 3)?.value ?? null;
  if (otherValue === null) return null;
  const otherWay = other.decimal === ',' ? 'a decimal comma' : 'a decimal point and commas between thousands';
  const fix = `set --locale ${other.locale} to read numbers that way`;
  // `1,5` under en-US: a decimal comma, or a misplaced thousands comma (15)?
  if (/^\+?[1-9]\d*[.,]\d+$/.test(text) && text.includes(other.decimal)) {
    const stripped = Number(text.replace(/[^\d]/g, ''));
    return { refused: `could be ${plainText(otherValue)} (${markName(other.decimal)} as decimal mark) or ${plainText(stripped)} (${markName(other.decimal)} between thousands), and ${marks.locale} writes neither that way: write ${writtenIn(otherValue, marks)} or ${plainText(stripped)}, or ${fix}` };
  }
  return { refused: `reads as ${plainText(otherValue)} only with ${otherWay}, which ${marks.locale} does not use: write ${writtenIn(otherValue, marks)}${writtenIn(otherValue, marks) === plainText(otherValue) ? '' : ` or ${plainText(otherValue)}`}, or ${fix}` };
}

/** A value the way a locale groups and marks it: `1.234,5` under nl-NL. */
function writtenIn(value: number, marks: NumberMarks): string {
  const [whole, fraction] = plainText(value).split('.');
  const groupMark = marks.group[marks.group.length - 1] === '\u202f' ? ' ' : marks.group[0] ?? '';
  let grouped = whole!.slice(-3);
  let rest = whole!.slice(0, -3);
  while (rest.length > 0) {
    grouped = `${rest.slice(-marks.secondary)}${groupMark}${grouped}`;
    rest = rest.slice(0, -marks.secondary);
  }
  return fraction === undefined ? grouped : `${grouped}${marks.decimal}${fraction}`;
}

/**
 * The marks numbers are read under now: en-US until a run says otherwise. Kept on
 * globalThis (under a registered symbol), not in this module: each lazily loaded file of
 * the bundle (sampled runs, calendar, fitting) carries its own copy of this module, and all
 * of them must read under the run's locale.
 */
const reading: { active: () => NumberMarks } = ((globalThis as Record<symbol, unknown>)[Symbol.for('fans.numberReading')] ??= {
  active: () => enUsMarks,
}) as { active: () => NumberMarks };

/**
 * Read numbers under `marks` until the returned function is called (a run of `main` sets
 * its locale's marks, then restores the previous ones). `marks` is asked at most once, and
 * only when a text holds a mark: looking a locale up loads ICU.
 */
export function readNumbersUnder(marks: () => NumberMarks): () => void {
  const previous = reading.active;
  let known: NumberMarks | undefined;
  reading.active = () => (known ??= marks());
  return () => {
    reading.active = previous;
  };
}

/** The locale the current run reads numbers (and dates written its way) under. */
export const readingLocale = (): string => reading.active().locale;

/** {@link readNumber} under the marks of the current run. */
export const readNumberHere = (text: string, kind: NumberKind): NumberReading | null => readNumber(text, kind, () => reading.active());
