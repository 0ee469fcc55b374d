/** A source of uniform random numbers in [0, 1), as d3-random's samplers take it. */
export type Source = () => number;

const fmix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * A seeded source: xoshiro128** (Blackman and Vigna, https://prng.di.unimi.it/), its 128-bit
 * state drawn from the seed and a stream number through MurmurHash3's finaliser, each
 * uniform built from two 32-bit outputs so it has the full 53 bits of a double.
 *
 * One seed with streams 0, 1, 2, ... gives independent-looking sequences: `fans` gives
 * Monte Carlo trial i stream i, so a trial's draws do not depend on which thread ran it.
 *
 * @param seed a whole number from 0 to 2^53 - 1
 * @param stream a whole number from 0 to 2^32 - 1
 * @example const u = seededSource(42); u(); // => a number in [0, 1), the same every time
 */
export function seededSource(seed: number, stream = 0): Source {
  const [a0, b0, c0, d0] = seedState(seed, stream);
  let a = a0!;
  let b = b0!;
  let c = c0!;
  let d = d0!;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/**
 * The xoshiro128** state of a seed's stream, as {@link seededSource} starts from it (after
 * eight steps, so nearby streams drift apart): four 32-bit words. The block engine keeps
 * many such states side by side in one typed array.
 */
export function seedState(seed: number, stream: number): Int32Array {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  let a = fmix32(low ^ 0x9e3779b9);
  let b = fmix32(high ^ fmix32(a + 0x7f4a7c15));
  let c = fmix32(stream ^ fmix32(b + 0x85ebca6b));
  let d = fmix32(fmix32(stream + 0x27d4eb2f) ^ c);
  if ((a | b | c | d) === 0) a = 1; // the one state xoshiro cannot leave
  for (let i = 0; i < 8; i++) {
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
  }
  return Int32Array.of(a, b, c, d);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
