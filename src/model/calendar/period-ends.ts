import type { BlockTotals, TotalsSink } from '../chains/sink.js';
import type { PaybackCounter } from '../chains/payback.js';

/**
 * What a calendar engine (engine.ts, events.ts) keeps at each period's end, for a block of
 * `count` runs: per period, the sum of the runs' totals (customers left: fans reached less
 * those gone), of their fans reached, the runs died out, and with a recurring value by day
 * the sum of their customer-days; `totals` is handed to the sink, period by period.
 *
 * @example
 * const ends = new PeriodEnds(2, 3, null, null);
 * ends.close(0, 0, reached, gone, live, 1, sink); // false, unless the sink stops the block
 */
export class PeriodEnds {
  readonly sums: Float64Array;
  readonly extinct: Float64Array;
  readonly reachedSums: Float64Array;
  readonly customerDaySums: Float64Array | null;
  readonly totals: Float64Array;

  constructor(
    periods: number,
    readonly count: number,
    readonly payback: PaybackCounter | null,
    readonly customerDays: Float64Array | null,
  ) {
    this.sums = new Float64Array(periods);
    this.extinct = new Float64Array(periods);
    this.reachedSums = new Float64Array(periods);
    this.customerDaySums = customerDays ? new Float64Array(periods) : null;
    this.totals = new Float64Array(count);
  }

  /**
   * Period `period` ends on day t: each run's total, the sums, the runs with nothing due
   * (`live[i]` 0), the payback check; then the sink. True where the sink stops the block.
   */
  close(t: number, period: number, reached: Float64Array, gone: Float64Array | null, live: Uint8Array, start: number, sink: TotalsSink): boolean {
    const { count, totals, customerDays } = this;
    let sum = 0;
    let dead = 0;
    let ever = 0;
    for (let i = 0; i < count; i++) {
      const total = gone === null ? reached[i]! : reached[i]! - gone[i]!;
      if (!Number.isFinite(total)) throw new RangeError(`sampled count ${total} on day ${t}`);
      totals[i] = total;
      sum += total;
      ever += reached[i]!;
      if (live[i] === 0) dead++;
    }
    this.sums[period] = sum;
    this.reachedSums[period] = ever;
    this.payback?.check(period, reached, start, count, customerDays ?? undefined);
    if (customerDays !== null) {
      let days = 0;
      for (let i = 0; i < count; i++) days += customerDays[i]!;
      this.customerDaySums![period] = days;
    }
    this.extinct[period] = dead;
    return sink(period, totals, reached, this.payback ?? undefined, live) === true;
  }

  /** The block's sums, as the engines return them. */
  result(): BlockTotals {
    const { payback, customerDaySums } = this;
    return { sums: this.sums, extinct: this.extinct, reached: this.reachedSums, ...(payback ? { paidBack: payback.counts } : {}), ...(customerDaySums ? { customerDays: customerDaySums } : {}) };
  }
}
