import { dutchMarks, group } from './number-format.js';

/**
 * A sum of money in a table, JSON, CSV or a spreadsheet: minor units (cents) and the number
 * of minor digits of its currency. Exact where `minor` is a bigint: JSON and CSV get its
 * decimal text digit for digit, never a binary fraction (no 0.30000000000000004).
 */
export class Amount {
  constructor(
    /** Minor units: whole (a bigint, exact) or an expected value (a number). */
    readonly minor: number | bigint,
    /** Digits after the decimal mark: 2 for EUR, 0 for JPY. */
    readonly digits: number,
  ) {}

  /**
   * The amount as plain decimal text, rounded to whole minor units: `-1234.50`.
   *
   * @example new Amount(30n, 2).decimal() // => '0.30'
   */
  decimal(): string {
    const whole = typeof this.minor === 'bigint' ? this.minor : Math.abs(this.minor) < 2 ** 53 ? BigInt(Math.round(this.minor)) : null;
    if (whole === null) return String((this.minor as number) / 10 ** this.digits);
    const negative = whole < 0n;
    const digits = (negative ? -whole : whole).toString().padStart(this.digits + 1, '0');
    const text = this.digits === 0 ? digits : `${digits.slice(0, -this.digits)}.${digits.slice(-this.digits)}`;
    return negative ? `-${text}` : text;
  }

  /** The amount as a number of major units (for charts and spreadsheets; may round past 2^53 minor units). */
  units(): number {
    return Number(this.decimal());
  }
}

/**
 * Whether a cell is an {@link Amount}: by its shape, not `instanceof`, because each lazily
 * loaded file of the bundle (table, xlsx) carries its own copy of the class.
 */
export function isAmount(value: unknown): value is Amount {
  return typeof value === 'object' && value !== null && typeof (value as Amount).decimal === 'function' && typeof (value as Amount).digits === 'number';
}

/** Digits of an amount's whole part; past 15 people get it shortened, as counts are (see number.ts). */
export const wholeDigits = (amount: Amount): number => {
  const text = amount.decimal();
  const from = text.startsWith('-') ? 1 : 0;
  const point = text.indexOf('.');
  const end = point < 0 ? text.length : point;
  // Leading zeros do not count, but a lone 0 does (`.replace(/^0+(?=\d)/, '')`).
  let first = from;
  while (first < end - 1 && text[first] === '0' && text[first + 1]! >= '0' && text[first + 1]! <= '9') first++;
  return end - first;
};

/** Whether an amount is shown shortened for people: its whole part past 15 digits. */
export const isLargeAmount = (value: unknown): boolean => isAmount(value) && wholeDigits(value) > 15;

/**
 * Amounts for people: in the currency, the locale's way (`€ 1.234,50` in nl-NL), from their
 * exact decimal text; without a currency, grouped with the currency's decimals. Past 15
 * digits, like counts, six significant digits in scientific notation (`$1.23457E400`): Intl
 * writes a decimal text exactly, but only up to the range of a double, past which it says ∞.
 *
 * @example amountFormat('en-US', 'USD')(new Amount(123450n, 2)) // => '$1,234.50'
 */
export function amountFormat(locale: string, currency: string | null): (amount: Amount) => string {
  const byHand = handAmount(locale, currency);
  const cache = new Map<number, Intl.NumberFormat>();
  const style = currency ? { style: 'currency' as const, currency } : {};
  // Made when first needed: an Intl.NumberFormat loads ICU's data (tens of milliseconds), and most tables hold no amount.
  let scientific: Intl.NumberFormat | null = null;
  return (amount) => {
    const text = amount.decimal();
    if (wholeDigits(amount) > 15) {
      // The mantissa by Intl (sign, symbol, decimal mark), the exponent counted from the digits.
      const digits = (text.startsWith('-') ? text.slice(1) : text).replace('.', '');
      const exponent = wholeDigits(amount) - 1;
      const mantissa = Number(`${text.startsWith('-') ? '-' : ''}${digits[0]}.${digits.slice(1, 9)}`);
      scientific ??= new Intl.NumberFormat(locale, { ...style, notation: 'scientific', maximumSignificantDigits: 6 });
      return scientific
        .formatToParts(mantissa)
        .map((part) => (part.type === 'exponentInteger' ? String(exponent) : part.value))
        .join('');
    }
    if (byHand) return byHand(text);
    let format = cache.get(amount.digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { ...style, minimumFractionDigits: amount.digits, maximumFractionDigits: amount.digits });
      cache.set(amount.digits, format);
    }
    // A decimal string is formatted exactly (Intl.NumberFormat v3).
    return format.format(text as unknown as number);
  };
}

/**
 * Amounts as Intl writes them, by hand, for the locales `fans` writes numbers in itself and
 * their own currencies: en-US in dollars (`$1,234.50`, `-$1,234.50`), nl-NL in euros
 * (`€ 1.234,50`, `€ -1.234,50`, a no-break space after the sign), and both without a
 * currency (`1.234,50`). A property test holds them equal to Intl. Loading ICU for its
 * currency data is most of a money run's start-up; any other pair is left to Intl (null).
 * `text` is {@link Amount.decimal}'s: a sign only below zero, the currency's decimals.
 *
 * @example handAmount('nl-NL', 'EUR')!('-1234.50') // => '€ -1.234,50'
 */
export function handAmount(locale: string, currency: string | null): ((text: string) => string) | null {
  const dutch = locale === 'nl-NL';
  if (!dutch && locale !== 'en-US') return null;
  const sign = currency === null ? '' : !dutch && currency === 'USD' ? '$' : dutch && currency === 'EUR' ? '\u20ac\u00a0' : null;
  if (sign === null) return null;
  return (text) => {
    const negative = text.startsWith('-');
    const [whole, fraction] = (negative ? text.slice(1) : text).split('.') as [string, string | undefined];
    const enUs = `${group(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
    const digits = dutch ? dutchMarks(enUs) : enUs;
    const minus = negative ? '-' : '';
    return dutch ? `${sign}${minus}${digits}` : `${minus}${sign}${digits}`;
  };
}
