import type { Uniforms } from './poisson.js';

/** Means below this are drawn from a table (see {@link CountTables}). */
export const tableMeanBelow = 16;
/** The most entries a table may have; a law whose tail is longer gets none. */
const maxEntries = 1024;
/** Tables are kept for n below this. */
const maxTables = 256;

/**
 * The referrals n fans bring, drawn by inversion from a table of the law's distribution
 * function, for the small n met most often: one uniform and a short search (about mean + 1
 * comparisons) instead of Knuth's mean + 1 uniforms, PTRS, or a gamma draw and a Poisson
 * draw. The table for n holds P(X <= j) for j = 0, 1, ...:
 *
 * - Poisson(nK): p_0 = e^-nK, p_j = p_(j-1) nK / j;
 * - negative binomial, size r = nk and mean m = nK (geometric: k = 1):
 *   p_0 = (r / (r + m))^r, p_j = p_(j-1) (r + j - 1) / j x m / (r + m).
 *
 * A table ends once the tail beyond it is below 2^-54 (bounded by p_j rho / (1 - rho), rho the
 * largest ratio p_(j+1) / p_j from there on), and its last entry is set to 1: the draw's law
 * is off by less than 2^-53 (the uniform's own grid). A table is built the first time its n
 * is met, only for n below 256 with a mean nK below {@link tableMeanBelow}, and only if it
 * ends within 1,024 entries; otherwise {@link table} gives null and the caller draws as before.
 * With each table goes a guide (Chen and Asau, 1974): guide[i] is the first j with
 * P(X <= j) > i / length, where the search for u starts at guide[floor(u length)], so a draw
 * takes one or two comparisons whatever the mean.
 *
 * @example const t = new CountTables('poisson', 2, Infinity); drawFromTable(rng, t.table(1)!) // => Poisson(2)
 */
export class CountTables {
  readonly #tables: (CountTable | null | undefined)[] = [];

  /** The tables of the last law asked for, kept: every block of a run meets the same n. */
  static #last: CountTables | null = null;

  /** Tables for this law: the ones of the last call when the law is the same (tables never change once built). */
  static of(law: 'poisson' | 'negbin', mean: number, shape: number): CountTables {
    const last = CountTables.#last;
    if (last && last.law === law && last.mean === mean && Object.is(last.shape, shape)) return last;
    return (CountTables.#last = new CountTables(law, mean, shape));
  }

  /**
   * @param law 'poisson', or 'negbin' for the negative binomial (and geometric)
   * @param mean K, the mean referrals of one fan
   * @param shape k, the dispersion of one fan's referrals (negbin only)
   */
  constructor(
    readonly law: 'poisson' | 'negbin',
    readonly mean: number,
    readonly shape: number,
  ) {}

  /** The distribution function of n fans' referrals, with its guide, or null when n has no table. */
  table(n: number): CountTable | null {
    if (!(n < maxTables) || !(n * this.mean < tableMeanBelow)) return null;
    let table = this.#tables[n];
    if (table === undefined) this.#tables[n] = table = this.#build(n);
    return table;
  }

  #build(n: number): CountTable | null {
    const m = n * this.mean;
    const r = n * this.shape;
    const poisson = this.law === 'poisson';
    // The ratio p_j / p_(j-1), and for the negative binomial its limit q = m / (r + m).
    const q = poisson ? 0 : m / (r + m);
    const ratio = (j: number) => (poisson ? m / j : ((r + j - 1) / j) * q);
    let p = poisson ? Math.exp(-m) : Math.exp(-r * Math.log1p(m / r));
    const cdf: number[] = [];
    let sum = 0;
    for (let j = 0; j < maxEntries; j++) {
      if (j > 0) p *= ratio(j);
      sum += p;
      cdf.push(sum);
      // The ratios from j + 1 on are at most rho: decreasing for the Poisson and for r >= 1, rising to q for r < 1.
      const next = ratio(j + 1);
      const rho = poisson || r >= 1 ? next : Math.max(next, q);
      if (rho < 1 && (p * rho) / (1 - rho) < 2 ** -54) {
        cdf[j] = 1;
        return withGuide(Float64Array.from(cdf));
      }
    }
    return null;
  }
}

/** A law's distribution function P(X <= j), j = 0 .. length - 1 (the last is 1), and its guide. */
export interface CountTable {
  cdf: Float64Array;
  /** guide[i]: the first j with cdf[j] > i / cdf.length. */
  guide: Uint16Array;
}

function withGuide(cdf: Float64Array): CountTable {
  const guide = new Uint16Array(cdf.length);
  let j = 0;
  for (let i = 0; i < cdf.length; i++) {
    while (cdf[j]! <= i / cdf.length) j++;
    guide[i] = j;
  }
  return { cdf, guide };
}

/**
 * The smallest j with u < cdf[j], for u uniform in [0, 1) with 53 bits: a draw from the law of
 * a {@link CountTables} table (whose last entry is 1), the search starting at the guide.
 */
export function drawFromTable(rng: Uniforms, table: CountTable): number {
  const { cdf, guide } = table;
  const u = rng.uniform();
  let j = guide[Math.floor(u * cdf.length)]!;
  while (u >= cdf[j]!) j++;
  return j;
}
