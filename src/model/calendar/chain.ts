import type { PascalDelay } from './delays.js';
import type { ExistingCustomers } from './existing.js';

/** A sampled run in calendar time: the delay, the last day, and the last day of each row. */
export interface CalendarChain {
  delay: PascalDelay;
  /** The last day (days run 0..days). */
  days: number;
  /** The last day of each row (period) of the output, ascending, the last being `days`. */
  ends: Int32Array | number[];
  /**
   * Compound only: the chance a customer leaves on any given day (churn as a daily hazard,
   * see renewal.ts's dailyLeave); 0 or absent for none. One who left refers no more.
   */
  leave?: number;
  /**
   * Tree only: the starting fans are these customers, part way through their referrals
   * (existing.ts): each run draws what each day's cohort still brings, given what it made,
   * and puts it in the stages where the days since joining leave it.
   */
  existing?: ExistingCustomers;
}
