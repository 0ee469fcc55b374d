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

/** Where a block's totals go, a period at a time (the quantile sketches): `totals[0 .. count - 1]`, reused. */
export type TotalsSink = (period: number, totals: Float64Array, reached?: Float64Array) => void;
