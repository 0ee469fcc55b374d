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

/**
 * Amounts for people: in the currency, the locale's way (`€ 1.234,50` in nl-NL), from their
 * exact decimal text; without a currency, grouped with the currency's decimals.
 *
 * @example amountFormat('en-US', 'USD')(new Amount(123450n, 2)) // => '$1,234.50'
 */
export function amountFormat(locale: string, currency: string | null): (amount: Amount) => string {
  const cache = new Map<number, Intl.NumberFormat>();
  return (amount) => {
    let format = cache.get(amount.digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, minimumFractionDigits: amount.digits, maximumFractionDigits: amount.digits } : { minimumFractionDigits: amount.digits, maximumFractionDigits: amount.digits });
      cache.set(amount.digits, format);
    }
    // A decimal string is formatted exactly (Intl.NumberFormat v3), whatever its size.
    return format.format(amount.decimal() as unknown as number);
  };
}
