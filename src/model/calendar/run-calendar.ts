import { type PascalDelay, growthRate, pascalGrowthRate } from './delays.js';
import { type CycleLength, type PeriodKind, cycleDays } from './dates.js';

/** The two models a calendar runs: the tree (`fans simulate`) and the compound model (`fans compound`). */
export type Command = 'simulate' | 'compound';

/** A run's calendar, as the plan reads it from the flags: its dates, the cycle and its spread, the rows by period. */
export interface Calendar {
  start: Date;
  cycle: CycleLength;
  /** --cycle-spread, and the delay that stands for it; null for referrals exactly a cycle apart. */
  spread: { asked: CycleLength; delay: PascalDelay } | null;
  /** --by, or month with a spread; null for a row per level (cycle). */
  by: PeriodKind | null;
  /** The last day of the run, and the days from the start to it. */
  end: Date;
  days: number;
  /** The flag that set the horizon, for messages. */
  horizonFlag: string;
}

/** The daily growth rate of a run's referral factor and delay. */
export function rateOf(command: Command, k: number, churn: number, c: Calendar): number | null {
  if (c.spread && command === 'compound' && churn > 0) {
    // Churn as a daily hazard h: a moment s days on needs the fan to stay, so the kernel is w(s) e^(-λs), λ = -ln(1 - h),
    // and (1 + K) E[e^(-(r + λ)T)] = 1: the rate without churn, less λ.
    if (churn === 1) return null;
    const rate = pascalGrowthRate(1 + k, c.spread.delay);
    return rate === null ? null : rate + Math.log1p(-churn) / cycleDays(c.cycle);
  }
  // Compound: each referral moment brings K and every fan goes on: 1 + K - churn a cycle.
  const factor = command === 'simulate' ? k : 1 + k - churn;
  return c.spread ? pascalGrowthRate(factor, c.spread.delay) : growthRate(factor, cycleDays(c.cycle), null);
}
