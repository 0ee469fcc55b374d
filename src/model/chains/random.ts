/** A source of uniform random numbers in [0, 1), as d3-random's samplers take it. */
export type Source = () => number;

const fmix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * A seeded generator: xoshiro128** (Blackman and Vigna, https://prng.di.unimi.it/), its
 * 128-bit state drawn from the seed and a stream number through MurmurHash3's finaliser and
 * then stepped eight times, so nearby streams drift apart. One seed with streams 0, 1, 2, ...
 * gives independent-looking sequences: `fans` gives each block of Monte Carlo trials its own
 * stream, so the draws do not depend on which thread ran them. The state is four fields, so
 * the engine's hot loop makes no object or closure per draw.
 *
 * @param seed a whole number from 0 to 2^53 - 1
 * @param stream a whole number from 0 to 2^32 - 1
 */
export class Xoshiro128 {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number, stream = 0) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    this.#a = fmix32(low ^ 0x9e3779b9);
    this.#b = fmix32(high ^ fmix32(this.#a + 0x7f4a7c15));
    this.#c = fmix32(stream ^ fmix32(this.#b + 0x85ebca6b));
    this.#d = fmix32(fmix32(stream + 0x27d4eb2f) ^ this.#c);
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1; // the one state xoshiro cannot leave
    for (let i = 0; i < 8; i++) this.next();
  }

  /** The next 32 bits of the stream. */
  next(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c ^ a;
    const d = this.#d ^ b;
    const m = Math.imul(b, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    this.#a = a ^ d;
    this.#b = b ^ c;
    this.#c = c ^ (b << 9);
    this.#d = (d << 11) | (d >>> 21);
    return result;
  }

  /** A uniform in [0, 1) with the full 53 bits of a double, from two outputs (times 2^-53, exact). */
  uniform(): number {
    return ((this.next() >>> 5) * 67108864 + (this.next() >>> 6)) * 1.1102230246251565e-16;
  }

  /** A uniform in (0, 1) from one 32-bit output, where 32 bits are plenty (Knuth's product method). */
  uniform32(): number {
    return (this.next() + 0.5) * 2.3283064365386963e-10;
  }
}

/**
 * A seeded source of uniforms in [0, 1), as d3-random's samplers take it: {@link Xoshiro128}'s
 * 53-bit uniforms for a seed and stream.
 *
 * @example const u = seededSource(42); u(); // => a number in [0, 1), the same every time
 */
export function seededSource(seed: number, stream = 0): Source {
  const generator = new Xoshiro128(seed, stream);
  return () => generator.uniform();
}
