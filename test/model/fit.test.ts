import { describe, expect, it } from 'vitest';
import { chainSizeFamily, countFamily, logChainSize } from '../../src/model/fit/families.js';
import { akaikeWeights, estimate, profileDrop } from '../../src/model/fit/estimate.js';
import { fitReferrals, goodnessOfFit } from '../../src/model/fit/fit.js';
import { frequenciesOf } from '../../src/model/fit/frequencies.js';
import { chiSquareTail, logGamma } from '../../src/model/fit/special.js';
import { root } from '../../src/model/fit/optimize.js';
import { Xoshiro128 } from '../../src/model/chains/random.js';

/** A seeded sampler of our own: Poisson by inversion, gamma by Marsaglia-Tsang, for data with known K and k. */
function sampler(seed: number) {
  const rng = new Xoshiro128(seed, 0);
  const u = () => rng.uniform() || 1e-300;
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const gamma = (a: number): number => {
    if (a < 1) return gamma(a + 1) * u() ** (1 / a);
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const poisson = (lambda: number): number => {
    let x = 0;
    let p = Math.exp(-lambda);
    let s = p;
    const v = u();
    while (v > s && x < 1e6) {
      x++;
      p *= lambda / x;
      s += p;
    }
    return x;
  };
  const negbin = (mean: number, k: number) => poisson((gamma(k) * mean) / k);
  return { u, poisson, negbin };
}

/** The 95% profile interval holds the true value. */
const covers = (interval: { profile: [number, number] } | null, truth: number) => {
  expect(interval!.profile[0]).toBeLessThan(truth);
  expect(interval!.profile[1]).toBeGreaterThan(truth);
};

describe('likelihoods against public reference values', () => {
  it('chain sizes under a negative binomial: epichains test-stat_likelihoods.R (sizes 1, 1, 4, 7; mean 0.5, size 0.2)', () => {
    expect([1, 1, 4, 7].map((s) => logChainSize(s, 0.5, 0.2))).toEqual([-0.25055, -0.25055, -3.79542, -4.83785].map((v) => expect.closeTo(v, 5)));
  });

  it('chain sizes: CDCgov/nbbp test_nbbp.R dnbbp(1, 0.5, 0.75) = 0.68173255 (their tolerance 1e-3), dnbbp(1, 3, 3) = 0.125', () => {
    // A chain of size 1 is a seed with no offspring: (1 + R/k)^(-k) = (5/3)^(-0.75) = 0.6817316…
    expect(Math.exp(logChainSize(1, 0.5, 0.75)) / 0.68173255).toBeCloseTo(1, 3);
    expect(Math.exp(logChainSize(1, 0.5, 0.75))).toBeCloseTo((5 / 3) ** -0.75, 15);
    expect(Math.exp(logChainSize(1, 3, 3))).toBeCloseTo(0.125, 14);
  });

  it('chain sizes under a Poisson are Borel: e^(-Rs) (Rs)^(s-1) / s!, summing to 1 for R < 1', () => {
    const R = 0.6;
    expect(Math.exp(logChainSize(3, R, Infinity))).toBeCloseTo((Math.exp(-R * 3) * (R * 3) ** 2) / 6, 15);
    let sum = 0;
    for (let s = 1; s < 2000; s++) sum += Math.exp(logChainSize(s, R, Infinity));
    expect(sum).toBeCloseTo(1, 12);
    // Negative binomial sizes sum to the extinction probability q for R > 1: here q = G(q) with k = 1 (geometric): q = 1/R.
    let total = 0;
    for (let s = 1; s < 20000; s++) total += Math.exp(logChainSize(s, 2, 1));
    expect(total).toBeCloseTo(0.5, 4);
  });

  it("Akaike weights: superspreading's snapshot (AIC 568.1201, 577.3923, 1139.2737)", () => {
    const [a, b, c] = akaikeWeights([568.1201, 577.3923, 1139.2737]);
    expect(a).toBeCloseTo(0.9903974, 6);
    expect(b).toBeCloseTo(0.009602603, 6);
    expect(c! / 9.362155e-125).toBeCloseTo(1, 4);
  });

  it('chi-square tails: Q(1/2, 3.84/2) = 0.05, and the exponential case df = 2: e^(-x/2)', () => {
    expect(chiSquareTail(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareTail(7.3, 2)).toBeCloseTo(Math.exp(-7.3 / 2), 14);
  });
});

describe('censored chain sizes: P(S ≥ N) where 1 - Σ p(s) would cancel', () => {
  it.each([
    [0.5, 0.5, 200],
    [0.3, 2, 60],
    [1.5, 0.5, 300],
  ])('R %d, k %d, size at least %d: the tail summed directly (and the endless chains for R > 1)', (R, k, limit) => {
    const family = chainSizeFamily('negbin', { values: [limit], counts: [1] }, { censoredAt: limit });
    let tail = 0;
    for (let s = limit; s < limit + 300_000; s++) tail += Math.exp(logChainSize(s, R, k));
    let finite = 0;
    for (let s = 1; s < 300_000; s++) finite += Math.exp(logChainSize(s, R, k));
    const brute = Math.log(tail + Math.max(0, 1 - finite));
    expect(family.logLik([Math.log(R), Math.log(k)])).toBeCloseTo(brute, 5);
  });
});

describe('maximum likelihood against closed forms', () => {
  const data = frequenciesOf([0, 0, 0, 1, 1, 2, 3, 0, 5, 1, 0, 2, 0, 0, 4]);
  const n = 15;
  const sum = 19;

  it('Poisson and geometric K are the mean, exactly; so is the negative binomial K', () => {
    for (const model of ['poisson', 'geometric', 'negbin'] as const) expect(estimate(countFamily(model, data)).parameters.K).toBe(sum / n);
  });

  it('the Poisson profile interval solves S ln(λ/λ̂) - N(λ - λ̂) = -1.92; Wald is λ̂ e^(±1.96/√S)', () => {
    const fit = estimate(countFamily('poisson', data));
    const hat = sum / n;
    const drop = (l: number) => sum * Math.log(l / hat) - n * (l - hat) + profileDrop;
    const [lo, hi] = [root(drop, 1e-9, hat), root((l) => -drop(l), hat, 100)];
    expect(fit.intervals.K.profile[0]).toBeCloseTo(lo, 6);
    expect(fit.intervals.K.profile[1]).toBeCloseTo(hi, 6);
    expect(fit.intervals.K.wald[0]).toBeCloseTo(hat * Math.exp(-1.959963984540054 / Math.sqrt(sum)), 5);
    expect(fit.intervals.K.wald[1]).toBeCloseTo(hat * Math.exp(1.959963984540054 / Math.sqrt(sum)), 5);
  });

  it("the negative binomial's k maximises the likelihood written out row by row (a grid check)", () => {
    const rows = [0, 0, 0, 1, 1, 2, 3, 0, 5, 1, 0, 2, 0, 0, 4];
    const m = sum / n;
    const ll = (k: number) => rows.reduce((s, x) => s + logGamma(x + k) - logGamma(k) - logGamma(x + 1) + k * Math.log(k / (k + m)) + x * Math.log(m / (k + m)), 0);
    let best = 0.01;
    for (let k = 0.01; k < 50; k *= 1.001) if (ll(k) > ll(best)) best = k;
    const fit = estimate(countFamily('negbin', data));
    expect(fit.parameters.k / best).toBeCloseTo(1, 2);
    expect(fit.logLik).toBeCloseTo(ll(fit.parameters.k), 9);
  });

  it('Poisson chain sizes without censoring: R = 1 - 1/mean size, exactly', () => {
    const sizes = frequenciesOf([1, 1, 1, 2, 3, 1, 1, 5, 2, 1, 1, 1, 4, 2, 1]);
    const fit = estimate(chainSizeFamily('poisson', sizes));
    expect(fit.parameters.K).toBe(1 - 1 / (27 / 15));
  });

  it('all zeros: K = 0 with the upper bound where N K = 1.92, and a warning', () => {
    const result = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(Array(40).fill(0)), truncated: false });
    expect(result.preferred.parameters.K).toBe(0);
    expect(result.preferred.intervals.K.profile).toEqual([0, profileDrop / 40]);
    expect(result.warnings.map((w) => w.kind)).toContain('allZeros');
  });

  it('Poisson-looking data: k = ∞ is within the interval, the Poisson preferred, and it says so', () => {
    const s = sampler(3);
    const result = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(Array.from({ length: 400 }, () => s.poisson(2))), truncated: false });
    const nb = result.candidates.find((c) => c.model === 'negbin')!;
    expect(nb.intervals.k!.profile[1]).toBe(Infinity);
    expect(['poisson', 'zip']).toContain(result.preferred.model);
    if (nb.edge === 'infinite') expect(result.warnings.map((w) => w.kind)).toContain('kInfinite');
  });
});

