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
}

/** Where a block's totals go, a period at a time (the quantile sketches): `totals[0 .. count - 1]`, reused; with money bands, each run's money too. */
export type TotalsSink = (period: number, totals: Float64Array, reached?: Float64Array, money?: RunMoney) => void;
