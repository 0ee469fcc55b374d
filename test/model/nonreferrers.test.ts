// Issue 13, item 2: --nonreferrers P, the share of fans who never refer (superspreading's ind_control).
import { describe, expect, it } from 'vitest';
import { type ChainParams, compoundGrowth, sampleChain, seededSource, simulateTrials, theoreticalExtinction, treeGrowth } from '../../src/index.js';
import { expectUsageError, fans } from '../cli/harness.js';

const negbin = (introductions: number, dispersion: number) => ({ distribution: 'negbin' as const, introductions, conversion: 1, dispersion });

describe('nonreferrers: expected values', () => {
  it('K = fanout x conversion x (1 - P): 70% never refer, the others introduce 3 people, so K = 0.9', () => {
    const rows = treeGrowth({ start: 1, fanout: 3, depth: 6, conversion: 1, market: null, nonreferrers: 0.7 });
    rows.forEach((r, g) => expect(r.new as number).toBeCloseTo(0.9 ** g, 12));
    expect(rows.at(-1)!.total as number).toBeCloseTo((1 - 0.9 ** 7) / (1 - 0.9), 12);
  });

  it('compound: total(t) = start (1 + rate c (1 - P) - churn)^t', () => {
    const rows = compoundGrowth({ start: 2, rate: 1, years: 8, conversion: 0.5, churn: 0.05, market: null, nonreferrers: 0.4 });
    rows.forEach((r, t) => expect(r.total as number).toBeCloseTo(2 * (1 + 1 * 0.5 * 0.6 - 0.05) ** t, 9));
  });

  it('the CLI names each factor, and scenario files take it too', async () => {
    expect((await fans(['simulate', '--fanout', '3', '--nonreferrers', '70%'])).stdout).toContain('Referral factor K = 0.9 (fanout 3 × conversion 100% × referrers 30%).');
    const ran = await fans(['compare', '-', '--format', 'json'], { stdin: JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate', fanout: 3, nonreferrers: '70%', depth: 1 }] }) });
    const scenario = JSON.parse(ran.stdout).scenarios[0];
    expect(scenario.parameters.nonreferrers).toBe(0.7);
    expect(scenario.total).toBeCloseTo(1.9, 12);
  });

  it('refuses 150%, and a goal with 100% says nobody refers', async () => {
    expectUsageError(await fans(['simulate', '--nonreferrers', '150%']), /^fans: --nonreferrers must be a share from 0 to 1, or a percentage from 0% to 100% \(got "150%"\)$/);
    const doc = JSON.parse((await fans(['goal', '1000', '--depth', '3', '--nonreferrers', '100%', '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ reachable: false, reason: 'with 100% nonreferrers nobody refers' });
    expect(JSON.parse((await fans(['goal', '1000', '--years', '5', '--nonreferrers', '1', '--format', 'json'])).stdout).reason).toBe('with 100% nonreferrers nobody refers');
  });
});

describe('nonreferrers: extinction q = P + (1 - P) G(q)', () => {
  it("R = 1.5, k = 0.5, 10% nonreferrers: 0.8391855 (superspreading's probability_contain(R = 1.5, k = 0.5, ind_control = 0.1))", () => {
    const chain: ChainParams = { model: 'tree', start: 1, periods: 10, offspring: negbin(1.5, 0.5), churn: 0, market: null, nonreferrers: 0.1 };
    expect(theoreticalExtinction(chain)).toBeCloseTo(0.8391855, 7);
    // Three starting fans: each dies out independently.
    expect(theoreticalExtinction({ ...chain, start: 3 })).toBeCloseTo(0.839185467910589 ** 3, 12); // mpmath: 0.839185467910588941...
  });

  it('sampled runs agree with it within 4 standard errors, the block engine and one-trial sampling alike (20,000 runs)', () => {
    const chain: ChainParams = { model: 'tree', start: 1, periods: 60, offspring: negbin(1.5, 0.5), churn: 0, market: null, nonreferrers: 0.1 };
    const q = theoreticalExtinction(chain)!;
    const se = Math.sqrt((q * (1 - q)) / 20_000);
    const engine = simulateTrials(chain, 20_000, 21, [0.5]).at(-1)!.extinct;
    let dead = 0;
    for (let i = 0; i < 20_000; i++) if (sampleChain(chain, seededSource(22, i)).active.at(-1) === 0) dead++;
    // By level 60 a surviving chain has grown past any chance of dying out (a mean of 1.35^60 referrers).
    expect(Math.abs(engine - q)).toBeLessThan(4 * se);
    expect(Math.abs(dead / 20_000 - q)).toBeLessThan(4 * se);
  });

  it('compound: a starting fan dies out unless it refers and its referrers survive; sampled within 4 SE', () => {
    const chain: ChainParams = { model: 'compound', start: 2, periods: 80, offspring: { distribution: 'poisson', introductions: 1.2, conversion: 1, dispersion: 1 }, churn: 0.3, market: null, nonreferrers: 0.5 };
    // Referrers: each year stays with 0.7 and brings Poisson(1.2) fans, half of them referrers
    // (a mean of 1.3 referrers a year: supercritical). Their q_r solves
    // q = (0.3 + 0.7 q) exp(0.6 (q - 1)); a starting fan dies out with 0.5 + 0.5 q_r.
    let lo = 0;
    let hi = 1 - 1e-12;
    const f = (s: number) => (0.3 + 0.7 * s) * Math.exp(0.6 * (s - 1)) - s;
    for (let i = 0; i < 200; i++) (f((lo + hi) / 2) > 0 ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
    const q = (0.5 + 0.5 * lo) ** 2;
    expect(theoreticalExtinction(chain)).toBeCloseTo(q, 10);
    const estimate = simulateTrials(chain, 20_000, 5, [0.5]).at(-1)!.extinct;
    expect(Math.abs(estimate - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / 20_000));
  });
});
