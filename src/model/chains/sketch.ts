/** Significant bits a sketch starts with: whole numbers below 2^14 = 16,384 are kept exactly (at most 20: the mantissa's top in the high word). */
export const finestBits = 13;
/** Whole numbers below this are counted exactly while a sketch keeps {@link finestBits} bits. */
export const exactBelow = 2 ** (finestBits + 1);
/** The most bins one sketch may span by default: 2^20 (4 MiB of counts). */
export const defaultMaxBins = 2 ** 20;

// One buffer to read a double's bits: the exponent and the top of the mantissa give the bin.
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
/** Which of the two 32-bit words holds the sign, exponent and top of the mantissa: 1 on little-endian machines. */
const high = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** The bins of the values {@link QuantileSketch.addMany} is adding, a block (1,024) at a time. */
const scratch = new Int32Array(1024);

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
 * The bins of values[0 .. count - 1] at {@link finestBits}, into out[at ..]: what
 * {@link binOf} gives at finestBits, and -1 for what a sketch counts as zero (below 1),
 * read from each double's high word. A sketch at fewer bits takes bin >> (finestBits - bits),
 * see {@link QuantileSketch.addBins}: 4 bytes a value for a caller that holds values back.
 *
 * @example const out = new Int32Array(2); finestBinsOf(Float64Array.from([0, 3]), 2, out, 0) // out: [-1, (1 << 13) | 4096]
 */
export function finestBinsOf(values: Float64Array, count: number, out: Int32Array, at: number): void {
  const view = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0; i < count; i++) {
    const top = view[2 * i + high]!;
    // Below 1 (a signed high word under 1.0's 0x3ff00000, negatives included): a zero.
    out[at + i] = (top | 0) < 0x3ff00000 ? -1 : (((top >>> 20) - 1023) << finestBits) | ((top & 0xfffff) >>> (20 - finestBits));
  }
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

/** Where {@link finestRange} writes: the lowest and highest bin. */
const range = new Int32Array(2);

/**
 * The lowest and highest of bins[from .. to - 1] other than -1 (zeros), written to out[0]
 * and out[1]; out[1] is -1 when every one is a zero.
 */
function finestRange(bins: Int32Array, from: number, to: number, out: Int32Array): void {
  let low = 0x7fffffff;
  let high = -1;
  for (let i = from; i < to; i++) {
    const fine = bins[i]!;
    if (fine < 0) continue;
    if (fine < low) low = fine;
    if (fine > high) high = fine;
  }
  out[0] = low;
  out[1] = high;
}

/**
 * Counts bins[from .. to - 1] (at the finest bits, -1 for a zero) into a ring that has room
 * for every one of them at `shift` bits coarser; returns the zeros. Loops live in functions
 * of their own, with nothing after them but a return: V8 (Node 20) otherwise kept entering
 * and leaving a loop's on-stack-replaced code, compiled before what follows the loop had
 * run, on every call.
 */
function countBins(bins: Int32Array, from: number, to: number, counts: Uint32Array, shift: number): number {
  const mask = counts.length - 1;
  let zeros = 0;
  for (let i = from; i < to; i++) {
    const fine = bins[i]!;
    if (fine < 0) zeros++;
    else counts[(fine >> shift) & mask]! += 1;
  }
  return zeros;
}

