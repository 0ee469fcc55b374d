import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDigit, isLetter, isSpace } from '../../src/cli/flags/characters.js';
import { namedRegion } from '../../src/cli/flags/money.js';
import { hasUnsafeCharacters, periodWords, quoted, safeText, withoutCharset, withoutWholeDash } from '../../src/cli/flags/parse.js';
import { Amount, wholeDigits } from '../../src/output/amount.js';
import { decimalParts, isPlainNumber, singleMark } from '../../src/cli/flags/number-reading.js';
import { flagName } from '../../src/cli/flags/options.js';
import { longFlag } from '../../src/cli/program.js';
import { isoDateParts } from '../../src/model/calendar/iso-date.js';
import { beforeAny } from '../../src/output/before-any.js';
import { formulaLike, withoutBreaks } from '../../src/output/delimited.js';
import { escapeMarkup } from '../../src/output/markup.js';
import { dutchMarks, withoutTrailingZeros } from '../../src/output/number-format.js';
import { datum } from '../../src/output/words/nl.js';
import { dutchMonths, dutchShortMonths } from '../../src/output/words/months.js';

/**
 * The readers and writers on a common run's path scan their text instead of running a pattern
 * (V8 compiles a pattern at its first use in a process, and again when it runs twice: together
 * about 0.4 ms of `fans simulate`'s start on Node 22 to 26; docs/performance.md). Each scan
 * here is held to the very pattern it replaced, over texts made of the characters that matter
 * to it and any others.
 */