describe('round trips: data drawn from known K and k, fitted back', () => {
  it('the 95% profile intervals of a negative binomial cover the true K and k in about 95% of 200 data sets (300 fans each)', () => {
    const s = sampler(20261127);
    const [K, k] = [2, 0.5];
    let coverK = 0;
    let coverk = 0;
    const sets = 200;
    for (let i = 0; i < sets; i++) {
      const data = frequenciesOf(Array.from({ length: 300 }, () => s.negbin(K, k)));
      const fit = estimate(countFamily('negbin', data));
      if (fit.intervals.K.profile[0] <= K && K <= fit.intervals.K.profile[1]) coverK++;
      if (fit.intervals.k!.profile[0] <= k && k <= fit.intervals.k!.profile[1]) coverk++;
    }
    // Binomial(200, 0.95) lies within 0.90..0.99 with probability above 0.999.
    expect(coverK / sets).toBeGreaterThanOrEqual(0.9);
    expect(coverK / sets).toBeLessThanOrEqual(0.99);
    expect(coverk / sets).toBeGreaterThanOrEqual(0.9);
    expect(coverk / sets).toBeLessThanOrEqual(0.99);
  }, 60_000);

  it('zero-truncated counts recover K from fans who referred someone only', () => {
    const s = sampler(7);
    const positives = Array.from({ length: 4000 }, () => s.negbin(1.5, 0.8)).filter((x) => x > 0);
    const fit = estimate(countFamily('negbin', frequenciesOf(positives), true));
    covers(fit.intervals.K, 1.5);
    covers(fit.intervals.k, 0.8);
  });

  it('the zero-inflated Poisson recovers the nonreferrers and K', () => {
    const s = sampler(11);
    const counts = Array.from({ length: 3000 }, () => (s.u() < 0.3 ? 0 : s.poisson(3)));
    const result = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(counts), truncated: false });
    expect(result.preferred.model).toBe('zip');
    const zip = result.preferred;
    covers(zip.intervals.nonreferrers, 0.3);
    expect(zip.parameters.K).toBeCloseTo(0.7 * 3, 0);
  });

  it('chain sizes drawn from a negative binomial branching process (R 0.8, k 0.5), the large ones censored at 30, give R and k back', () => {
    const s = sampler(5);
    const sizes = Array.from({ length: 3000 }, () => {
      let size = 1;
      let active = 1;
      while (active > 0 && size < 30) {
        let next = 0;
        for (let i = 0; i < active; i++) next += s.negbin(0.8, 0.5);
        size += next;
        active = next;
      }
      return Math.min(size, 30);
    });
    const fit = estimate(chainSizeFamily('negbin', frequenciesOf(sizes), { censoredAt: 30 }));
    covers(fit.intervals.K, 0.8);
    covers(fit.intervals.k, 0.5);
  });

  it('a good fit passes the chi-square test; a Poisson fitted to overdispersed data fails it', () => {
    const s = sampler(9);
    const data = frequenciesOf(Array.from({ length: 2000 }, () => s.negbin(2, 0.5)));
    const result = fitReferrals({ kind: 'counts', frequencies: data, truncated: false });
    expect(result.preferred.model).toBe('negbin');
    expect(result.goodness!.pValue).toBeGreaterThan(0.01);
    expect(result.table.reduce((a, b) => a + b.observed, 0)).toBe(2000);
    expect(result.table.reduce((a, b) => a + b.expected, 0)).toBeCloseTo(2000, 6);
    // The Poisson with the same mean, binned the same way: Poisson(m) probabilities written out.
    const m = result.mean;
    const poissonTable = result.table.map((b) => {
      let below = 0;
      let p = Math.exp(-m);
      for (let x = 0; x < b.from; x++) (below += p), (p *= m / (x + 1));
      return { ...b, expected: Number.isFinite(b.to) ? 2000 * p : 2000 * (1 - below) };
    });
    expect(goodnessOfFit(poissonTable, 1)!.pValue).toBeLessThan(1e-6);
  });
});

