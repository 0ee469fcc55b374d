/** What a block of trials leaves for the summary: per period, the sum of the totals and the runs extinct. */
export interface BlockTotals {
  sums: Float64Array;
  extinct: Float64Array;
  /** Per period, the sum of the fans each run ever reached, where it differs from `sums` (calendar runs: with churn the totals are the customers left). */
  reached?: Float64Array;
  /** Per period, the runs paid back by then (with `payback`, see ChainParams). */
  paidBack?: Float64Array;
  /** Per period, the sum over runs of their customer-days so far (calendar runs by day with a recurring value). */
  customerDays?: Float64Array;
}

/** Each run's money at a period, kept for the runs' bands (see Payback.bands): its cumulative net, and its revenue in the period. */
export interface RunMoney {
  readonly nets: Float64Array | null;
  readonly revenues: Float64Array | null;
  /** Each run's flag: 1 once it has paid back (its target reached, for a money goal). */
  readonly paid: Uint8Array;
}

/**
 * Where a block's totals go, a period at a time (the quantile sketches): `totals[0 .. count - 1]`,
 * reused; with money bands, each run's money too. Calendar runs also say which runs still have
 * something due (`live[i]` 1; 0 once a run has died out), and stop after a period where the sink
 * returns true (a goal whose runs have all answered it): the later periods' sums are then 0.
 */
export type TotalsSink = (period: number, totals: Float64Array, reached?: Float64Array, money?: RunMoney, live?: Uint8Array) => unknown;
