/** Money's payback, counted run by run: see ChainParams.payback (montecarlo.ts). */
export interface Payback {
  slope: number;
  /** Per period 0..periods, the rest of the cumulative net: fixed costs (negative), bought fans' margin. */
  offsets: Float64Array;
  /** The first period that carries money: 1 for levels and years, 0 for calendar periods. */
  from: number;
  /**
   * A recurring value (--per), in the net's units: per period, what each customer on the books
   * at its end adds (levels, years and cycles: value × margin × the period's length over --per's);
   * or per customer-day (`perDay`, calendar runs by day, the engine keeping each run's customer-days).
   */
  perCustomer?: Float64Array;
  perDay?: number;
}

/**
 * Counts, at each period's end, the runs that have paid back by then (see {@link Payback}):
 * `check(period, reached)` with each run's fans reached so far. O(runs) a period.
 */
export class PaybackCounter {
  readonly counts: Float64Array;
  readonly #done: Uint8Array;
  #paid = 0;
  constructor(readonly payback: Payback, periods: number, count: number) {
    this.counts = new Float64Array(periods + 1);
    this.#done = new Uint8Array(count);
    this.#recurring = payback.perCustomer || payback.perDay ? new Float64Array(count) : null;
  }
  /** Each run's recurring revenue so far (in the net's units), with --per. */
  readonly #recurring: Float64Array | null;
  /**
   * @param customers each run's customers on the books at the period's end (with `perCustomer`),
   * or its customer-days so far (with `perDay`)
   */
  check(period: number, reached: Float64Array, start: number, count: number, customers?: Float64Array): void {
    const { slope, offsets, from, perCustomer, perDay } = this.payback;
    const recurring = this.#recurring;
    if (recurring && customers) {
      if (perCustomer) for (let i = 0; i < count; i++) recurring[i]! += perCustomer[period]! * customers[i]!;
      else for (let i = 0; i < count; i++) recurring[i] = perDay! * customers[i]!;
    }
    if (period >= from) {
      const offset = offsets[period]!;
      const done = this.#done;
      for (let i = 0; i < count; i++) {
        if (done[i] === 0 && slope * (reached[i]! - start) + offset + (recurring ? recurring[i]! : 0) >= 0) {
          done[i] = 1;
          this.#paid++;
        }
      }
    }
    this.counts[period] = this.#paid;
  }
}