/**
 * A mergeable quantile sketch for counts (0, or finite numbers of at least 1) whose memory
 * is bounded whatever the number and spread of the values: each value is held to its top
 * `bits` significant bits after the leading one, starting at 13 (whole numbers below 16,384
 * exactly, larger ones within 2^-14 = 0.0061%). When the bins in use, lowest to highest,
 * would span more than `maxBins`, the sketch drops a bit (neighbouring bins merge: every
 * quantile stays within 2^-(bits+1) of a value seen at its rank). The bits kept depend only
 * on the lowest and highest values added, so merging in any order, or on any number of
 * threads, gives the same sketch. In the spirit of DDSketch (https://arxiv.org/abs/1908.10693),
 * but coarsening every bin evenly instead of collapsing the lowest ones, so low percentiles
 * (chains that died out) stay as accurate as high ones.
 *
 * The counts live in a ring: bin b in slot b mod capacity (a power of two), so a span that
 * moves up or down never copies anything; the ring doubles (up to maxBins) when the span
 * outgrows it. Memory: at most 4 x maxBins bytes (Uint32: a bin counts up to 2^32 - 1 values).
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
  /** The ring of counts: bin b in slot b & (length - 1). */
  #counts = new Uint32Array(0);

  /** @param maxBins the most bins the sketch spans: a power of two, at least 2,048 (1,024 doublings at one bit, twice over). */
  constructor(readonly maxBins = defaultMaxBins) {
    if (!(maxBins >= 2048) || (maxBins & (maxBins - 1)) !== 0) throw new RangeError('a sketch needs a power of two of at least 2,048 bins');
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

  /** Adds `times` to a bin at the current bits, making room (and perhaps coarsening) first. */
  #addBin(bin: number, times: number): void {
    if (this.#min > this.#max) {
      if (this.#counts.length === 0) this.#counts = new Uint32Array(Math.min(this.maxBins, 4096));
      this.#min = this.#max = bin;
    } else if (bin < this.#min || bin > this.#max) {
      const min = Math.min(this.#min, bin);
      const max = Math.max(this.#max, bin);
      if (max - min + 1 > this.#counts.length) bin = this.#reshape(min, max, bin, 0);
      else {
        this.#min = min;
        this.#max = max;
      }
    }
    this.#counts[bin & (this.#counts.length - 1)]! += times;
  }

  /**
   * Adds values[from] .. values[to - 1], as {@link add} does one by one: their bins at the
   * finest bits, read from each double's high word ({@link finestBinsOf}), a block at a time,
   * then {@link addBins}, which makes room for them once and counts them in one tight loop.
   * The Monte Carlo engine adds a period's totals many thousands at a time.
   */
  addMany(values: Float64Array, from: number, to: number): void {
    for (let at = from; at < to; at += scratch.length) {
      const count = Math.min(scratch.length, to - at);
      finestBinsOf(values.subarray(at, at + count), count, scratch, 0);
      this.addBins(scratch, 0, count);
    }
  }

  /**
   * Adds values given as their bins at {@link finestBits} (from {@link finestBinsOf}; -1 for
   * a zero): the same sketch as {@link addMany} of the values, bins nesting as the sketch
   * coarsens.
   */
  addBins(bins: Int32Array, from: number, to: number): void {
    // Room for the lowest and highest first: one reshape at most, not one per doubling of the
    // span as the values come (the same sketch either way: bits drop only as far as the whole
    // span needs, and bins nest), so every bin then falls in the ring as it is.
    finestRange(bins, from, to, range);
    if (range[1]! >= 0) {
      this.#addBin(range[0]! >> (finestBits - this.#bits), 0);
      this.#addBin(range[1]! >> (finestBits - this.#bits), 0);
    }
    this.#zeros += countBins(bins, from, to, this.#counts, finestBits - this.#bits);
    this.#count += to - from;
  }

  /**
   * Makes the ring hold bins min..max: drops `coarser` bits, and more while the span would
   * pass maxBins, then moves the counts into a ring large enough. Returns `bin` at the bits kept.
   */
  #reshape(min: number, max: number, bin: number, coarser: number): number {
    let drop = 0;
    for (; drop < coarser || max - min + 1 > this.maxBins; drop++) {
      min = Math.floor(min / 2);
      max = Math.floor(max / 2);
    }
    const span = max - min + 1;
    let capacity = Math.max(this.#counts.length, 4096 > this.maxBins ? this.maxBins : 4096);
    while (capacity < span) capacity *= 2;
    capacity = Math.min(capacity, this.maxBins);
    const counts = new Uint32Array(capacity);
    const scale = 2 ** drop;
    if (this.#min <= this.#max) {
      const mask = this.#counts.length - 1;
      for (let b = this.#min; b <= this.#max; b++) {
        const n = this.#counts[b & mask]!;
        if (n > 0) counts[Math.floor(b / scale) & (capacity - 1)]! += n;
      }
    }
    this.#bits -= drop;
    this.#counts = counts;
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
    if (entries.counts.length === 0) return;
    if (entries.bits < this.#bits) {
      // This sketch is finer: coarsen it to the other's bits first.
      if (this.#min <= this.#max) this.#reshape(this.#min, this.#max, this.#min, this.#bits - entries.bits);
      else this.#bits = entries.bits;
    }
    const last = entries.low + entries.counts.length - 1;
    if (entries.bits === this.#bits && this.#min <= this.#max) {
      // The same bits, and both spans fit in the ring: add the counts straight in.
      const min = Math.min(this.#min, entries.low);
      const max = Math.max(this.#max, last);
      if (max - min + 1 <= this.#counts.length) {
        this.#min = min;
        this.#max = max;
        const counts = this.#counts;
        const mask = counts.length - 1;
        let added = 0;
        for (let i = 0; i < entries.counts.length; i++) {
          const n = entries.counts[i]!;
          // Most bins of a wide span are empty: only read them.
          if (n === 0) continue;
          counts[(entries.low + i) & mask]! += n;
          added += n;
        }
        this.#count += added;
        return;
      }
    }
    for (let i = 0; i < entries.counts.length; i++) {
      const n = entries.counts[i]!;
      if (n === 0) continue;
      this.#count += n;
      // Adding may coarsen this sketch: shift by the difference of bits as it is now.
      this.#addBin(Math.floor((entries.low + i) / 2 ** (entries.bits - this.#bits)), n);
    }
  }

  /** The sketch's contents as plain data (bins min..max in order), for another thread to merge. */
  entries(): SketchEntries {
    if (this.#min > this.#max) return { bits: this.#bits, zeros: this.#zeros, low: 0, counts: new Uint32Array(0) };
    const counts = new Uint32Array(this.#max - this.#min + 1);
    // The ring's slots min..max, in at most two runs (where the ring wraps).
    const mask = this.#counts.length - 1;
    const first = this.#min & mask;
    const run = Math.min(counts.length, this.#counts.length - first);
    counts.set(this.#counts.subarray(first, first + run));
    if (run < counts.length) counts.set(this.#counts.subarray(0, counts.length - run), run);
    return { bits: this.#bits, zeros: this.#zeros, low: this.#min, counts };
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
    const counts = this.#counts;
    const mask = counts.length - 1;
    const max = this.#max;
    // The rank sought next, in a local: the loop runs over every bin of the span, most of them empty.
    let rank = next < order.length ? order[next]!.rank : Infinity;
    for (let b = this.#min; b <= max && rank !== Infinity; b++) {
      const n = counts[b & mask]!;
      if (n === 0) continue;
      seen += n;
      while (seen >= rank) {
        out[order[next++]!.i] = valueOfBin(b, this.#bits);
        rank = next < order.length ? order[next]!.rank : Infinity;
      }
    }
    return out;
  }
}