describe('forecasts that carry the fit: parameters drawn per run', () => {
  it('a log-normal K in the tree model: the mean total by level t is Σ_g E[K^g] = Σ_g exp(g μ + g² σ² / 2)', async () => {
    const { simulateTrials } = await import('../../src/model/chains/montecarlo.js');
    const [mu, sigma] = [Math.log(2), 0.2];
    const chain = {
      model: 'tree' as const,
      start: 1,
      periods: 3,
      offspring: { distribution: 'poisson' as const, introductions: 2, conversion: 1, dispersion: 1 },
      churn: 0,
      market: null,
      draws: { model: 'poisson' as const, theta: [mu], cholesky: [[sigma]] },
    };
    const rows = simulateTrials(chain, 200_000, 42, [0.5]);
    let expected = 0;
    for (let g = 0; g <= 3; g++) {
      expected += Math.exp(g * mu + (g * g * sigma * sigma) / 2);
      // Tolerance: 5 standard errors of a mean of 200,000 runs (sd of the level-3 total is about 12 here).
      expect(rows[g]!.mean).toBeCloseTo(expected, 0);
      expect(Math.abs(rows[g]!.mean - expected) / expected).toBeLessThan(0.01);
    }
    // Fixed at K = 2 the mean is 1 + 2 + 4 + 8 = 15; drawn it is larger, as Jensen says.
    expect(rows[3]!.mean).toBeGreaterThan(15.2);
  });

  it('draws follow the covariance: the sample covariance of drawn θ matches Σ = L Lᵀ', async () => {
    const { drawParameters, cholesky } = await import('../../src/model/fit/draws.js');
    const sigma = [
      [0.04, 0.01],
      [0.01, 0.09],
    ];
    const l = cholesky(sigma)!;
    const rng = new Xoshiro128(5, 0);
    const normal = () => Math.sqrt(-2 * Math.log(rng.uniform() || 1e-300)) * Math.cos(2 * Math.PI * rng.uniform());
    const n = 100_000;
    const xs: number[][] = [];
    for (let i = 0; i < n; i++) {
      const p = drawParameters({ model: 'negbin', theta: [Math.log(2), Math.log(0.5)], cholesky: l }, normal);
      xs.push([Math.log(p.K), Math.log(p.k)]);
    }
    const mean = [0, 1].map((d) => xs.reduce((s, x) => s + x[d]!, 0) / n);
    const cov = (a: number, b: number) => xs.reduce((s, x) => s + (x[a]! - mean[a]!) * (x[b]! - mean[b]!), 0) / (n - 1);
    expect(mean[0]).toBeCloseTo(Math.log(2), 2);
    expect(cov(0, 0)).toBeCloseTo(0.04, 3);
    expect(cov(0, 1)).toBeCloseTo(0.01, 3);
    expect(cov(1, 1)).toBeCloseTo(0.09, 2);
  });
});

