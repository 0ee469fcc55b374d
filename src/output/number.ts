import type { Count } from '../model/count.js';
import { numberFormat } from './en-us.js';

/** Counts formatted for people: grouped by locale, exact integers in full. */
export type CountFormat = (value: Count) => string;

/**
 * A formatter for counts in tables and sentences. Exact integers (bigint, or whole numbers
 * below 1e15) are grouped in full (`1,111`; `1.111` in nl-NL); other expected values are
 * rounded to two decimals, or three significant digits below 1, and shown in scientific
 * notation from 1e15 on, where a double no longer holds every digit.
 *
 * @example countFormat('en-US')(1111n) // => '1,111'
 */
export function countFormat(locale: string): CountFormat {
  const whole = numberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = numberFormat(locale, { maximumFractionDigits: 2 });
  const small = numberFormat(locale, { maximumSignificantDigits: 3 });
  const scientific = numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 6 });
  return (value) => {
    if (typeof value === 'bigint') return whole(value);
    const size = Math.abs(value);
    if (size >= 1e15) return scientific(value);
    if (Number.isInteger(value)) return whole(value);
    return size < 1 ? small(value) : decimal(value);
  };
}
