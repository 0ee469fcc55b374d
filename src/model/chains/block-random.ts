import { Xoshiro128 } from './random.js';

/**
 * The generator of a block of trials: stream `block` of the seed ({@link Xoshiro128}), drawn
 * from by every trial of the block in a fixed order (period by period, trial by trial). A
 * block is what a thread runs, so the draws, and the output, do not depend on the threads.
 */
export class BlockRandom extends Xoshiro128 {
  /** The second normal of the last pair, not yet given out (NaN when there is none). */
  #spare = Number.NaN;

  /**
   * A standard normal by Marsaglia's polar method: each accepted pair (x, y) in the unit
   * disc gives two independent normals x s and y s, s = sqrt(-2 ln r / r); the second is
   * kept for the next call (half the uniforms and logarithms a normal).
   */
  normal(): number {
    const spare = this.#spare;
    if (spare === spare) {
      this.#spare = Number.NaN;
      return spare;
    }
    for (;;) {
      const x = 2 * this.uniform() - 1;
      const y = 2 * this.uniform() - 1;
      const r = x * x + y * y;
      if (r > 0 && r < 1) {
        const s = Math.sqrt((-2 * Math.log(r)) / r);
        this.#spare = y * s;
        return x * s;
      }
    }
  }
}

/**
 * Gamma(shape, 1) from the block's stream: Marsaglia and Tsang (2000), "A simple
 * method for generating gamma variables", ACM TOMS 26; for shape below 1 the usual boost
 * Gamma(shape + 1) x U^(1/shape).
 */
export function gamma(rng: BlockRandom, shape: number): number {
  if (shape < 1) {
    const boosted = gamma(rng, shape + 1);
    return boosted * Math.exp(Math.log(rng.uniform() || Number.MIN_VALUE) / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
