/** Significant bits a sketch starts with: whole numbers below 2^14 = 16,384 are kept exactly (at most 20: the mantissa's top in the high word). */
export const finestBits = 13;
/** Whole numbers below this are counted exactly while a sketch keeps {@link finestBits} bits. */
export const exactBelow = 2 ** (finestBits + 1);
/** The most bins one sketch may hold by default: 2^20 (4 MiB of counts). */
export const defaultMaxBins = 2 ** 20;

// One buffer to read a double's bits: the exponent and the top of the mantissa give the bin.
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
/** Which of the two 32-bit words holds the sign, exponent and top of the mantissa: 1 on little-endian machines. */
const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The bin of a value of at least 1 at `bits` significant bits after the leading one:
 * exponent x 2^bits + the top `bits` bits of the mantissa. Bins at `bits - 1` are these
 * halved (key >> 1), so coarsening merges neighbours exactly.
 */
export function binOf(value: number, bits: number): number {
  float[0] = value;
  const top = words[high]!;
  // exponent (at most 1023) << bits (at most 13) stays within 31 bits.
  return (((top >>> 20) - 1023) << bits) | ((top & 0xfffff) >>> (20 - bits));
}

/**
 * The value a bin stands for: a bin narrower than 1 holds one whole number (its lower
 * edge), a wider one its middle, rounded to a whole number.
 */
export function valueOfBin(bin: number, bits: number): number {
  const exponent = Math.floor(bin / 2 ** bits);
  const mantissa = bin - exponent * 2 ** bits;
  const width = 2 ** (exponent - bits);
  const lower = 2 ** exponent + mantissa * width;
  return width <= 1 ? lower : Math.round(lower + width / 2);
}

/** What {@link QuantileSketch.entries} gives: the precision, the zeros, and the counts of bins low, low + 1, ... */
export interface SketchEntries {
  bits: number;
  zeros: number;
  low: number;
  counts: Uint32Array;
}

/**
 * A mergeable quantile sketch for counts (0, or finite numbers of at least 1) whose memory
 * is bounded whatever the number and spread of the values: each value is held to its top
 * `bits` significant bits after the leading one, starting at 13 (whole numbers below 16,384
 * exactly, larger ones within 2^-14 = 0.0061%). The bins sit in one dense array spanning the
 * lowest to the highest bin seen; when that span would pass `maxBins`, the sketch drops a
 * bit (neighbouring bins merge: every quantile stays within 2^-(bits+1) of a value seen at
 * its rank). The bits kept depend only on the lowest and highest values added, so merging
 * in any order, or on any number of threads, gives the same sketch. In the spirit of
 * DDSketch (https://arxiv.org/abs/1908.10693), but coarsening every bin evenly instead of
 * collapsing the lowest ones, so low percentiles (chains that died out) stay as accurate as
 * high ones.
 *
 * Memory: at most 4 x maxBins bytes of counts (Uint32: a bin counts at most 2^32 - 1 values).
 *
 * @example const s = new QuantileSketch(); [1, 2, 3].forEach((v) => s.add(v)); s.quantile(0.5) // => 2
 */
export class QuantileSketch {
  #bits = finestBits;
  #zeros = 0;
  #count = 0;
  /** The lowest and highest bin holding a value (at the current bits); min > max while empty. */
  #min = 1;
  #max = 0;
  /** Counts of bins low, low + 1, ... (the array may reach past min and max, for room to grow). */
  #counts = new Uint32Array(0);
  #low = 0;

  constructor(readonly maxBins = defaultMaxBins) {
    if (!(maxBins >= 2048)) throw new RangeError('a sketch needs at least 2,048 bins (1,024 doublings at one bit)');
  }

  /** Significant bits after the leading one that the sketch keeps now. */
  get bits(): number {
    return this.#bits;
  }

