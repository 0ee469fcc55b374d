import { describe, expect, it } from 'vitest';
import { CountTables, drawFromTable, tableMeanBelow } from '../../src/model/chains/count-tables.js';
import { BlockRandom } from '../../src/model/chains/block-random.js';

/** log Γ(x) for x > 0 by Lanczos (g = 7, 9 terms; relative error about 1e-15): independent of the tables' recurrence. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Exact probabilities from the closed forms: Poisson e^-m m^j / j!, negative binomial Γ(r + j) / (Γ(r) j!) (r/(r+m))^r (m/(r+m))^j. */
const poissonPmf = (m: number, j: number) => Math.exp(-m + j * Math.log(m) - logGamma(j + 1));
const negbinPmf = (r: number, m: number, j: number) => Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * Math.log(r / (r + m)) + j * Math.log(m / (r + m)));

describe('CountTables', () => {
  it.each([
    ['poisson', 1, 0.5, Infinity],
    ['poisson', 3, 5, Infinity],
    ['negbin', 1, 2, 0.5],
    ['negbin', 7, 2, 0.5],
    ['negbin', 2, 1.5, 1], // geometric referrals: k = 1
    ['negbin', 4, 3, 4],
  ] as const)('%s, n = %i, K = %s, k = %s: the table is the closed-form distribution function, to 1e-12, ending in 1', (law, n, K, k) => {
    const { cdf: table } = new CountTables(law, K, k).table(n)!;
    let cdf = 0;
    for (let j = 0; j < table.length - 1; j++) {
      cdf += law === 'poisson' ? poissonPmf(n * K, j) : negbinPmf(n * k, n * K, j);
      expect(Math.abs(table[j]! - cdf)).toBeLessThan(1e-12);
    }
    expect(table.at(-1)).toBe(1);
    // The last entry takes the whole tail from there on: a mass below 2^-50, and the entry before it within rounding of 1.
    const last = table.length - 1;
    expect(law === 'poisson' ? poissonPmf(n * K, last) : negbinPmf(n * k, n * K, last)).toBeLessThan(2 ** -50);
    expect(1 - table.at(-2)!).toBeLessThan(1e-14);
  });

  it(`has no table at a mean of ${tableMeanBelow} or more, for n of 256 or more, or for a tail too long for 1,024 entries`, () => {
    expect(new CountTables('poisson', 2, Infinity).table(8)).toBeNull(); // mean 16
    expect(new CountTables('poisson', 2, Infinity).table(7)).not.toBeNull();
    expect(new CountTables('poisson', 0.01, Infinity).table(256)).toBeNull();
    // k = 0.001: P(j + 1) / P(j) tends to 15 / 15.001, so the tail outlasts 1,024 entries.
    expect(new CountTables('negbin', 15, 0.001).table(1)).toBeNull();
  });

  it.each([
    ['poisson', 2, 3, Infinity],
    ['negbin', 1, 2, 0.5],
    ['negbin', 5, 1.2, 0.3],
  ] as const)('%s, n = %i, K = %s, k = %s: draws fit the closed form, chi-square at the 0.1% level (200,000 draws, seed 31)', (law, n, K, k) => {
    const rng = new BlockRandom(31, n);
    const table = new CountTables(law, K, k).table(n)!;
    const draws = 200_000;
    const counts = new Float64Array(table.cdf.length);
    for (let i = 0; i < draws; i++) counts[drawFromTable(rng, table)]!++;
    // Bins of expected count at least 20; the last takes the rest of the tail.
    const pmf = (j: number) => (law === 'poisson' ? poissonPmf(n * K, j) : negbinPmf(n * k, n * K, j));
    let chi = 0;
    let bins = 0;
    let expected = 0;
    let observed = 0;
    let seen = 0;
    let mass = 0;
    for (let j = 0; j < table.cdf.length; j++) {
      expected += draws * pmf(j);
      observed += counts[j]!;
      if (expected >= 20) {
        chi += (observed - expected) ** 2 / expected;
        seen += observed;
        mass += expected;
        bins++;
        expected = observed = 0;
      }
    }
    chi += (draws - seen - (draws - mass)) ** 2 / (draws - mass);
    const df = bins; // bins + 1 cells, less one
    const critical = df * (1 - 2 / (9 * df) + 3.0902 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(df).toBeGreaterThan(3);
    expect(chi).toBeLessThan(critical);
  });

  it('draws, through the guide, the smallest j with u < P(X <= j): the same as a search from 0, at and between the steps', () => {
    for (const [law, n, K, k] of [['poisson', 3, 4, Infinity], ['negbin', 1, 2, 0.5]] as const) {
      const table = new CountTables(law, K, k).table(n)!;
      const { cdf } = table;
      const plain = (u: number) => cdf.findIndex((c) => u < c);
      // Every step's edges and midpoints, and a grid.
      const us = [0, 1 - 2 ** -53, ...Array.from({ length: 1000 }, (_, i) => i / 1000)];
      for (let j = 0; j < cdf.length; j++) us.push(cdf[j]!, Math.max(0, cdf[j]! - 2 ** -53), (cdf[j]! + (j > 0 ? cdf[j - 1]! : 0)) / 2);
      for (const u of us.filter((x) => x >= 0 && x < 1)) expect(drawFromTable({ uniform: () => u, uniform32: () => u }, table)).toBe(plain(u));
    }
  });
});
