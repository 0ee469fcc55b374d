import { describe, expect, it } from 'vitest';
import { type ChainParams, type Offspring, QuantileSketch, chainFactor, treeFactor, compoundGrowth, offspringMean, offspringVariance, sampleChain, seededSource, simulateTrials, theoreticalExtinction, treeGrowth } from '../../src/index.js';
import { binsPerPeriod, pendingPerPeriod, TrialSummary, blockCount, runBlock, PeriodSketches } from '../../src/model/chains/montecarlo.js';
import { binOf, finestBinsOf, finestBits } from '../../src/model/chains/sketch.js';

const offspring = (distribution: Offspring['distribution'], introductions: number, dispersion = 1, conversion = 1): Offspring => ({
  distribution,
  introductions,
  conversion,
  dispersion,
});
const tree = (o: Offspring, periods: number, start = 1): ChainParams => ({ model: 'tree', start, periods, offspring: o, churn: 0, market: null });

describe('chainFactor', () => {
  // K = introductions x conversion x (1 - nonreferrers): the tree model's own factor for the same flags.
  it.each([
    ['poisson', 2, 0.5, 0.2, 0.8],
    ['negbin', 3, 1, 0, 3],
    ['fixed', 2.5, 0.4, 0.5, 0.5],
    ['geometric', 1.2, 1, undefined, 1.2],
  ] as const)('%s, %f introductions at conversion %f, nonreferrers %s: K = %f', (distribution, introductions, conversion, nonreferrers, K) => {
    const o = offspring(distribution, introductions, 0.5, conversion);
    expect(chainFactor({ offspring: o, ...(nonreferrers === undefined ? {} : { nonreferrers }) })).toBeCloseTo(K, 14);
    expect(chainFactor({ offspring: o, nonreferrers })).toBeCloseTo(treeFactor({ fanout: introductions, conversion, nonreferrers: nonreferrers ?? 0 }), 14);
  });
});

describe('sampleChain: Galton-Watson moments per generation', () => {
  // The newest level Z_n of a tree started by one fan: E = m^n, Var = v m^(n-1) (m^n - 1)/(m - 1).
  it.each([
    ['Poisson m = 1.5', offspring('poisson', 1.5)],
    ['negative binomial m = 1.2, k = 0.5', offspring('negbin', 1.2, 0.5)],
    ['geometric m = 1.3', offspring('geometric', 1.3)],
    ['fixed 3 at 50% conversion (binomial)', offspring('fixed', 3, 1, 0.5)],
    ['Poisson m = 0.8 (subcritical)', offspring('poisson', 0.8)],
  ])('%s: mean and variance within 4 standard errors over 20,000 runs (seed 2024)', (_, o) => {
    const m = offspringMean(o);
    const v = offspringVariance(o);
    const n = 6;
    const runs = 20_000;
    const z: number[] = [];
    for (let i = 0; i < runs; i++) z.push(sampleChain(tree(o, n), seededSource(2024, i)).active[n]!);
    const mean = z.reduce((a, b) => a + b, 0) / runs;
    const centred = z.map((x) => x - mean);
    const variance = centred.reduce((a, d) => a + d * d, 0) / (runs - 1);
    const fourth = centred.reduce((a, d) => a + d ** 4, 0) / runs;
    const expectedMean = m ** n;
    const expectedVariance = (v * m ** (n - 1) * (m ** n - 1)) / (m - 1);
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / runs));
    // Standard error of a sample variance: sqrt((mu4 - sigma^4) / n), estimated from the sample.
    expect(Math.abs(variance - expectedVariance)).toBeLessThan(4 * Math.sqrt((fourth - variance ** 2) / runs));
  });

  it('Var = n v when m = 1 (critical Poisson)', () => {
    const n = 5;
    const runs = 20_000;
    const z = Array.from({ length: runs }, (_, i) => sampleChain(tree(offspring('poisson', 1), n), seededSource(99, i)).active[n]!);
    const mean = z.reduce((a, b) => a + b, 0) / runs;
    const variance = z.reduce((a, x) => a + (x - mean) ** 2, 0) / (runs - 1);
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(n / runs));
    expect(Math.abs(variance - n)).toBeLessThan(0.15 * n); // 15%: a heavy-tailed sample variance
  });
});

