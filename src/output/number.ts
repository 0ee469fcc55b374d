import type { Count } from '../model/count.js';
import { numberFormat } from './number-format.js';

/** Counts formatted for people: grouped by locale, exact integers in full. */
export type CountFormat = (value: Count) => string;

/** From here on a count is shown in scientific notation in tables and sentences (exact digits stay in JSON, CSV, TSV). */
export const scientificFrom = 1e15;

const isLarge = (value: Count) => (typeof value === 'bigint' ? value >= 10n ** 15n || value <= -(10n ** 15n) : Math.abs(value) >= scientificFrom);

/**
 * A formatter for counts in sentences. Whole numbers below 1e15 are grouped in full
 * (`1,111`; `1.111` in nl-NL); other expected values are rounded to two decimals, or three
 * significant digits below 1 (in scientific notation below 1e-4); from 1e15 on, exact or not, six significant digits in
 * scientific notation (`1.11111E400`), where a row of digits stops being readable.
 *
 * @example countFormat('en-US')(1111n) // => '1,111'
 * @example countFormat('en-US')(10n ** 400n) // => '1E400'
 */
export function countFormat(locale: string): CountFormat {
  const whole = numberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = numberFormat(locale, { maximumFractionDigits: 2 });
  const small = numberFormat(locale, { maximumSignificantDigits: 3 });
  const scientific = numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 6 });
  const tiny = numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 });
  return (value) => {
    if (isLarge(value)) return scientific(value);
    if (typeof value === 'bigint' || Number.isInteger(value)) return whole(value);
    if (Math.abs(value) < 1e-4) return tiny(value); // not 0.000…(300 zeros)…1
    return Math.abs(value) < 1 ? small(value) : decimal(value);
  };
}

/**
 * Counts of people as a picture labels them: whole numbers from 10 on (an expected
 * 3,231.56 customers is labelled `3,232`: nobody is a fraction of a person, and the table
 * keeps the exact value); below 10, as {@link countFormat} writes them (`1.5`, `0.25`).
 *
 * @example peopleFormat('nl-NL')(3231.56) // => '3.232'
 * @example peopleFormat('en-US')(2.5) // => '2.5'
 */
export function peopleFormat(locale: string): CountFormat {
  const exact = countFormat(locale);
  return (value) => (typeof value === 'number' && Math.abs(value) >= 10 && Number.isFinite(value) && !isLarge(value) ? exact(Math.round(value)) : exact(value));
}

/**
 * One rule for a whole column of a table, so its numbers line up and read alike:
 * - any value from 1e15 on: the column in scientific notation, six significant digits (0 stays 0);
 * - every value whole: grouped whole numbers;
 * - largest value below 1e-4 (not 0): scientific notation, three significant digits;
 * - otherwise the same number of decimals in every row: as many as the values need up to two
 *   (`1.5`, `3.0`), or, when every value is below 1, enough for three significant digits of
 *   the largest (0.200, 0.220, 0.242), at most six.
 *
 * @example columnFormat([0.2, 0.22, 1.33], 'en-US')(0.2) // => '0.20'
 */
export function columnFormat(values: readonly Count[], locale: string): CountFormat {
  const rule = columnRule(values);
  switch (rule.kind) {
    case 'scientific': {
      const scientific = numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 6 });
      return (v) => (v === 0 || v === 0n ? '0' : scientific(v));
    }
    case 'tiny': {
      const tiny = numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 });
      return (v) => (v === 0 ? '0' : tiny(v));
    }
    case 'whole':
      return numberFormat(locale, { maximumFractionDigits: 0 });
    case 'fixed':
      return numberFormat(locale, { minimumFractionDigits: rule.decimals, maximumFractionDigits: rule.decimals });
  }
}

/** Which of {@link columnFormat}'s rules a column follows, for tables and spreadsheets alike. */
export type ColumnRule = { kind: 'scientific' | 'tiny' | 'whole' } | { kind: 'fixed'; decimals: number };

export function columnRule(values: readonly Count[]): ColumnRule {
  let largest = 0;
  let whole = true;
  let needed = 0;
  for (const value of values) {
    if (isLarge(value)) return { kind: 'scientific' };
    const size = Math.abs(Number(value));
    if (size > largest) largest = size;
    if (typeof value === 'number' && !Number.isInteger(value)) {
      whole = false;
      // Decimals this value needs at two decimals: 1.5 needs 1, 1.33 needs 2.
      const cents = Math.round(size * 100);
      needed = Math.max(needed, cents % 10 !== 0 ? 2 : cents % 100 !== 0 ? 1 : 0);
    }
  }
  if (whole) return { kind: 'whole' };
  if (largest > 0 && largest < 1e-4) return { kind: 'tiny' };
  return { kind: 'fixed', decimals: largest < 1 ? Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(largest)))) : Math.max(needed, 1) };
}

/** Percentages in a table column: one decimal in every row (`0.0%`, `45.0%`, `64.5%`). */
export function shareFormat(locale: string): (share: number) => string {
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Whether a count is shown shortened in tables (an exact integer past 15 digits). */
export function isShortened(value: unknown): boolean {
  return typeof value === 'bigint' && isLarge(value);
}