const textOf = (...characters: string[]) =>
  fc.oneof(
    fc.array(fc.constantFrom(...characters), { maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
const runs = { numRuns: 4000, seed: 29 };

describe('each scan equals the pattern it replaced (property)', () => {
  it("beforeAny(text, marks) is text.split(/[marks]/)[0]: a locale's language and base", () => {
    fc.assert(
      fc.property(textOf('n', 'l', 'N', 'L', '_', '.', '@', '-', 'U', 'T', 'F', '8'), (text) => {
        expect(beforeAny(text, '_.@-')).toBe(text.split(/[_.@-]/)[0]);
        expect(beforeAny(text, '.@')).toBe(text.split(/[.@]/)[0]);
        expect(beforeAny(text, '-_.')).toBe(text.split(/[-_.]/)[0]);
      }),
      runs,
    );
  });
  it("withoutCharset is .replace(/\\.[\\w-]+$/, ''): nl_NL.UTF-8 is nl_NL", () => {
    fc.assert(
      fc.property(textOf('n', 'l', '_', 'N', '.', 'U', 'T', 'F', '-', '8', '@', ' ', 'é'), (text) => {
        expect(withoutCharset(text)).toBe(text.replace(/\.[\w-]+$/, ''));
      }),
      runs,
    );
    expect(withoutCharset('nl_NL.UTF-8')).toBe('nl_NL');
    expect(withoutCharset('de_DE.ISO-8859-1@euro')).toBe('de_DE.ISO-8859-1@euro');
  });
  it("withoutTrailingZeros is .replace(/0+$/, ''); dutchMarks swaps dots and commas as .replace(/[.,]/g, ...)", () => {
    fc.assert(
      fc.property(textOf('0', '1', '5', '.', ',', '-', ' '), (text) => {
        expect(withoutTrailingZeros(text)).toBe(text.replace(/0+$/, ''));
        expect(dutchMarks(text)).toBe(text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.')));
      }),
      runs,
    );
  });
  it("longFlag is /--[A-Za-z0-9-]+/'s match, else the flags", () => {
    fc.assert(
      fc.property(textOf('-', '--', 'o', 'Z', '9', ',', ' ', '<', '>', '[', ']', '=', '.', 'é'), (flags) => {
        expect(longFlag(flags)).toBe(/--[A-Za-z0-9-]+/.exec(flags)?.[0] ?? flags);
      }),
      runs,
    );
    expect(longFlag('-o, --output <file>')).toBe('--output');
  });
  it('isPlainNumber is /^\\+?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[+-]?\\d+)?$/i, and singleMark /^\\+?[1-9]\\d{0,2}([.,])\\d{3}$/\'s mark', () => {
    fc.assert(
      fc.property(textOf('0', '1', '9', '.', ',', 'e', 'E', '+', '-', ' ', '٣'), (text) => {
        expect(isPlainNumber(text)).toBe(/^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text));
        expect(singleMark(text)).toBe(/^\+?[1-9]\d{0,2}([.,])\d{3}$/.exec(text)?.[1] ?? null);
      }),
      { numRuns: 20000, seed: 29 },
    );
    for (const text of ['1e6', '.5', '5.', '+3', '1E-3']) expect(isPlainNumber(text)).toBe(true);
    for (const text of ['', '.', '+', 'e5', '1e', '1e+', '1.2.3', ' 1', '--1']) expect(isPlainNumber(text)).toBe(false);
    expect([singleMark('1.500'), singleMark('+12,000'), singleMark('0.500'), singleMark('1234.567')]).toEqual(['.', ',', null, null]);
  });
  it("formulaLike is /^(?:[\\t\\r]| *[=+\\-@])/, and withoutBreaks .replace(/[\\t\\r\\n]+/g, ' '): a spreadsheet's cells", () => {
    fc.assert(
      fc.property(textOf(' ', '\t', '\r', '\n', '=', '+', '-', '@', 'a', '1'), (text) => {
        expect(formulaLike(text)).toBe(/^(?:[\t\r]| *[=+\-@])/.test(text));
        expect(withoutBreaks(text)).toBe(text.replace(/[\t\r\n]+/g, ' '));
      }),
      runs,
    );
  });
});

describe('the money readers scan as their patterns read (property)', () => {
  it('isDigit, isLetter and isSpace are /\\d/, /[a-z]/i and /\\s/ for every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      expect([code, isDigit(c), isLetter(c), isSpace(c)]).toEqual([code, /\d/.test(c), /[a-z]/i.test(c), /\s/.test(c)]);
    }
  });
  it("withoutWholeDash is .replace(/(\\d)[.,][-\\u2013](?=\\s*[^\\d.,\\s-]*$)/, '$1'): € 1.250,- is € 1.250", () => {
    fc.assert(
      fc.property(textOf('1', '0', '.', ',', '-', '–', ' ', '\u00a0', '€', 'E', 'U', 'R', '$'), (text) => {
        expect(withoutWholeDash(text)).toBe(text.replace(/(\d)[.,][-\u2013](?=\s*[^\d.,\s-]*$)/, '$1'));
      }),
      { numRuns: 20000, seed: 29 },
    );
    expect(withoutWholeDash('€ 1.250,-')).toBe('€ 1.250');
  });
  it('periodWords is /\\s(per|an?)\\s+([a-z\\d.]+)$/i: where the space is, and the word', () => {
    fc.assert(
      fc.property(textOf('per', 'PER', 'Per', 'a', 'an', 'AN', ' ', '\u00a0', '\t', 'maand', 'year', '6w', '.', '2', '€', 'p', 'e', 'r', 'n', 'ſ', 'K'), (text) => {
        const words = /\s(per|an?)\s+([a-z\d.]+)$/i.exec(text);
        expect(periodWords(text)).toEqual(words ? { index: words.index, word: words[2] } : null);
      }),
      { numRuns: 20000, seed: 29 },
    );
    expect(periodWords('€ 20 per maand')).toEqual({ index: 4, word: 'maand' });
  });
  it('decimalParts reads what /^\\+?(\\d*)(?:\\.(\\d*))?(?:e([+-]?\\d+))?$/i reads', () => {
    fc.assert(
      fc.property(textOf('1', '0', '9', '.', 'e', 'E', '+', '-', ' '), (text) => {
        const parts = /^\+?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
        const read = decimalParts(text);
        expect(read === null ? null : { ...read, exponent: Number(read.exponent) }).toEqual(parts ? { whole: parts[1] ?? '', fraction: parts[2] ?? '', exponent: Number(parts[3] ?? 0) } : null);
      }),
      { numRuns: 20000, seed: 29 },
    );
  });
  it("wholeDigits counts an amount's whole digits as .replace(/^-/, '').split('.')[0].replace(/^0+(?=\\d)/, '') did; namedRegion reads /^[a-z]{2,3}-([A-Z]{2})$/", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 4 }), (units, digits) => {
        const amount = new Amount(units, digits);
        expect(wholeDigits(amount)).toBe(amount.decimal().replace(/^-/, '').split('.')[0]!.replace(/^0+(?=\d)/, '').length);
      }),
      runs,
    );
    fc.assert(
      fc.property(textOf('n', 'l', 'N', 'L', 'e', 'u', 'S', '-', '_', 'x', 'X', '1'), (locale) => {
        expect(namedRegion(locale)).toBe(/^[a-z]{2,3}-([A-Z]{2})$/.exec(locale)?.[1] ?? null);
      }),
      runs,
    );
  });
});

