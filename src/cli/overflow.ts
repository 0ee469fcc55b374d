import { GrowthOverflowError } from '../model/count.js';
import { UsageError } from './io.js';
import { thousands } from './parse.js';

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
