import { type Count, addCounts } from '../count.js';
import type { CalendarPeriod } from './dates.js';

/**
 * Periods from values on days: per period, the sum of `fresh` on its days and the last
 * `total` on or before its last day.
 */
export function byPeriod(periods: readonly CalendarPeriod[], days: readonly number[], fresh: readonly Count[], totals: readonly Count[], lost?: readonly number[]): { new: Count; lost?: number; total: Count }[] {
  const out: { new: Count; lost?: number; total: Count }[] = [];
  let at = 0;
  let total: Count = totals[0]!;
  for (const period of periods) {
    let added: Count = typeof fresh[0] === 'bigint' ? 0n : 0;
    let left = 0;
    while (at < days.length && days[at]! <= period.last) {
      added = addCounts(added, fresh[at]!);
      if (lost) left += lost[at]!;
      total = totals[at]!;
      at++;
    }
    out.push(lost ? { new: added, lost: left, total } : { new: added, total });
  }
  return out;
}
