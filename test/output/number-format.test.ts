import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NumberOptions, enUsFormat, nlNlCompact, nlNlFormat, numberFormat } from '../../src/output/number-format.js';

// Every option set fans formats with (src/output/number.ts, src/cli/commands/words.ts, src/output/table.ts).
const optionSets: NumberOptions[] = [
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 2 },
  { maximumSignificantDigits: 3 },
  { maximumSignificantDigits: 6 },
  { notation: 'scientific', maximumSignificantDigits: 6 },
  { style: 'percent', maximumFractionDigits: 2 },
  { style: 'percent', maximumSignificantDigits: 3 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { minimumFractionDigits: 4, maximumFractionDigits: 4 },
  { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
];

const numbers = fc.oneof(
  fc.double({ min: 0, max: 1e300, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1000), // x.xx5 ties and friends
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 0, max: 40 }).chain((e) => fc.integer({ min: 1, max: 999999 }).map((m) => m * 10 ** (e - 20))),
  fc.constantFrom(0, 0.005, 0.015, 1.005, 2.675, 9.995, 99.995, 999.995, 0.07, 9.999995e20, 999999.5, 1e15, 1e21, 0.0045420555, 5e-324),
);

/** Asserts that a hand-written formatter writes every drawn value as Intl.NumberFormat(locale, options) does. */
function holdsIntl(locale: string, options: NumberOptions, ours: (x: number | bigint) => string, values: fc.Arbitrary<number | bigint>, numRuns = 100): void {
  const intl = new Intl.NumberFormat(locale, options);
  fc.assert(
    fc.property(values, (x) => {
      expect(ours(x)).toBe(intl.format(x));
    }),
    { numRuns },
  );
}

describe('enUsFormat equals Intl.NumberFormat("en-US")', () => {
  it.each(optionSets.map((o) => [JSON.stringify(o), o] as const))('%s, for any non-negative number', (_, options) => {
    holdsIntl('en-US', options, enUsFormat(options), numbers, 3000);
  });

  it.each([{ notation: 'scientific', maximumSignificantDigits: 6 }, { minimumFractionDigits: 2, maximumFractionDigits: 2 }] as NumberOptions[])('writes bigints of any size with %j', (options) => {
    holdsIntl('en-US', options, enUsFormat(options), fc.bigInt({ min: 0n, max: 10n ** 400n }), 2000);
  });

  it('groups bigints of any size', () => {
    holdsIntl('en-US', { maximumFractionDigits: 0 }, enUsFormat({ maximumFractionDigits: 0 }), fc.bigInt({ min: 0n, max: 10n ** 400n }));
  });
});

describe('nlNlFormat equals Intl.NumberFormat("nl-NL")', () => {
  it.each(optionSets.map((o) => [JSON.stringify(o), o] as const))('%s, for any number', (_, options) => {
    holdsIntl('nl-NL', options, nlNlFormat(options), fc.oneof(numbers, numbers.map((x) => -x)), 3000);
  });

  it('groups bigints of any size, with dots', () => {
    holdsIntl('nl-NL', { maximumFractionDigits: 0 }, nlNlFormat({ maximumFractionDigits: 0 }), fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }));
  });

  it('writes the values Intl writes apart from digits', () => {
    const ours = nlNlFormat({ maximumFractionDigits: 2 });
    for (const x of [Infinity, -Infinity, NaN, -0, 1234.5, -1234567.891]) expect(ours(x)).toBe(new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(x));
    expect(ours(1234.567)).toBe('1.234,57');
  });
});

describe('numberFormat', () => {
  it('writes en-US and nl-NL by hand and any other locale through Intl', () => {
    expect(numberFormat('en-US', { maximumFractionDigits: 1 })(1234.56)).toBe('1,234.6');
    expect(numberFormat('nl-NL', { maximumFractionDigits: 1 })(1234.56)).toBe('1.234,6');
    expect(numberFormat('de-CH', { maximumFractionDigits: 1 })(1234.56)).toBe(new Intl.NumberFormat('de-CH', { maximumFractionDigits: 1 }).format(1234.56));
  });
});

describe('nlNlCompact equals Intl.NumberFormat("nl-NL", { notation: "compact", maximumSignificantDigits: 3 })', () => {
  const intl = new Intl.NumberFormat('nl-NL', { notation: 'compact', maximumSignificantDigits: 3 });

  it('every round number an axis marks: 1 to 999 times a power of ten, to 10^14, either sign', () => {
    for (let power = -2; power <= 14; power++) {
      for (let m = 1; m <= 999; m++) {
        const x = Number(`${m}e${power}`);
        expect(nlNlCompact(x), String(x)).toBe(intl.format(x));
        expect(nlNlCompact(-x), String(-x)).toBe(intl.format(-x));
      }
    }
  });

  it('any whole or half number below 10^15, rounding across a thousand (999,999 is 1 mln.)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: 0, max: 1e15, noNaN: true }).map((x) => Math.round(x * 2) / 2), fc.double({ min: 0, max: 1000, noNaN: true })), (x) => {
        expect(nlNlCompact(x)).toBe(intl.format(x));
      }),
      { numRuns: 5000 },
    );
    for (const x of [0, 999, 999.5, 999_499, 999_500, 999_999, 9_995_000, 999_500_000_000_000]) expect(nlNlCompact(x), String(x)).toBe(intl.format(x));
    expect(nlNlCompact(1_500_000)).toBe('1,5\u00a0mln.');
  });
});
