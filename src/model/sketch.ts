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
  /** Counts of the whole numbers below 8,192, made on first use. */
  #small: Float64Array | null = null;
  /** Counts of the logarithmic bins above, keyed by bin. */
  readonly #large = new Map<number, { n: number }>();
  #count = 0;

  /** Adds one value (a count: finite, non-negative). */
  add(value: number, times = 1): void {
    this.#count += times;
    if (value < exactBelow) {
      (this.#small ??= new Float64Array(exactBelow))[Math.round(value)]! += times;
      return;
    }
    const bin = binOf(value);
    const counter = this.#large.get(bin);
    if (counter) counter.n += times;
    else this.#large.set(bin, { n: times });
  }

  /** Adds another sketch's counts to this one. */
  merge(bins: Iterable<readonly [number, number]>): void {
    for (const [bin, n] of bins) this.add(valueOf(bin), n);
  }

  /** Bins and their counts, for sending to another thread and merging there. */
  entries(): [number, number][] {
    const small: [number, number][] = [];
    this.#small?.forEach((n, value) => n > 0 && small.push([value, n]));
    return [...small, ...[...this.#large].map(([bin, counter]): [number, number] => [bin, counter.n])];
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
    const bins = this.entries().sort((x, y) => x[0] - y[0]);
    return ps.map((p) => {
      const rank = Math.max(1, Math.ceil(p * this.#count));
      let seen = 0;
      for (const [bin, n] of bins) {
        seen += n;
        if (seen >= rank) return valueOf(bin);
      }
      return Number.NaN;
    });
  }
}

const log2ExactBelow = Math.log2(exactBelow);

function binOf(value: number): number {
  if (value < exactBelow) return Math.round(value);
  return exactBelow + Math.floor((Math.log2(value) - log2ExactBelow) * binsPerDoubling);
}

function valueOf(bin: number): number {
  if (bin < exactBelow) return bin;
  return Math.round(2 ** (log2ExactBelow + (bin - exactBelow + 0.5) / binsPerDoubling));
}