describe('simulated extinction against q = G(q)', () => {
  it.each([
    ['Poisson R = 2', tree(offspring('poisson', 2), 40)],
    ['negative binomial R = 2, k = 0.3', tree(offspring('negbin', 2, 0.3), 60)],
    ['geometric R = 1.5', tree(offspring('geometric', 1.5), 60)],
    ['Poisson R = 3 at 50% conversion, 2 starting fans', tree(offspring('poisson', 3, 1, 0.5), 60, 2)],
    ['compound, Poisson 0.5 a year, churn 20%', { model: 'compound', start: 1, periods: 60, offspring: offspring('poisson', 0.5), churn: 0.2, market: null } as ChainParams],
  ])('%s: within 4 standard errors over 20,000 runs (seed 7)', (_, chain) => {
    const runs = 20_000;
    const rows = simulateTrials(chain, runs, 7, [0.5]);
    const estimate = rows.at(-1)!.extinct;
    const theory = theoreticalExtinction(chain)!;
    const se = Math.sqrt((theory * (1 - theory)) / runs);
    expect(Math.abs(estimate - theory)).toBeLessThan(4 * se);
  });

  it('with R < 1 nearly every chain is gone after enough steps', () => {
    const rows = simulateTrials(tree(offspring('poisson', 0.5), 40), 5000, 1, [0.5]);
    expect(rows.at(-1)!.extinct).toBe(1);
  });
});

describe('fixed referrals with full conversion equal the deterministic model, run by run', () => {
  it.each([
    [10, 3],
    [3, 12],
    [0, 4],
  ])('tree fanout %i, depth %i', (f, d) => {
    const expected = treeGrowth({ start: 2, fanout: f, depth: d, conversion: 1, market: null }).map((r) => Number(r.total));
    for (let i = 0; i < 20; i++) {
      expect([...sampleChain({ ...tree(offspring('fixed', f), d, 2) }, seededSource(5, i)).totals]).toEqual(expected);
    }
  });

  it('compound rate 2 for 20 years: 3^t', () => {
    const chain: ChainParams = { model: 'compound', start: 1, periods: 20, offspring: offspring('fixed', 2), churn: 0, market: null };
    const expected = compoundGrowth({ start: 1, rate: 2, years: 20, conversion: 1, churn: 0, market: null }).map((r) => Number(r.total));
    expect([...sampleChain(chain, seededSource(1)).totals]).toEqual(expected);
    const rows = simulateTrials(chain, 100, 1, [0.05, 0.5, 0.95]);
    expect(rows.map((r) => r.mean)).toEqual(expected);
    rows.forEach((row, t) => {
      const x = expected[t]!;
      if (x < 8192) expect(row.quantiles[1]).toBe(x);
      else expect(Math.abs(row.quantiles[1]! - x) / x).toBeLessThan(4e-4);
    });
  });
});

describe('markets and churn in sampled runs', () => {
  it('never pass the market, and stay whole and non-negative', () => {
    const chain: ChainParams = { model: 'compound', start: 5, periods: 30, offspring: offspring('negbin', 2, 0.2), churn: 0.1, market: 500 };
    for (let i = 0; i < 500; i++) {
      const path = sampleChain(chain, seededSource(3, i));
      for (const x of path.totals) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(500);
        expect(Number.isInteger(x)).toBe(true);
      }
    }
  });

  it('sampled counts past 2^53 stay finite (fanout 3, 45 levels)', () => {
    const path = sampleChain(tree(offspring('poisson', 3), 45, 100), seededSource(8));
    expect(path.totals[45]).toBeGreaterThan(1e21);
    expect(Number.isFinite(path.totals[45])).toBe(true);
  });
});

describe('reproducibility', () => {
  const chain = tree(offspring('negbin', 2, 0.5), 8);

  it('gives the same rows for the same seed, and different rows for another', () => {
    expect(simulateTrials(chain, 3000, 11, [0.05, 0.5, 0.95])).toEqual(simulateTrials(chain, 3000, 11, [0.05, 0.5, 0.95]));
    expect(simulateTrials(chain, 3000, 12, [0.5])).not.toEqual(simulateTrials(chain, 3000, 11, [0.5]));
  });

  it('does not depend on the order blocks arrive in, nor on which thread sketched them', () => {
    const trials = 5000;
    const inOrder = new TrialSummary(chain.periods);
    for (let b = 0; b < blockCount(trials); b++) inOrder.add(runBlock(chain, 11, b, trials, inOrder.sketches));
    // As two worker threads would: each sketches its own blocks, the main thread merges the sketches.
    const shuffled = new TrialSummary(chain.periods);
    const workers = [new PeriodSketches(chain.periods), new PeriodSketches(chain.periods)];
    [3, 0, 4, 2, 1].forEach((b, i) => shuffled.add(runBlock(chain, 11, b, trials, workers[i % 2]!)));
    workers.reverse().forEach((w) => shuffled.mergeSketches(w.entries()));
    expect(shuffled.rows([0.05, 0.5, 0.95])).toEqual(inOrder.rows([0.05, 0.5, 0.95]));
    expect(inOrder.rows([0.5])).toEqual(simulateTrials(chain, trials, 11, [0.5]));
  });
});

