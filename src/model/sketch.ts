/** Counts below this are kept exactly, one bin per whole number. */
export const exactBelow = 8192;
/** Bins per doubling above {@link exactBelow}: bins are 2^(1/1024) wide, about 0.068%. */
const binsPerDoubling = 1024;

/**
 * A mergeable quantile sketch for non-negative counts with memory that does not grow with
 * the number of values: whole numbers below 8,192 are counted exactly; larger values fall
 * into logarithmic bins 2^(1/1024) wide, so a quantile there is within 0.034% of a value
 * that was actually seen at that rank (the bin's geometric middle, rounded to a whole
 * number). Merging adds counts, so the result does not depend on the order of merging.
 * (In the spirit of DDSketch, https://arxiv.org/abs/1908.10693.)
 *
 * @example const s = new QuantileSketch(); [1, 2, 3].forEach((v) => s.add(v)); s.quantile(0.5) // => 2
 */
export class QuantileSketch {
  readonly #bins = new Map<number, number>();
  #count = 0;

  /** Adds one value (a count: finite, non-negative). */
  add(value: number, times = 1): void {
    const bin = binOf(value);
    this.#bins.set(bin, (this.#bins.get(bin) ?? 0) + times);
    this.#count += times;
  }

  /** Adds another sketch's counts to this one. */
  merge(bins: Iterable<readonly [number, number]>): void {
    for (const [bin, n] of bins) {
      this.#bins.set(bin, (this.#bins.get(bin) ?? 0) + n);
      this.#count += n;
    }
  }

  /** Bins and their counts, for sending to another thread and merging there. */
  entries(): [number, number][] {
    return [...this.#bins.entries()];
  }

  get count(): number {
    return this.#count;
  }

  /**
   * The p-quantile by the inverse of the empirical distribution (R's type 1): the smallest
   * value with at least p of the values at or below it. Exact below 8,192.
   */
  quantile(p: number): number {
    return this.quantiles([p])[0]!;
  }

  /** Several quantiles at once (one sort). */
  quantiles(ps: readonly number[]): number[] {
    const bins = [...this.#bins.keys()].sort((x, y) => x - y);
    return ps.map((p) => {
      const rank = Math.max(1, Math.ceil(p * this.#count));
      let seen = 0;
      for (const bin of bins) {
        seen += this.#bins.get(bin)!;
        if (seen >= rank) return valueOf(bin);
      }
      return Number.NaN;
    });
  }
}

function binOf(value: number): number {
  if (value < exactBelow) return Math.round(value);
  return exactBelow + Math.floor((Math.log2(value) - Math.log2(exactBelow)) * binsPerDoubling);
}

function valueOf(bin: number): number {
  if (bin < exactBelow) return bin;
  return Math.round(2 ** (Math.log2(exactBelow) + (bin - exactBelow + 0.5) / binsPerDoubling));
}
