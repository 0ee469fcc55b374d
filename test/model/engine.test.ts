import { describe, expect, it } from 'vitest';
import { BlockRandom, gamma, runTrialsBlock } from '../../src/model/chains/engine.js';
import { type ChainParams, type Distribution, sampleChain, seededSource } from '../../src/index.js';

describe('BlockRandom', () => {
  it('is xoshiro128** stream `block` of the seed, draw for draw the same as seededSource', () => {
    for (const [seed, block] of [[1, 0], [42, 7], [2 ** 40 + 3, 123456]] as const) {
      const rng = new BlockRandom(seed, block);
      const source = seededSource(seed, block);
      for (let i = 0; i < 1000; i++) expect(rng.uniform()).toBe(source());
    }
  });
});

describe('gamma (Marsaglia-Tsang)', () => {
  it.each([0.05, 0.3, 1, 7.5, 1e4])('shape %s: mean and variance (both the shape) within 4 standard errors, 40,000 draws (seed 9)', (shape) => {
    const rng = new BlockRandom(9, Math.round(shape * 100));
    const n = 40_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = gamma(rng, shape);
      expect(x).toBeGreaterThanOrEqual(0);
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // sd of the mean: sqrt(shape / n); of the variance: sqrt((E[(X-m)^4] - shape^2) / n) = sqrt((6 shape + 2 shape^2) / n) for a gamma
    expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
    expect(Math.abs(variance - shape)).toBeLessThan(4 * Math.sqrt((6 * shape + 2 * shape * shape) / n));
  });
});

/** Two-sample Kolmogorov-Smirnov statistic D = max |F1(x) - F2(x)|. */
function ksStatistic(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

describe('the block engine and one-trial-at-a-time sampling agree in distribution', () => {
  const offspring = (distribution: Distribution, introductions: number, conversion: number) => ({ distribution, introductions, conversion, dispersion: 0.7 });
  const cases: [string, ChainParams][] = [];
  for (const distribution of ['poisson', 'negbin', 'geometric', 'fixed'] as const) {
    cases.push([`tree, ${distribution}, conversion 60%, market 2,000`, { model: 'tree', start: 2, periods: 6, offspring: offspring(distribution, 3, 0.6), churn: 0, market: 2000 }]);
    cases.push([`compound, ${distribution}, churn 20%, market 5,000`, { model: 'compound', start: 3, periods: 8, offspring: offspring(distribution, 1, 0.5), churn: 0.2, market: 5000 }]);
  }
  cases.push(['tree, fixed fractional fanout 2.5, conversion 60%, market 2,000', { model: 'tree', start: 2, periods: 6, offspring: offspring('fixed', 2.5, 0.6), churn: 0, market: 2000 }]);
  cases.push(['compound, fixed fractional rate 0.7, churn 20%', { model: 'compound', start: 3, periods: 8, offspring: offspring('fixed', 0.7, 1), churn: 0.2, market: null }]);
  cases.push(['tree, negbin, 30% nonreferrers, market 2,000', { model: 'tree', start: 2, periods: 6, offspring: offspring('negbin', 4, 1), churn: 0, market: 2000, nonreferrers: 0.3 }]);
  // No market, every fan refers: the engine's tight loop for the Poisson law.
  cases.push(['tree, poisson, conversion 60%, no market', { model: 'tree', start: 2, periods: 6, offspring: offspring('poisson', 3, 0.6), churn: 0, market: null }]);
  cases.push(['compound, poisson, churn 20%, no market', { model: 'compound', start: 3, periods: 8, offspring: offspring('poisson', 1, 0.5), churn: 0.2, market: null }]);
  cases.push(['compound, poisson, 40% nonreferrers, churn 20%', { model: 'compound', start: 3, periods: 8, offspring: offspring('poisson', 1, 0.8), churn: 0.2, market: null, nonreferrers: 0.4 }]);
  it.each(cases)('%s: two-sample Kolmogorov-Smirnov at the 0.1% level, 4,096 runs each (seeds 5 and 6)', (_, p) => {
    const n = 4096;
    const engine: number[] = [];
    for (let block = 0; block < n / 1024; block++) {
      runTrialsBlock(p, 5, block, 1024, (period, totals) => {
        if (period === p.periods) engine.push(...totals);
      });
    }
    const simple = Array.from({ length: n }, (_, i) => sampleChain(p, seededSource(6, i)).totals[p.periods]!);
    // Critical value c(0.001) sqrt((n + m) / (n m)) with c = 1.95; conservative for discrete data.
    expect(ksStatistic(engine, simple)).toBeLessThan(1.95 * Math.sqrt(2 / n));
    // And the means within 4 standard errors of each other.
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean(engine) - mean(simple))).toBeLessThan(4 * Math.sqrt((sd(engine) ** 2 + sd(simple) ** 2) / n) + 1e-9);
  });
});

describe('the tight loop for the Poisson law without a market', () => {
  // A market of Infinity thins nothing and draws nothing, but takes the general loop: the
  // same stream must give the same runs, draw for draw, through either loop.
  const run = (p: ChainParams) => {
    const totals: number[] = [];
    const { sums, extinct } = runTrialsBlock(p, 9, 3, 1024, (_, t) => totals.push(...t));
    return { totals, sums: [...sums], extinct: [...extinct] };
  };
  const base = { start: 2, offspring: { distribution: 'poisson' as const, introductions: 1.2, conversion: 0.9, dispersion: 1 } };
  it.each([
    ['tree, fanout 1.2', { ...base, model: 'tree' as const, periods: 9, churn: 0 }],
    ['compound, rate 1.2, churn 30%', { ...base, model: 'compound' as const, periods: 7, churn: 0.3 }],
    ['compound, rate 1.2, no churn', { ...base, model: 'compound' as const, periods: 7, churn: 0 }],
  ])('%s: the same totals, sums and extinct runs as the general loop', (_, p) => {
    const tight = run({ ...p, market: null });
    // Runs that grew and (but without churn in the compound model, where nobody leaves) runs that died out.
    expect(tight.totals.some((t) => t > 100)).toBe(true);
    expect(tight.extinct.some((d) => d > 0)).toBe(p.model === 'tree' || p.churn > 0);
    expect(tight).toEqual(run({ ...p, market: Infinity }));
  });
});

describe('BlockRandom.normal (polar method, both of each pair given out)', () => {
  it('has mean 0, variance 1, the normal shares below -1.96, -1, 0, 1 and 1.96, and no correlation between neighbours (200,000 draws, seed 3; 4 standard errors)', () => {
    const rng = new BlockRandom(3, 0);
    const n = 200_000;
    const xs = Array.from({ length: n }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(1 / n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    for (const [z, share] of [[-1.96, 0.0249979], [-1, 0.1586553], [0, 0.5], [1, 0.8413447], [1.96, 0.9750021]] as const) {
      const seen = xs.filter((x) => x < z).length / n;
      expect(Math.abs(seen - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / n));
    }
    // The two of a pair (draws 2i and 2i + 1), and neighbours across pairs: independent.
    for (const offset of [0, 1]) {
      let sum = 0;
      let pairs = 0;
      for (let i = offset; i + 1 < n; i += 2, pairs++) sum += xs[i]! * xs[i + 1]!;
      expect(Math.abs(sum / pairs)).toBeLessThan(4 / Math.sqrt(pairs));
    }
  });
});