  /** The largest relative distance of a reported quantile from a value seen at its rank: 2^-(bits+1). */
  get relativeError(): number {
    return 2 ** -(this.#bits + 1);
  }

  get count(): number {
    return this.#count;
  }

  /** Adds one value (a count: 0, or finite and at least 1), `times` times. */
  add(value: number, times = 1): void {
    this.#count += times;
    if (value < 1) {
      this.#zeros += times;
      return;
    }
    this.#addBin(binOf(value, this.#bits), times);
  }

  /** Adds `times` to a bin at the current bits, widening (and perhaps coarsening) first. */
  #addBin(bin: number, times: number): void {
    if (bin < this.#low || bin >= this.#low + this.#counts.length) bin = this.#widen(bin);
    else if (this.#min > this.#max) this.#min = this.#max = bin;
    else if (bin < this.#min) this.#min = bin;
    else if (bin > this.#max) this.#max = bin;
    this.#counts[bin - this.#low]! += times;
  }

  /**
   * Adds values[from] .. values[to - 1], as {@link add} does one by one, with the sketch's
   * state in local variables: the Monte Carlo engine adds a period's totals a block at a time.
   */
  addMany(values: Float64Array, from: number, to: number): void {
    this.#count += to - from;
    let bits = this.#bits;
    let counts = this.#counts;
    let low = this.#low;
    let end = low + counts.length;
    let min = this.#min;
    let max = this.#max;
    let zeros = 0;
    for (let i = from; i < to; i++) {
      const value = values[i]!;
      if (value < 1) {
        zeros++;
        continue;
      }
      float[0] = value;
      const top = words[high]!;
      let bin = (((top >>> 20) - 1023) << bits) | ((top & 0xfffff) >>> (20 - bits));
      if (bin < low || bin >= end) {
        this.#min = min;
        this.#max = max;
        bin = this.#widen(bin);
        bits = this.#bits;
        counts = this.#counts;
        low = this.#low;
        end = low + counts.length;
        min = this.#min;
        max = this.#max;
      } else if (min > max) min = max = bin;
      else if (bin < min) min = bin;
      else if (bin > max) max = bin;
      counts[bin - low]! += 1;
    }
    this.#min = min;
    this.#max = max;
    this.#zeros += zeros;
  }

  /**
   * Makes room for a bin outside the array: drops `coarser` bits, and more while the span of
   * bins in use would pass maxBins, then moves the counts into an array with room on both
   * sides. Returns the bin at the bits kept.
   */
  #widen(bin: number, coarser = 0): number {
    const empty = this.#min > this.#max;
    let min = empty ? bin : Math.min(this.#min, bin);
    let max = empty ? bin : Math.max(this.#max, bin);
    let drop = 0;
    // Coarser by `coarser` bits at least (a merge of a coarser sketch), then while the span is too wide.
    for (; drop < coarser; drop++) {
      min = Math.floor(min / 2);
      max = Math.floor(max / 2);
    }
    while (max - min + 1 > this.maxBins) {
      drop++;
      min = Math.floor(min / 2);
      max = Math.floor(max / 2);
    }
    const span = max - min + 1;
    const capacity = Math.min(this.maxBins, Math.max(64, 2 ** Math.ceil(Math.log2(span)) * 2));
    const low = Math.max(0, Math.min(min - Math.floor((capacity - span) / 2), max + 1 - capacity));
    const counts = new Uint32Array(capacity);
    const scale = 2 ** drop;
    if (!empty) {
      for (let i = this.#min - this.#low; i <= this.#max - this.#low; i++) {
        const n = this.#counts[i]!;
        if (n > 0) counts[Math.floor((this.#low + i) / scale) - low]! += n;
      }
    }
    this.#bits -= drop;
    this.#counts = counts;
    this.#low = low;
    this.#min = min;
    this.#max = max;
    return Math.floor(bin / scale); // the bin at the bits kept: bins nest, halving as a bit drops
  }

  /**
   * Adds another sketch's contents (from {@link entries}) to this one. Bins nest, so the
   * result is the sketch of all the values at the coarser of the two precisions (and coarser
   * still if the span needs it): the same whatever the order of merging, and the same as one
   * sketch that saw every value.
   */
  merge(entries: SketchEntries): void {
    this.#count += entries.zeros;
    this.#zeros += entries.zeros;
    let shift = entries.bits - this.#bits;
    if (shift < 0 && entries.counts.length > 0) {
      // This sketch is finer: coarsen it to the other's bits first.
      if (this.#min <= this.#max) this.#widen(this.#min, -shift);
      else this.#bits = entries.bits;
      shift = 0;
    }
    for (let i = 0; i < entries.counts.length; i++) {
      const n = entries.counts[i]!;
      if (n === 0) continue;
      this.#count += n;
      this.#addBin(Math.floor((entries.low + i) / 2 ** shift) >>> 0, n);
      shift = entries.bits - this.#bits; // adding may have coarsened this sketch
    }
  }

  /** The sketch's contents as plain data, for sending to another thread and merging there. */
  entries(): SketchEntries {
    const empty = this.#min > this.#max;
    return {
      bits: this.#bits,
      zeros: this.#zeros,
      low: empty ? 0 : this.#min,
      counts: empty ? new Uint32Array(0) : this.#counts.slice(this.#min - this.#low, this.#max - this.#low + 1),
    };
  }

  /**
   * The p-quantile by the inverse of the empirical distribution (R's type 1): the smallest
   * value with at least p of the values at or below it. Exact below 16,384 at full bits.
   */
  quantile(p: number): number {
    return this.quantiles([p])[0]!;
  }

  /** Several quantiles at once, in one pass over the bins. */
  quantiles(ps: readonly number[]): number[] {
    const order = ps.map((p, i) => ({ rank: Math.max(1, Math.ceil(p * this.#count)), i })).sort((a, b) => a.rank - b.rank);
    const out = new Array<number>(ps.length).fill(Number.NaN);
    let next = 0;
    let seen = this.#zeros;
    while (next < order.length && seen >= order[next]!.rank) out[order[next++]!.i] = 0;
    for (let i = this.#min - this.#low; i <= this.#max - this.#low && next < order.length; i++) {
      const n = this.#counts[i]!;
      if (n === 0) continue;
      seen += n;
      while (next < order.length && seen >= order[next]!.rank) out[order[next++]!.i] = valueOfBin(this.#low + i, this.#bits);
    }
    return out;
  }
}