describe('QuantileSketch', () => {
  const exactQuantile = (sorted: number[], p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;

  it('gives exact type-1 quantiles for whole numbers below 16,384 (and 0)', () => {
    const values = Array.from({ length: 1001 }, (_, i) => (i * 7919) % 16384);
    const sketch = new QuantileSketch();
    values.forEach((v) => sketch.add(v));
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0.001, 0.01, 0.05, 0.25, 0.5, 0.9, 0.95, 1]) expect(sketch.quantile(p)).toBe(exactQuantile(sorted, p));
  });

  it('is within 2^-14 (0.0061%) of the true quantile above 16,384', () => {
    const source = seededSource(1);
    const values = Array.from({ length: 20_000 }, () => Math.floor(1e4 * Math.exp(20 * source())));
    const sketch = new QuantileSketch();
    values.forEach((v) => sketch.add(v));
    const sorted = [...values].sort((a, b) => a - b);
    expect(sketch.bits).toBe(13);
    for (const p of [0.05, 0.5, 0.95]) {
      const exact = exactQuantile(sorted, p);
      expect(Math.abs(sketch.quantile(p) - exact) / exact).toBeLessThanOrEqual(2 ** -14);
    }
  });

  it('keeps its bins bounded whatever the spread, coarsening evenly, every quantile within its stated error', () => {
    // 100,000 totals spread over 1 to 1e300 (and some zeros): a bin per distinct value would be 100,000 bins.
    const source = seededSource(2);
    const values = Array.from({ length: 100_000 }, () => (source() < 0.05 ? 0 : Math.floor(Math.exp(690 * source()))));
    const sketch = new QuantileSketch(4096);
    values.forEach((v) => sketch.add(v));
    const { counts } = sketch.entries();
    expect(counts.length).toBeLessThanOrEqual(4096);
    expect(sketch.bits).toBeLessThan(13);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0.01, 0.05, 0.1, 0.5, 0.9, 0.95, 0.99]) {
      const exact = exactQuantile(sorted, p);
      const got = sketch.quantile(p);
      if (exact === 0) expect(got).toBe(0);
      else expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(sketch.relativeError * (1 + 1e-12));
    }
  });

  it('ends with the same bits and quantiles whatever the order of the values', () => {
    const source = seededSource(3);
    const values = Array.from({ length: 5000 }, () => Math.floor(Math.exp(600 * source())));
    const forward = new QuantileSketch(2048);
    const backward = new QuantileSketch(2048);
    values.forEach((v) => forward.add(v));
    [...values].reverse().forEach((v) => backward.add(v));
    expect(forward.bits).toBe(backward.bits);
    expect(forward.quantiles([0.05, 0.5, 0.95])).toEqual(backward.quantiles([0.05, 0.5, 0.95]));
  });

  it('merged from parts equals one sketch of every value, bit for bit, even when the parts coarsened differently', () => {
    const source = seededSource(4);
    // Part a spans 1..1e6 (no coarsening at 2,048 bins? it must: 20 doublings x 8,192), part b spans 1e200..1e280.
    const a = Array.from({ length: 3000 }, () => Math.floor(Math.exp(14 * source())) + 1);
    const b = Array.from({ length: 3000 }, () => Math.floor(Math.exp(460 + 185 * source())));
    const whole = new QuantileSketch(2048);
    [...a, ...b].forEach((v) => whole.add(v));
    const parts = [new QuantileSketch(2048), new QuantileSketch(2048)];
    a.forEach((v) => parts[0]!.add(v));
    b.forEach((v) => parts[1]!.add(v));
    expect(parts[0]!.bits).not.toBe(parts[1]!.bits);
    for (const order of [[0, 1], [1, 0]]) {
      const merged = new QuantileSketch(2048);
      for (const i of order) merged.merge(parts[i]!.entries());
      expect(merged.bits).toBe(whole.bits);
      expect(merged.entries()).toEqual(whole.entries());
      expect(merged.count).toBe(6000);
    }
  });

  it('merges sketches at the same bits straight into a ring that wraps, as one sketch of every value', () => {
    // Totals near a million: bins about 2^14 x 20, so a span of a few thousand bins starts
    // anywhere in the ring and runs past its end; each part's entries() reads the ring in two runs.
    const source = seededSource(5);
    const parts = [1e6, 1.1e6, 1.25e6].map((from) => Array.from({ length: 4000 }, () => Math.floor(from + 2e5 * source())));
    const whole = new QuantileSketch();
    parts.flat().forEach((v) => whole.add(v));
    const sketches = parts.map((values) => {
      const sketch = new QuantileSketch();
      values.forEach((v) => sketch.add(v));
      return sketch;
    });
    expect(sketches.every((s) => s.bits === whole.bits)).toBe(true);
    // The dense entries equal a bin-by-bin count of the values.
    const { low, counts } = sketches[0]!.entries();
    const byBin = new Map<number, number>();
    for (const v of parts[0]!) {
      const bin = Math.floor(Math.log2(v)) * 2 ** finestBits + Math.floor((v / 2 ** Math.floor(Math.log2(v)) - 1) * 2 ** finestBits);
      byBin.set(bin, (byBin.get(bin) ?? 0) + 1);
    }
    expect(low).toBe(Math.min(...byBin.keys()));
    // The span runs past the end of the first ring (4,096 slots): bin b sits in slot b & 4095.
    expect(counts.length).toBeLessThan(4096);
    expect((low & 4095) + counts.length).toBeGreaterThan(4096);
    expect([...counts.entries()].filter(([, n]) => n > 0)).toEqual([...byBin.entries()].map(([bin, n]) => [bin - low, n]).sort((x, y) => x[0]! - y[0]!));
    const merged = sketches[0]!;
    merged.merge(sketches[2]!.entries());
    merged.merge(sketches[1]!.entries());
    expect(merged.entries()).toEqual(whole.entries());
    expect(merged.count).toBe(12_000);
    expect(merged.quantiles([0.05, 0.5, 0.95])).toEqual(whole.quantiles([0.05, 0.5, 0.95]));
  });

  it('merges to the same answer in any order', () => {
    const a = new QuantileSketch();
    const b = new QuantileSketch();
    [1, 5, 9e6, 3, 0].forEach((v) => a.add(v));
    [2, 2, 8e9].forEach((v) => b.add(v));
    const ab = new QuantileSketch();
    ab.merge(a.entries());
    ab.merge(b.entries());
    const ba = new QuantileSketch();
    ba.merge(b.entries());
    ba.merge(a.entries());
    expect(ab.quantiles([0.1, 0.5, 0.9])).toEqual(ba.quantiles([0.1, 0.5, 0.9]));
    const [low, middle, top] = ab.quantiles([0.1, 0.5, 0.9]); // of 0, 1, 2, 2, 3, 5, 9e6, 8e9
    expect([low, middle]).toEqual([0, 2]);
    expect(Math.abs(top! / 8e9 - 1)).toBeLessThanOrEqual(2 ** -14);
    expect(ab.count).toBe(8);
  });
});

