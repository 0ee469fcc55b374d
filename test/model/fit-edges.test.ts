import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import { fitReferrals } from '../../src/model/fit/fit.js';
import { frequenciesOf } from '../../src/model/fit/frequencies.js';

/**
 * Profile intervals at the edges of the parameter space (#31 item 6). An independent check
 * (scipy, multi-start profile likelihoods over 98 simulated data sets) found three
 * situations where the bounds were wrong; each is checked here against the reference
 * values and against a profile computed in this file by brute force: the log-likelihood
 * written out, the other parameter maximised over a fine grid and then by golden section.
 */

/** The negative binomial's log p(x), mean m, dispersion k (Poisson for k = ∞). */
const logNB = (x: number, m: number, k: number) =>
  k === Infinity ? x * Math.log(m) - m - gammaln(x + 1) : gammaln(x + k) - gammaln(k) - gammaln(x + 1) + k * Math.log(k / (k + m)) + x * Math.log(m / (k + m));

/** The largest f over [lo, hi]: a grid of `n` points, then golden section around the best. */
function gridMax(f: (x: number) => number, lo: number, hi: number, n = 4000): number {
  let best = lo;
  let top = -Infinity;
  for (let i = 0; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n;
    const y = f(x);
    if (y > top) [best, top] = [x, y];
  }
  let [a, b] = [best - (hi - lo) / n, best + (hi - lo) / n];
  for (let i = 0; i < 100; i++) {
    const c = b - (b - a) * 0.618;
    const d = a + (b - a) * 0.618;
    if (f(c) > f(d)) b = d;
    else a = c;
  }
  return Math.max(top, f((a + b) / 2));
}

const counts = (pairs: [value: number, times: number][]) => pairs.flatMap(([v, n]) => Array<number>(n).fill(v));

describe('profile intervals at the edges', () => {
  it('negative binomial with k̂ below 0.04: K\'s interval is the profile\'s (the reference: 0.320 to 11.09), not collapsed onto K̂', () => {
    // 100 fans: 93 with none, one each with 1, 1, 3, 8, 15, 30 and 60 referrals.
    const data = counts([[0, 93], [1, 2], [3, 1], [8, 1], [15, 1], [30, 1], [60, 1]]);
    const nb = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(data), truncated: false }).candidates.find((c) => c.model === 'negbin')!;
    expect(nb.parameters.K).toBeCloseTo(1.18, 12);
    expect(nb.parameters.k).toBeLessThan(0.04);
    const [low, high] = nb.intervals.K.profile;
    expect(low).toBeCloseTo(0.320, 3);
    expect(high / 11.09).toBeCloseTo(1, 3);
    // Brute force: at each bound the profile over log k is 1.92 below the top, inside it above.
    const logLik = (K: number, logk: number) => data.reduce((s, x) => s + logNB(x, K, Math.exp(logk)), 0);
    const profile = (K: number) => gridMax((logk) => logLik(K, logk), Math.log(1e-4), Math.log(1e4));
    const top = profile(nb.parameters.K);
    expect(top).toBeCloseTo(nb.logLik, 6);
    for (const bound of [low, high]) expect(profile(bound) - (top - 1.9207294103470103)).toBeCloseTo(0, 3);
    expect(profile(low * 1.05)).toBeGreaterThan(top - 1.92);
    expect(profile(high / 1.05)).toBeGreaterThan(top - 1.92);
  });

  it('zero-inflated fits with π̂ at 0: the share of nonreferrers reaches the profile\'s 0.2458 (was [0, 1]); ZINB\'s k is bounded below (was [0, ∞))', () => {
    // 60 fans: 30 with 0, 25 with 1, 3 with 2, 2 with 3 (fewer zeros than a Poisson has).
    const data = counts([[0, 30], [1, 25], [2, 3], [3, 2]]);
    const fit = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(data), truncated: false });
    const zip = fit.candidates.find((c) => c.model === 'zip')!;
    const zinb = fit.candidates.find((c) => c.model === 'zinb')!;
    expect(zip.intervals.nonreferrers!.profile[0]).toBe(0);
    expect(zip.intervals.nonreferrers!.profile[1]).toBeCloseTo(0.2458, 4);
    // Brute force: ZIP's profile at π, over the referrers' mean m (the mean over all fans is K = (1 - π) m).
    const zipLogLik = (pi: number, m: number) => data.reduce((s, x) => s + (x === 0 ? Math.log(pi + (1 - pi) * Math.exp(-m)) : Math.log1p(-pi) + logNB(x, m, Infinity)), 0);
    const profile = (pi: number) => gridMax((logm) => zipLogLik(pi, Math.exp(logm)), Math.log(0.01), Math.log(20));
    const top = profile(1e-12);
    expect(top).toBeCloseTo(zip.logLik, 6);
    expect(profile(zip.intervals.nonreferrers!.profile[1]) - (top - 1.9207294103470103)).toBeCloseTo(0, 3);
    // ZINB: the same share (k is ∞ at its best there), and k bounded below as the negative binomial's is.
    expect(zinb.intervals.nonreferrers!.profile[1]).toBeCloseTo(0.2458, 4);
    const nb = fit.candidates.find((c) => c.model === 'negbin')!;
    expect(zinb.intervals.k!.profile[0]).toBeGreaterThan(1);
    expect(zinb.intervals.k!.profile[0]).toBeCloseTo(nb.intervals.k!.profile[0], 3);
  });

  it('zero-truncated counts: K\'s lower bound is 0, said as such, not the optimiser\'s floor for k', () => {
    // Only fans who referred someone: 30 with 1, 12 with 2, 6 with 3, 3 with 5, 2 with 10.
    const data = counts([[1, 30], [2, 12], [3, 6], [5, 3], [10, 2]]);
    const fit = fitReferrals({ kind: 'counts', frequencies: frequenciesOf(data), truncated: true });
    const nb = fit.candidates.find((c) => c.model === 'negbin')!;
    expect(nb.intervals.K.profile[0]).toBe(0);
    expect(fit.preferred.model).toBe('negbin');
    expect(fit.warnings).toContainEqual({ kind: 'towardsZero' });
    // Brute force: the truncated likelihood at K far below the estimate, k free, is still within 1.92 of the top.
    const logLik = (K: number, logk: number) => {
      const k = Math.exp(logk);
      const zero = Math.exp(logNB(0, K, k));
      return data.reduce((s, x) => s + logNB(x, K, k) - Math.log1p(-zero), 0);
    };
    const top = gridMax((logk) => logLik(nb.parameters.K, logk), Math.log(1e-8), Math.log(1e4));
    expect(gridMax((logk) => logLik(1e-7, logk), Math.log(1e-14), Math.log(1e4))).toBeGreaterThan(top - 1.92);
    // Its upper bound is the data's.
    expect(nb.intervals.K.profile[1]).toBeGreaterThan(nb.parameters.K);
    expect(Number.isFinite(nb.intervals.K.profile[1])).toBe(true);
  });
});
