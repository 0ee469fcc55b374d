import { describe, expect, it } from 'vitest';
import { datedLogLik, delayLaw, fitDated } from '../../src/model/fit/dated.js';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import { simulateProgramme } from './programme.js';

describe('delay laws seen as whole days between two dates', () => {
  it.each(['gamma', 'lognormal', 'negbin'] as const)('%s: the chances of each day sum to 1, and P(D ≤ τ) is their running sum', (family) => {
    const law = delayLaw(family, family === 'lognormal' ? Math.log(25) : Math.log(30), Math.log(family === 'lognormal' ? 0.6 : 2), 2000);
    let sum = 0;
    for (let d = 0; d <= 2000; d++) {
      sum += Math.exp(law.logP(d));
      if (d % 50 === 0) expect(Math.exp(law.logF(d))).toBeCloseTo(sum, 10);
    }
    expect(sum).toBeCloseTo(1, 9);
  });

  it('a gamma delay seen between dates: the mean of the whole days is the delay\'s mean (the first event uniform within its day)', () => {
    // E[⌊u + D⌋] = E[D] − E[u] + E[frac part ...]: for the double-censored count, E[d] = E[D] exactly (u uniform on [0, 1)).
    const law = delayLaw('gamma', Math.log(12.3), Math.log(1.7), 3000);
    let mean = 0;
    for (let d = 0; d <= 3000; d++) mean += d * Math.exp(law.logP(d));
    expect(mean).toBeCloseTo(12.3, 6);
  });

  it('against a direct numerical integral: P(d) = ∫₀¹ [F(d + 1 − u) − F(d − u)] du for a gamma of shape 2 (F in closed form)', () => {
    // Shape 2, scale θ: F(x) = 1 − e^(−x/θ)(1 + x/θ).
    const theta = 7;
    const F = (x: number) => (x <= 0 ? 0 : 1 - Math.exp(-x / theta) * (1 + x / theta));
    const law = delayLaw('gamma', Math.log(2 * theta), Math.log(2), 200);
    for (const d of [0, 1, 3, 10, 40, 120]) {
      let integral = 0;
      const steps = 20_000;
      for (let i = 0; i < steps; i++) {
        const u = (i + 0.5) / steps;
        integral += (F(d + 1 - u) - F(d - u)) / steps;
      }
      expect(Math.exp(law.logP(d)) / integral).toBeCloseTo(1, 6);
    }
  });
});

