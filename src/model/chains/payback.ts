/** Money's payback, counted run by run: see ChainParams.payback (montecarlo.ts). */
export interface Payback {
  slope: number;
  /** Per period 0..periods, the rest of the cumulative net: fixed costs (negative), bought fans' margin. */
  offsets: Float64Array;
  /** The first period that carries money: 1 for levels and years, 0 for calendar periods. */
  from: number;
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
  }
  check(period: number, reached: Float64Array, start: number, count: number): void {
    const { slope, offsets, from } = this.payback;
    if (period >= from) {
      const offset = offsets[period]!;
      const done = this.#done;
      for (let i = 0; i < count; i++) {
        if (done[i] === 0 && slope * (reached[i]! - start) + offset >= 0) {
          done[i] = 1;
          this.#paid++;
        }
      }
    }
    this.counts[period] = this.#paid;
  }
}
