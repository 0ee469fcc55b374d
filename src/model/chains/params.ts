import type { Offspring } from './offspring.js';
import type { ParameterDraws } from '../fit/draws.js';
import type { CalendarChain } from '../calendar/chain.js';
import type { Payback } from './payback.js';

/** A referral chain to sample: the tree or compound model with random referral counts. */
export interface ChainParams {
  model: 'tree' | 'compound';
  /** Fans at period 0. */
  start: number;
  /** Last level or year. */
  periods: number;
  offspring: Offspring;
  /** Share of fans lost each year (compound only). */
  churn: number;
  market: number | null;
  /**
   * Share of fans who never refer (0 when absent), starting fans included: each fan is a
   * referrer with probability 1 - nonreferrers, for good. The offspring distribution is then
   * zero-inflated, and a chain dies out when no referrer is left.
   */
  nonreferrers?: number;
  /**
   * A fit's uncertainty: each run draws its own mean, dispersion and nonreferrers' share from
   * it (see fit/draws.ts), in place of `offspring`'s mean and dispersion and `nonreferrers`.
   * The block engine draws them; `sampleChain` does not take them.
   */
  draws?: ParameterDraws;
  /** New fans bought every period from 1 on (a whole number), who then refer like the others; never more than the market has left. */
  paid?: number;
  /**
   * Calendar time: referrals come after delays drawn by day, and `periods` are the rows of
   * `ends` (periods = ends.length - 1). See calendar/engine.ts.
   */
  calendar?: CalendarChain;
  /**
   * Money's payback, counted run by run: a run has paid back by period t when for some period
   * t' from `from` to t, slope × (fans reached by t' − start) + offsets[t'] ≥ 0 (its cumulative
   * net in minor units, linear in the fans reached: see money.ts). The engines count such runs
   * ({@link BlockSummary}'s `paidBack`).
   */
  payback?: Payback;
}