// Issue #34, item 5: a count likelihood costs O(1) per value of k past the first (its
// sufficient statistics), and the counts past max(2,048, 64 k) go through Stirling's series,
// so a column of 100,000 customer numbers is fitted in seconds (npm run limits), not minutes.
describe('the count likelihood by sufficient statistics and Stirling series equals the sum over the data', () => {
  /** ln Γ(x+k)/(Γ(k) x!) as Σ_{i<x} ln((k+i)/(1+i)), term by term: exact to rounding, slow on purpose. */
  const logRatio = (k: number, x: number) => {
    let sum = 0;
    for (let i = 0; i < x; i++) sum += Math.log1p((k - 1) / (1 + i));
    return sum;
  };
  const values = [0, 1, 5, 63, 2047, 2048, 2049, 5000, 70_000, 250_000];
  const counts = [40, 7, 3, 2, 1, 2, 1, 1, 3, 1];
  it.each([1e-3, 0.5, 1.78, 31, 33, 200, 4000, 1e6])('negative binomial, k = %d, m = 9,000: within 1e-10 of the direct sum', (k) => {
    const m = 9000;
    const family = countFamily('negbin', { values, counts });
    let brute = 0;
    values.forEach((x, j) => (brute += counts[j]! * (logRatio(k, x) - k * Math.log1p(m / k) + x * (Math.log(m) - Math.log(k + m)))));
    expect(Math.abs(family.logLik([Math.log(m), Math.log(k)]) - brute)).toBeLessThan(1e-10 * Math.abs(brute));
  });

  it.each([
    ['poisson', [Math.log(3)]],
    ['geometric', [Math.log(3)]],
    ['negbin', [Math.log(3), Math.log(0.4)]],
    ['zip', [Math.log(3), -1]],
    ['zinb', [Math.log(3), Math.log(0.4), -1]],
  ] as const)('%s, with and without zero truncation: the same as Σ n_x ln p(x), value by value', (model, theta) => {
    const data = { values: [0, 1, 2, 3, 7, 30], counts: [50, 20, 9, 4, 2, 1] };
    for (const truncated of [false, true]) {
      if (truncated && (model === 'zip' || model === 'zinb')) continue;
      const sample = truncated ? { values: data.values.slice(1), counts: data.counts.slice(1) } : data;
      const family = countFamily(model, sample, truncated);
      let direct = 0;
      sample.values.forEach((x, j) => (direct += sample.counts[j]! * family.logProbability(theta, x)));
      expect(family.logLik(theta)).toBeCloseTo(direct, 10);
    }
  });
});

