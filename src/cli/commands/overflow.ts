import { GrowthOverflowError } from '../../model/count.js';
import { UsageError } from '../io/io.js';
import { thousands } from '../flags/parse.js';

/** Expected values that overflow a double become a usage error naming the flag that bounds them. */
export function withinRange<T>(compute: () => T, flag: string, period: string): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof GrowthOverflowError)) throw error;
    const last = error.period - 1;
    throw new UsageError(
      `${flag} must be at most ${thousands(last)} with these parameters: expected values pass 1.8e308 at ${period} ${thousands(error.period)} (whole-number inputs without conversion, churn or market are exact at any size)`,
    );
  }
}

/** Exact output is refused past this many digits in all: some 80 MB of JSON, a few seconds. */
export const maxExactDigits = 40_000_000;

/**
 * Digits in the exact rows of a run growing by `factor` a period for `periods` periods,
 * two numbers a row (new and total): about 2 Σ (p log10(factor) + log10(start) + 1).
 */
export function exactDigits(start: number, factor: number, periods: number): number {
  const first = Math.log10(Math.max(start, 1)) + 1;
  return 2 * ((periods + 1) * first + (Math.log10(Math.max(factor, 1)) * periods * (periods + 1)) / 2);
}

/**
 * Refuses exact runs whose output would be too big to be of use (1,000,000^5000 has 30,001
 * digits, and its table 150 million), naming the largest periods that fit.
 */
export function withinDigits(start: number, factor: number, periods: number, flag: string, why: string): void {
  if (exactDigits(start, factor, periods) <= maxExactDigits) return;
  let fits = periods;
  while (fits > 0 && exactDigits(start, factor, fits) > maxExactDigits) fits--;
  throw new UsageError(`${flag} must be at most ${thousands(fits)} with ${why}: the exact rows would pass ${thousands(maxExactDigits)} digits`);
}
