import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutCharset } from '../../src/cli/flags/parse.js';
import { isPlainNumber, singleMark } from '../../src/cli/flags/number-reading.js';
import { longFlag } from '../../src/cli/program.js';
import { beforeAny } from '../../src/output/before-any.js';
import { formulaLike, withoutBreaks } from '../../src/output/delimited.js';
import { dutchMarks, withoutTrailingZeros } from '../../src/output/number-format.js';

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