describe('PeriodSketches: totals held back and sketched in batches', () => {
  const sketchOf = (values: Float64Array) => {
    const s = new QuantileSketch(2 ** 20);
    s.addMany(values, 0, values.length);
    return s.entries();
  };

  it('holds back an even share of 2^23 totals in whole blocks, at most 64, none when that is under two blocks', () => {
    expect(pendingPerPeriod(10)).toBe(64 * 1024); // 2^23 / 11 is 744 blocks: 64 are plenty
    expect(pendingPerPeriod(126)).toBe(64 * 1024); // 2^23 / 127 / 1,024 = 64.5
    expect(pendingPerPeriod(730)).toBe(11 * 1024); // a calendar run of two years by day: 2^23 / 731 = 11,475 totals
    expect(pendingPerPeriod(4095)).toBe(2048);
    expect(pendingPerPeriod(4096)).toBe(0);
  });

  it('gives the same sketch as adding each block straight in, across many flushes and partial blocks', () => {
    const source = seededSource(21);
    const periods = 10;
    const held = new PeriodSketches(periods);
    const share = pendingPerPeriod(periods);
    const all: number[][] = Array.from({ length: periods + 1 }, () => []);
    const block = new Float64Array(1024);
    // Past three shares, so the pending totals grow, fill, flush and fill again; the last block is partial.
    const blocks = Math.ceil((3 * share) / 1024) + 1;
    for (let b = 0; b < blocks; b++) {
      const count = b === blocks - 1 ? 517 : 1024;
      for (let t = 0; t <= periods; t++) {
        for (let i = 0; i < count; i++) block[i] = Math.floor(Math.exp(30 * source()) - 1 + t);
        held.add(t, block, count);
        for (let i = 0; i < count; i++) all[t]!.push(block[i]!);
      }
    }
    for (let t = 0; t <= periods; t++) {
      expect(held.at(t).count).toBe(all[t]!.length);
      expect(held.entries()[t]).toEqual(sketchOf(Float64Array.from(all[t]!)));
    }
  });

  it('lets at() and entries() see totals not yet sketched', () => {
    const held = new PeriodSketches(3);
    held.add(2, Float64Array.from([5, 0, 7, 9]), 3);
    expect(held.at(2).count).toBe(3);
    expect(held.at(2).quantiles([0.3, 1])).toEqual([0, 7]);
    held.add(1, Float64Array.from([4]), 1);
    expect(held.entries()[1]!.zeros + held.entries()[1]!.counts.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('QuantileSketch.addBins', () => {
  it('gives the sketch add() gives of the values one by one, zeros and coarsening included', () => {
    const source = seededSource(31);
    // Totals over 300 doublings in a sketch of 2,048 bins: it coarsens many times on the way.
    const values = Float64Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? [0, -0, 0.5, -2][i % 4]! : Math.floor(Math.exp(208 * source()))));
    const bins = new Int32Array(values.length);
    finestBinsOf(values, values.length, bins, 0);
    // Each bin is binOf at the finest bits, -1 for a zero.
    values.forEach((v, i) => expect(bins[i]).toBe(v < 1 ? -1 : binOf(v, finestBits)));
    // add() bins each value at the sketch's bits as they are (binOf), not at the finest.
    const one = new QuantileSketch(2048);
    values.forEach((v) => one.add(v));
    const byBins = new QuantileSketch(2048);
    for (let from = 0; from < values.length; from += 3000) byBins.addBins(bins, from, Math.min(values.length, from + 3000));
    expect(byBins.bits).toBeLessThan(finestBits - 2);
    expect(byBins.entries()).toEqual(one.entries());
    expect(byBins.count).toBe(values.length);
  });

  it('writes bins where it is told, from a view into a larger buffer', () => {
    const buffer = new Float64Array([9e9, 1, 2, 3e6, 0.25]);
    const out = new Int32Array(6).fill(7);
    finestBinsOf(buffer.subarray(1, 5), 4, out, 2);
    expect([...out]).toEqual([7, 7, binOf(1, finestBits), binOf(2, finestBits), binOf(3e6, finestBits), -1]);
  });
});

describe('QuantileSketch.addMany', () => {
  it('counts what add() counts as zero (below 1, -0, negatives) as zeros, and the rest in the same bins', () => {
    const values = [0, -0, 0.5, 0.999999, -3, 1, 2, 16383, 16384, 1e9, 2 ** 60, Number.MAX_VALUE];
    const many = new QuantileSketch();
    many.addMany(Float64Array.from(values), 0, values.length);
    const one = new QuantileSketch();
    values.forEach((v) => one.add(v));
    expect(many.entries()).toEqual(one.entries());
    expect(many.entries().zeros).toBe(5);
  });

  it('reads only values[from .. to - 1], also from an array that is a view into a larger buffer', () => {
    const buffer = new Float64Array([99, 1, 2, 3, 99]);
    const view = buffer.subarray(1, 5);
    const s = new QuantileSketch();
    s.addMany(view, 1, 3);
    expect(s.count).toBe(2);
    expect(s.quantiles([0.5, 1])).toEqual([2, 3]);
  });

  it('adds thousands at once, from any offset, a block of bins at a time, as add() one by one', () => {
    const source = seededSource(41);
    const values = Float64Array.from({ length: 5000 }, () => (source() < 0.1 ? 0 : Math.floor(Math.exp(40 * source()))));
    const many = new QuantileSketch(4096);
    many.addMany(values, 0, 77);
    many.addMany(values, 77, 5000);
    const one = new QuantileSketch(4096);
    values.forEach((v) => one.add(v));
    expect(many.entries()).toEqual(one.entries());
    expect(many.count).toBe(5000);
  });
});

describe('TrialSummary memory', () => {
  it('gives each period a power-of-two share of 2^24 bins, at least 2,048', () => {
    expect(binsPerPeriod(10)).toBe(2 ** 20);
    expect(binsPerPeriod(4999)).toBe(2048); // 2^24 / 5,000 = 3,355, down to a power of two
    expect(binsPerPeriod(999)).toBe(16384);
    expect(binsPerPeriod(10_000)).toBe(2048);
  });
});

describe('seededSource', () => {
  it('gives uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const u = seededSource(123);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = u();
      if (x < 0 || x >= 1) outside++;
      sum += x;
      squares += x * x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it('repeats for a seed and stream, and differs between streams', () => {
    const draw = (seed: number, stream: number) => Array.from({ length: 5 }, seededSource(seed, stream));
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(2 ** 40, 3)).not.toEqual(draw(0, 3));
  });
});