describe('the dated fit: K, k and the delay jointly, the recent fans\' missing referrals allowed for', () => {
  const truth = { K: 0.8, k: 0.5, delayMean: 40, delayShape: 2, days: 365, seedsPerDay: 3 };

  it('recovers K, k and the delay of a simulated growing programme, where the naive K is far too low', () => {
    const data = simulateProgramme(1, truth);
    const result = fitDated(data);
    const gamma = result.fits.find((f) => f.family === 'gamma')!;
    expect(gamma.K.low).toBeLessThan(truth.K);
    expect(gamma.K.high).toBeGreaterThan(truth.K);
    expect(gamma.delayMean.low).toBeLessThan(truth.delayMean);
    expect(gamma.delayMean.high).toBeGreaterThan(truth.delayMean);
    expect(gamma.k.low).toBeLessThan(truth.k);
    expect(gamma.k.high).toBeGreaterThan(truth.k);
    // Fans who joined in the last months have had no time: the plain mean count is biased low.
    expect(result.naiveK).toBeLessThan(gamma.K.low);
  });

  it('the optimum is the maximum: no step of ±1% on any parameter raises the log-likelihood (an independent check by direct search)', () => {
    const data = simulateProgramme(2, truth);
    for (const fit of fitDated(data).fits) {
      const at = datedLogLik(data, fit.family, fit.theta);
      expect(at).toBeCloseTo(fit.logLik, 6);
      for (let i = 0; i < 4; i++) {
        for (const step of [-0.01, 0.01]) {
          const moved = fit.theta.map((t, j) => (j === i ? t + step : t));
          expect(datedLogLik(data, fit.family, moved)).toBeLessThan(at + 1e-6);
        }
      }
    }
  });

  it('the likelihood against an independent one: fan by fan and referral by referral, each day\'s chance by numerical integration of the gamma CDF, at the fit and around it', () => {
    const data = simulateProgramme(3, { ...truth, days: 120, seedsPerDay: 2 });
    // Written out here: no grouping, no G/H closed form. P(d) = ∫₀¹ [F(d + 1 − u) − F(d − u)] du, P(D ≤ τ) = Σ_{d ≤ τ} P(d).
    const independent = (theta: readonly number[]) => {
      const [K, k, mean, shape] = theta.map(Math.exp) as [number, number, number, number];
      const F = (x: number) => (x <= 0 ? 0 : gammainc(x / (mean / shape), shape));
      const steps = 400;
      const chance = (d: number) => {
        let sum = 0;
        for (let i = 0; i < steps; i++) {
          const u = (i + 0.5) / steps;
          sum += F(d + 1 - u) - F(d - u);
        }
        return sum / steps;
      };
      const longest = Math.max(...data.fans.map((g) => g.exposure));
      const p = Array.from({ length: longest + 1 }, (_, d) => chance(d));
      const within = p.map(((sum) => (v: number) => (sum += v))(0));
      let total = 0;
      for (const g of data.fans) {
        for (let f = 0; f < g.fans; f++) {
          const m = K * within[g.exposure]!;
          total += gammaln(g.count + k) - gammaln(k) - gammaln(g.count + 1) + k * Math.log(k / (k + m)) + g.count * Math.log(m / (k + m));
          total -= g.count * Math.log(within[g.exposure]!);
        }
      }
      data.delays.values.forEach((d, j) => {
        for (let r = 0; r < data.delays.counts[j]!; r++) total += Math.log(p[d]!);
      });
      return total;
    };
    const fit = fitDated(data, ['gamma']).preferred;
    for (const shift of [[0, 0, 0, 0], [0.1, 0, 0, 0], [0, -0.2, 0, 0], [0, 0, 0.15, -0.1], [-0.05, 0.1, -0.1, 0.2]]) {
      const theta = fit.theta.map((t, i) => t + shift[i]!);
      expect(datedLogLik(data, 'gamma', theta) / independent(theta)).toBeCloseTo(1, 6);
    }
  });

  it('calibration: over 200 simulated exports the 95% intervals of K, k and the mean delay cover the truth in 90% to 98% of them; the naive K almost never does', () => {
    const cover = { K: 0, k: 0, delayMean: 0, naive: 0 };
    const runs = 200;
    const started = performance.now();
    for (let seed = 100; seed < 100 + runs; seed++) {
      const data = simulateProgramme(seed, { ...truth, seedsPerDay: 2 });
      const result = fitDated(data, ['gamma']);
      const fit = result.preferred;
      if (fit.K.low <= truth.K && truth.K <= fit.K.high) cover.K++;
      if (fit.k.low <= truth.k && truth.k <= fit.k.high) cover.k++;
      if (fit.delayMean.low <= truth.delayMean && truth.delayMean <= fit.delayMean.high) cover.delayMean++;
      // The naive K with the same relative width of interval.
      const naive = result.naiveK;
      if (naive * (fit.K.low / fit.K.value) <= truth.K && truth.K <= naive * (fit.K.high / fit.K.value)) cover.naive++;
    }
    console.log(cover, `${((performance.now() - started) / runs).toFixed(0)} ms a data set`);
    for (const name of ['K', 'k', 'delayMean'] as const) {
      expect(cover[name] / runs, name).toBeGreaterThanOrEqual(0.9);
      expect(cover[name] / runs, name).toBeLessThanOrEqual(0.98);
    }
    expect(cover.naive / runs).toBeLessThan(0.2);
  }, 300_000);
});
