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
  /**
   * With --discount: per period 0..periods, the discount factor of what happens in it (its
   * end). The fans a run reaches in a period (and its customer-days, with `perDay`) count at
   * that factor; the offsets and `perCustomer` hold it already.
   */
  factors?: Float64Array;
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
    if (payback.factors) {
      this.#present = new Float64Array(count);
      this.#lastReached = new Float64Array(count).fill(Number.NaN);
      this.#lastCustomers = new Float64Array(count);
    }
  }
  /** With factors: each run's fans reached so far, each period's counted at its factor; and the last period's reached fans and customer-days. */
  readonly #present: Float64Array | null = null;
  readonly #lastReached: Float64Array | null = null;
  readonly #lastCustomers: Float64Array | null = null;
  /** Each run's recurring revenue so far (in the net's units), with --per. */
  readonly #recurring: Float64Array | null;
  /**
   * @param customers each run's customers on the books at the period's end (with `perCustomer`),
   * or its customer-days so far (with `perDay`)
   */
  check(period: number, reached: Float64Array, start: number, count: number, customers?: Float64Array): void {
    if (this.#present) return this.#checkPresent(period, reached, start, count, customers);
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

  /** {@link check} in present values: each period's new fans and customer-days at its discount factor. */
  #checkPresent(period: number, reached: Float64Array, start: number, count: number, customers?: Float64Array): void {
    const { slope, offsets, from, perCustomer, perDay, factors } = this.payback;
    const factor = factors![period]!;
    const present = this.#present!;
    const last = this.#lastReached!;
    const lastCustomers = this.#lastCustomers!;
    const recurring = this.#recurring;
    for (let i = 0; i < count; i++) {
      // The starting fans are no new fans: the first look counts from them.
      present[i]! += factor * (reached[i]! - (Number.isNaN(last[i]!) ? start : last[i]!));
      last[i] = reached[i]!;
      if (recurring && customers) {
        if (perCustomer) recurring[i]! += perCustomer[period]! * customers[i]!;
        else {
          recurring[i]! += perDay! * factor * (customers[i]! - lastCustomers[i]!);
          lastCustomers[i] = customers[i]!;
        }
      }
    }
    if (period >= from) {
      const offset = offsets[period]!;
      const done = this.#done;
      for (let i = 0; i < count; i++) {
        if (done[i] === 0 && slope * present[i]! + offset + (recurring ? recurring[i]! : 0) >= 0) {
          done[i] = 1;
          this.#paid++;
        }
      }
    }
    this.counts[period] = this.#paid;
  }
}
