import type { Uniforms } from '../chains/poisson.js';

/**
 * A delay drawn in one uniform: Walker's alias table (Vose's construction, "A linear
 * algorithm for generating random numbers with a given distribution", IEEE TSE 17, 1991)
 * over the delay's days 0..`days` (`weights`, the chance of each day: a Pascal delay's
 * delays.ts's pascalWeights, or the thinned delay of thinned-pascal.ts) and one more outcome,
 * "after `days`", with the rest of the chance. A run never needs to know how long after its
 * horizon a referral comes, only that it does.
 *
 * @example new DelayTable(pascalWeights({ stages: 1, chance: 1 }, 10)).draw(rng) // => 1: a fixed delay of one day
 */
export class DelayTable {
  readonly #chance: Float64Array;
  readonly #alias: Int32Array;
  /** The outcomes: days 0..length - 2, and `length - 1` for "after the horizon". */
  readonly #length: number;

  /** `weights[s]`: the chance of a delay of s days; what they leave of 1 is "after the horizon". */
  constructor(weights: Float64Array) {
    let sum = 0;
    for (const w of weights) sum += w;
    const n = weights.length + 1;
    const scaled = new Float64Array(n);
    for (let s = 0; s < weights.length; s++) scaled[s] = weights[s]! * n;
    scaled[n - 1] = Math.max(0, 1 - sum) * n;
    const chance = new Float64Array(n).fill(1);
    const alias = new Int32Array(n).map((_, i) => i);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((w, i) => (w < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.at(-1)!;
      chance[s] = scaled[s]!;
      alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small.push(large.pop()!);
    }
    // What is left is 1 up to rounding: kept whole (chance 1, its own alias).
    this.#chance = chance;
    this.#alias = alias;
    this.#length = n;
  }

  /**
   * The days until a referral comes, or Infinity for after the horizon. One 32-bit uniform:
   * over at most 36,527 outcomes (a horizon of at most 36,525 days) it leaves each outcome's
   * chance at least 2^16 steps, where a chance is off by at most one step in 2^32.
   */
  draw(rng: Uniforms): number {
    const x = rng.uniform32() * this.#length;
    const i = x | 0;
    const day = x - i < this.#chance[i]! ? i : this.#alias[i]!;
    return day === this.#length - 1 ? Infinity : day;
  }
}
