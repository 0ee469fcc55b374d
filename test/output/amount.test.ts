import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Amount, amountFormat, handAmount } from '../../src/output/amount.js';
import { currencyDigits } from '../../src/cli/flags/money.js';

/** What Intl writes for an amount's exact decimal text (Intl.NumberFormat v3 takes a string). */
const intl = (locale: string, currency: string | null, digits: number) => {
  const format = new Intl.NumberFormat(locale, { ...(currency ? { style: 'currency' as const, currency } : {}), minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (amount: Amount) => format.format(amount.decimal() as unknown as number);
};

// Minor units up to 15 whole digits (past them amounts are written in scientific notation, by Intl).
const minors = fc.oneof(fc.bigInt({ min: -(10n ** 17n) + 1n, max: 10n ** 17n - 1n }), fc.bigInt({ min: -100000n, max: 100000n }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 7));

describe('amounts by hand, as Intl writes them', () => {
  it.each([
    ['en-US', 'USD'],
    ['nl-NL', 'EUR'],
    ['en-US', null],
    ['nl-NL', null],
  ] as const)('%s in %s', (locale, currency) => {
    expect(handAmount(locale, currency)).not.toBeNull();
    const ours = amountFormat(locale, currency);
    const theirs = intl(locale, currency, 2);
    fc.assert(
      fc.property(minors, (minor) => {
        const amount = new Amount(minor, 2);
        expect(ours(amount)).toBe(theirs(amount));
      }),
      { numRuns: 3000 },
    );
    for (const minor of [0n, 5n, -5n, 99n, 100n, -100n, 123450n, -123450n, 100000n, 99999999999999999n]) expect(ours(new Amount(minor, 2))).toBe(theirs(new Amount(minor, 2)));
  });

  it('the sign, the symbol and the marks of each', () => {
    expect(handAmount('en-US', 'USD')!('-1234.50')).toBe('-$1,234.50');
    expect(handAmount('nl-NL', 'EUR')!('-1234.50')).toBe('€\u00a0-1.234,50');
    expect(handAmount('nl-NL', null)!('1234567.05')).toBe('1.234.567,05');
  });

  it('leaves every other pair to Intl, and still writes it as Intl does', () => {
    for (const [locale, currency] of [['en-US', 'EUR'], ['nl-NL', 'USD'], ['de-DE', 'EUR'], ['en-GB', 'GBP'], ['nl-NL', 'JPY']] as const) {
      expect(handAmount(locale, currency)).toBeNull();
      const digits = currencyDigits(currency);
      expect(amountFormat(locale, currency)(new Amount(-123456n, digits))).toBe(intl(locale, currency, digits)(new Amount(-123456n, digits)));
    }
  });

  it('past 15 whole digits, scientific as before: $1.23457E20', () => {
    expect(amountFormat('en-US', 'USD')(new Amount(123456789012345678901n * 100n, 2))).toBe('$1.23457E20');
    expect(amountFormat('nl-NL', 'EUR')(new Amount(-123456789012345678901n * 100n, 2))).toBe(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', notation: 'scientific', maximumSignificantDigits: 6 }).format(-1.23456789012345678901).replace('E0', 'E20'));
  });
});

describe('currency digits without ICU', () => {
  it("EUR and USD have ICU's 2; others are asked of ICU (JPY 0, KWD 3)", () => {
    for (const currency of ['EUR', 'USD', 'JPY', 'KWD', 'GBP']) {
      expect(currencyDigits(currency)).toBe(new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits);
    }
    expect(currencyDigits('JPY')).toBe(0);
  });
});