describe('the calendar readers scan as their patterns read (property)', () => {
  it("isoDateParts is /^(\\d{4})-(\\d{2})-(\\d{2})$/'s groups; flagName is .replace(/[A-Z]/g, ...)", () => {
    fc.assert(
      fc.property(textOf('2', '0', '7', '1', '-', '/', ' ', '٣', 'a'), (text) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        expect(isoDateParts(text)).toEqual(match ? { year: match[1], month: match[2], day: match[3] } : null);
      }),
      { numRuns: 20000, seed: 29 },
    );
    expect(isoDateParts('2027-02-30')).toEqual({ year: '2027', month: '02', day: '30' });
    fc.assert(
      fc.property(textOf('start', 'Date', 'cycle', 'Spread', 'A', 'Z', 'é', 'É', '-'), (key) => {
        expect(flagName(key)).toBe(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      }),
      runs,
    );
  });
});

describe('datum reads the forms its patterns read (property)', () => {
  /** datum as it was, with its four patterns. */
  const before = (label: string, short = false): string => {
    let m = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(label);
    if (m) return `${+m[3]!} ${(short ? dutchShortMonths : dutchMonths)[+m[2]! - 1]} ${+m[1]!}`;
    m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
    if (m) return `${dutchMonths[+m[2]! - 1]} ${+m[1]!}`;
    m = /^(\d{4})-Q([1-4])$/.exec(label);
    if (m) return `Q${m[2]} ${m[1]}`;
    m = /^(\d{4})-W(\d{2})$/.exec(label);
    if (m) return `week ${+m[2]!} van ${m[1]}`;
    return label;
  };
  // Labels near each form: four digits, a dash, then a month's, a quarter's or a week's digits, or a day's.
  const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '9');
  const labels = fc
    .tuple(fc.array(digit, { minLength: 3, maxLength: 5 }), fc.constantFrom('-', '/'), fc.constantFrom('', 'Q', 'W', 'q'), fc.array(digit, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '-01', '-31', '-7', '-00'))
    .map(([year, dash, kind, part, rest]) => `${year.join('')}${dash}${kind}${part.join('')}${rest}`);
  it('every label: a day, a month, a quarter, a week, or as it is', () => {
    fc.assert(
      fc.property(fc.oneof(textOf('2', '0', '1', '3', '9', '-', 'Q', 'W', '5', ' ', 'x'), labels), fc.boolean(), (label, short) => {
        expect(datum(label, short)).toBe(before(label, short));
      }),
      { numRuns: 30000, seed: 29 },
    );
    for (const label of ['2031-02-07', '2028-03', '2027-Q1', '2027-W05', '2027-13', '2027-00-01', '2027-Q5', 'jaar 4']) expect(datum(label)).toBe(before(label));
  });
});

describe('the escapers skip their patterns for text that needs none, with the same results (property)', () => {
  /** escapeMarkup as it was: its two patterns for every text. */
  const markupBefore = (text: string) =>
    text
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const unsafe = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/gu;
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    textOf('a', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\u0007', '\u007f', '\u0085', '\u00ad', '\u200b', '\u200d', '\u202e', '\ufeff', '\ufffe', '\ud83d', '\ude80', 'é', '€', 'x'.repeat(45)),
  );
  it('escapeMarkup, hasUnsafeCharacters, quoted and safeText give what their patterns give', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(escapeMarkup(s)).toBe(markupBefore(s));
        expect(hasUnsafeCharacters(s)).toBe(s.search(unsafe) >= 0);
        const escaped = (t: string) => t.replace(unsafe, (c) => { const code = c.codePointAt(0)!; return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`; });
        const shown = s.length > 40 ? `${s.slice(0, 40)}…` : s;
        expect(quoted(s)).toBe(escaped(JSON.stringify(shown)));
        expect(safeText(`option '${s}'`)).toBe(escaped(`option '${s}'`).replace(/'([^']{41,})'/g, (_, inner: string) => `'${inner.slice(0, 40)}…'`));
      }),
      { numRuns: 5000, seed: 29 },
    );
  });
});
