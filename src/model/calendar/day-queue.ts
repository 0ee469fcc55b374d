/** Entries a chunk of a day's list holds. */
const chunk = 32;

/**
 * Events by day, for days 0..`days`: each day's list is a chain of chunks of 32 entries (a
 * whole number and a day each), added to at its end and read once, in order, then given
 * back for later days. Memory follows the entries waiting, not the days (one part-filled
 * chunk a day at most); reading a day's list walks whole chunks, which the processor caches
 * well where one node an event would not.
 *
 * @example
 * const q = new DayQueue(10);
 * q.add(3, 7, 0);
 * q.take(3, (value) => console.log(value)); // 7
 */
export class DayQueue {
  readonly #head: Int32Array;
  readonly #tail: Int32Array;
  readonly #fill: Int32Array;
  #next = new Int32Array(64);
  #value = new Int32Array(64 * chunk);
  #day = new Int32Array(64 * chunk);
  #free = -1;
  #used = 0;

  constructor(days: number) {
    this.#head = new Int32Array(days + 1).fill(-1);
    this.#tail = new Int32Array(days + 1).fill(-1);
    this.#fill = new Int32Array(days + 1);
  }

  /** Adds `value` (with a `day` of its own, such as when a customer leaves) to `at`'s list. */
  add(at: number, value: number, day: number): void {
    let c = this.#tail[at]!;
    let f = this.#fill[at]!;
    if (c < 0 || f === chunk) {
      const fresh = this.#chunk();
      if (c < 0) this.#head[at] = fresh;
      else this.#next[c] = fresh;
      this.#tail[at] = c = fresh;
      f = 0;
    }
    const slot = c * chunk + f;
    this.#value[slot] = value;
    this.#day[slot] = day;
    this.#fill[at] = f + 1;
  }

  /** Calls `each(value, day)` for every entry of day `at`'s list, in the order added, and empties it. */
  take(at: number, each: (value: number, day: number) => void): void {
    let c = this.#head[at]!;
    const tail = this.#tail[at]!;
    const last = this.#fill[at]!;
    this.#head[at] = this.#tail[at] = -1;
    this.#fill[at] = 0;
    while (c >= 0) {
      const end = c === tail ? last : chunk;
      const base = c * chunk;
      for (let j = 0; j < end; j++) each(this.#value[base + j]!, this.#day[base + j]!);
      const after = c === tail ? -1 : this.#next[c]!;
      this.#next[c] = this.#free;
      this.#free = c;
      c = after;
    }
  }

  #chunk(): number {
    const c = this.#free;
    if (c >= 0) {
      this.#free = this.#next[c]!;
      return c;
    }
    if (this.#used === this.#next.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#next = grow(this.#next);
      this.#value = grow(this.#value);
      this.#day = grow(this.#day);
    }
    return this.#used++;
  }
}
