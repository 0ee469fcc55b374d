/** Money's payback, counted run by run: see ChainParams.payback (montecarlo.ts). */
export interface Payback {
  slope: number;
  /** Per period 0..periods, the rest of the cumulative net: fixed costs (negative), bought fans' margin. */
  offsets: Float64Array;
  /** The first period that carries money: 1 for levels and years, 0 for calendar periods. */
  from: number;
  /**
   * A recurring value (--per), as revenue (before the margin): per period, what each customer
   * on the books at its end pays (levels, years and cycles: value × the period's length over
   * --per's); or per customer-day (`perDay`, calendar runs by day, the engine keeping each
   * run's customer-days). The net counts it times `margin`.
   */
  perCustomer?: Float64Array;
  perDay?: number;
  /** The share of a recurring value's revenue that is profit (1 when absent). */
  margin?: number;
  /**
   * With `bands`, each run's money is kept period by period for the runs' bands: its
   * cumulative net, and its revenue in the period (`value` per new fan, before the margin, and
   * the recurring value).
   */
  bands?: { value: number };
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
  /** Each run's flag: 1 once it has paid back (it stays so). */
  readonly paid: Uint8Array;
  #paid = 0;
  constructor(readonly payback: Payback, periods: number, count: number) {
    this.counts = new Float64Array(periods + 1);
    this.paid = new Uint8Array(count);
    this.#recurring = payback.perCustomer || payback.perDay ? new Float64Array(count) : null;
    if (payback.bands) {
      this.nets = new Float64Array(count);
      this.revenues = new Float64Array(count);
      this.#lastFans = new Float64Array(count);
      this.#lastRecurring = new Float64Array(count);
    }
    if (payback.factors) {
      this.#present = new Float64Array(count);
      this.#lastReached = new Float64Array(count).fill(Number.NaN);
      this.#lastCustomers = new Float64Array(count);
    }
  }
  /** With bands: each run's cumulative net at the last period checked, and its revenue in that period. */
  readonly nets: Float64Array | null = null;
  readonly revenues: Float64Array | null = null;
  /** With bands: each run's fans (present values with factors) and recurring revenue at the period before. */
  readonly #lastFans: Float64Array | null = null;
  readonly #lastRecurring: Float64Array | null = null;

  /**
   * Keeps each run's cumulative net and the period's revenue (see {@link Payback.bands}):
   * the net is what {@link check} compares with 0, for every run; the revenue is the value of
   * the period's new fans (at the period's factor) and the recurring revenue it added.
   */
  #keep(period: number, reached: Float64Array, start: number, count: number): void {
    const { slope, offsets, from, bands } = this.payback;
    const margin = this.payback.margin ?? 1;
    const nets = this.nets!;
    const revenues = this.revenues!;
    const lastFans = this.#lastFans!;
    const lastRecurring = this.#lastRecurring!;
    const recurring = this.#recurring;
    const present = this.#present;
    const offset = period >= from ? offsets[period]! : 0;
    for (let i = 0; i < count; i++) {
      // Fans so far as money counts them: present values with factors, else those reached after the start.
      const fans = present ? present[i]! : reached[i]! - start;
      const paying = recurring ? recurring[i]! : 0;
      nets[i] = period >= from ? slope * fans + offset + margin * paying : 0;
      revenues[i] = period >= from ? bands!.value * (fans - lastFans[i]!) + (paying - lastRecurring[i]!) : 0;
      lastFans[i] = fans;
      lastRecurring[i] = paying;
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
    if (this.#present) this.#checkPresent(period, reached, start, count, customers);
    else this.#check(period, reached, start, count, customers);
    if (this.nets) this.#keep(period, reached, start, count);
  }

  #check(period: number, reached: Float64Array, start: number, count: number, customers?: Float64Array): void {
    const { slope, offsets, from, perCustomer, perDay } = this.payback;
    const margin = this.payback.margin ?? 1;
    const recurring = this.#recurring;
    if (recurring && customers) {
      if (perCustomer) for (let i = 0; i < count; i++) recurring[i]! += perCustomer[period]! * customers[i]!;
      else for (let i = 0; i < count; i++) recurring[i] = perDay! * customers[i]!;
    }
    if (period >= from) {
      const offset = offsets[period]!;
      const done = this.paid;
      for (let i = 0; i < count; i++) {
        if (done[i] === 0 && slope * (reached[i]! - start) + offset + (recurring ? margin * recurring[i]! : 0) >= 0) {
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
    const margin = this.payback.margin ?? 1;
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
      const done = this.paid;
      for (let i = 0; i < count; i++) {
        if (done[i] === 0 && slope * present[i]! + offset + (recurring ? margin * recurring[i]! : 0) >= 0) {
          done[i] = 1;
          this.#paid++;
        }
      }
    }
    this.counts[period] = this.#paid;
  }
}
