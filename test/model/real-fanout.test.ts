// Issue 13, item 1: real-valued fanouts everywhere, and `fixed` with a fractional fanout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Offspring, offspringMean, offspringPgf, offspringVariance, simulateTrials, theoreticalExtinction, treeGrowth } from '../../src/index.js';
import { fans } from '../cli/harness.js';

describe('real fanouts, expected values', () => {
  it('the tree total is the geometric series s (f^(d+1) - 1) / (f - 1) for any real f', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 1000 }), (f, d, s) => {
        const total = treeGrowth({ start: s, fanout: f, depth: d, conversion: 1, market: null }).at(-1)!.total as number;
        const closed = Math.abs(f - 1) < 1e-9 ? s * (d + 1) : (s * (f ** (d + 1) - 1)) / (f - 1);
        expect(Math.abs(total - closed) / closed).toBeLessThan(1e-9);
      }),
    );
  });

  it('stays exact (BigInt) for whole fanouts', () => {
    expect(treeGrowth({ start: 1, fanout: 10, depth: 3, conversion: 1, market: null }).at(-1)!.total).toBe(1111n);
    expect(typeof treeGrowth({ start: 1, fanout: 1.5, depth: 3, conversion: 1, market: null }).at(-1)!.total).toBe('number');
  });

  it('a goal answer pasted back into simulate reproduces the goal (fanout 9.64197... reaches 1,000 in 3 steps)', async () => {
    const goal = JSON.parse((await fans(['goal', '1000', '--depth', '3', '--format', 'json'])).stdout);
    const doc = JSON.parse((await fans(['simulate', '--fanout', String(goal.value), '--depth', '3', '--format', 'json'])).stdout);
    expect(doc.total).toBeGreaterThanOrEqual(1000);
    expect(doc.total).toBeCloseTo(1000, 9);
    const shown = (await fans(['simulate', '--fanout', '9.64197', '--depth', '3'])).stdout;
    expect(shown).toContain('Referral factor K = 9.64197 (fanout 9.64197 × conversion 100%).');
  });

  it.each([['-0.5'], ['NaN'], ['1000000.5']])('--fanout %s is refused in one line', async (value) => {
    const ran = await fans(['simulate', '--fanout', value]);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(/^fans: --fanout must be a number from 0 to 1,000,000 \(got "[^"]*"\)\n$/);
  });

  it('--fanout 1,5 is refused under en-US with both readings, and read as 1.5 under nl-NL', async () => {
    const ran = await fans(['simulate', '--fanout', '1,5']);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(/^fans: --fanout could be 1\.5 \(comma as decimal mark\) or 15 .*\(got "1,5"\)\n$/);
    const dutch = JSON.parse((await fans(['simulate', '--fanout', '1,5', '--locale', 'nl-NL', '--format', 'json'])).stdout);
    expect(dutch.parameters.fanout).toBe(1.5);
  });
});

describe('fixed with a fractional fanout: ⌊f⌋ or ⌈f⌉ introductions keeping the mean f', () => {
  const fixed = (f: number, c: number): Offspring => ({ distribution: 'fixed', introductions: f, conversion: c, dispersion: 1 });

  /** The distribution written out: ⌊f⌋ + 1 introductions with probability φ, each a fan with probability c. */
  function pmf(f: number, c: number): number[] {
    const whole = Math.floor(f);
    const extra = f - whole;
    const binomial = (n: number, k: number) => {
      let coefficient = 1;
      for (let i = 1; i <= k; i++) coefficient = (coefficient * (n - k + i)) / i;
      return coefficient * c ** k * (1 - c) ** (n - k);
    };
    return Array.from({ length: whole + 2 }, (_, k) => (1 - extra) * (k <= whole ? binomial(whole, k) : 0) + extra * binomial(whole + 1, k));
  }

  it.each([[2.5, 0.5], [0.3, 1], [7.25, 0.2], [3, 0.6]])('f = %s, c = %s: mean, variance and G(s) match the distribution written out', (f, c) => {
    const p = pmf(f, c);
    const mean = p.reduce((sum, q, k) => sum + q * k, 0);
    const variance = p.reduce((sum, q, k) => sum + q * (k - mean) ** 2, 0);
    expect(offspringMean(fixed(f, c))).toBeCloseTo(mean, 12);
    expect(offspringVariance(fixed(f, c))).toBeCloseTo(variance, 12);
    for (const s of [0, 0.3, 0.9]) expect(offspringPgf(fixed(f, c))(s)).toBeCloseTo(p.reduce((sum, q, k) => sum + q * s ** k, 0), 12);
  });

  it('f = 2.5 at 50%: sampled mean by level and extinction within 4 standard errors of theory (20,000 runs, seed 8)', () => {
    const offspring = fixed(2.5, 0.5);
    const chain = { model: 'tree' as const, start: 1, periods: 12, offspring, churn: 0, market: null };
    const rows = simulateTrials(chain, 20_000, 8, [0.5]);
    // q by bisection on the distribution written out, independent of the model's solver.
    const p = pmf(2.5, 0.5);
    const g = (s: number) => p.reduce((sum, q, k) => sum + q * s ** k, 0);
    let lo = 0;
    let hi = 1 - 1e-9;
    for (let i = 0; i < 200; i++) (g((lo + hi) / 2) > (lo + hi) / 2 ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
    expect(theoreticalExtinction(chain)).toBeCloseTo(lo, 10);
    const extinct = rows.at(-1)!.extinct;
    // By level 12 almost every chain that will die out has: compare with q, allowing 4 standard errors.
    expect(Math.abs(extinct - lo)).toBeLessThan(4 * Math.sqrt((lo * (1 - lo)) / 20_000) + 0.005);
    // E[total by level n] = sum of m^g, m = 1.25; its standard error from Var Z_g (a rough, safe bound: 4 SE of the last level's sum).
    const m = 1.25;
    const v = offspringVariance(offspring);
    for (const n of [3, 6]) {
      const expected = (m ** (n + 1) - 1) / (m - 1);
      const varLast = (v * m ** (n - 1) * (m ** n - 1)) / (m - 1);
      const bound = 4 * Math.sqrt(((n + 1) ** 2 * varLast) / 20_000);
      expect(Math.abs(rows[n]!.mean - expected)).toBeLessThan(bound);
    }
  });
});