describe("every candidate's fitted curve (#32 item 5: the picture's lines and the table's expected columns)", () => {
  it('each sums to n over the bins; the Poisson and geometric curves are their closed forms at the fitted K; the preferred one is the table', () => {
    const values = [0, 0, 0, 1, 1, 2, 3, 0, 5, 1, 0, 12, 2, 0, 1, 0, 4, 0, 0, 7];
    const result = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(values), truncated: false });
    const n = values.length;
    expect(result.curves.map((c) => c.model)).toEqual(['poisson', 'geometric', 'negbin', 'zip', 'zinb']);
    for (const curve of result.curves) {
      expect(curve.expected).toHaveLength(result.table.length);
      expect(curve.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(n, 9);
    }
    // Both have K = the sample mean (closed form): Poisson n e^-K K^x / x!, geometric n (1/(1+K)) (K/(1+K))^x.
    const K = values.reduce((a, b) => a + b, 0) / n;
    const poisson = result.curves.find((c) => c.model === 'poisson')!.expected;
    const geometric = result.curves.find((c) => c.model === 'geometric')!.expected;
    let factorial = 1;
    for (let x = 0; x < 10; x++) {
      if (x > 0) factorial *= x;
      expect(poisson[x]).toBeCloseTo((n * Math.exp(-K) * K ** x) / factorial, 9);
      expect(geometric[x]).toBeCloseTo((n / (1 + K)) * (K / (1 + K)) ** x, 9);
    }
    expect(result.curves.find((c) => c.model === result.preferred.model)!.expected).toEqual(result.table.map((b) => b.expected));
  });

  it('none when nobody referred anyone (there is no fitted distribution to draw)', () => {
    expect(fitReferrals({ kind: 'counts', frequencies: frequenciesOf([0, 0, 0]), truncated: false }).curves).toEqual([]);
  });
});
