import type { PascalDelay } from './delays.js';
import type { CycleLength, PeriodKind } from './dates.js';

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
