import { describe, expect, it } from 'vitest';
import {
  FansInputError,
  compoundDefaults,
  compoundGrowth,
  depthToReach,
  rateToReach,
  simulateTrials,
  treeDefaults,
  treeGrowth,
  treeLevels,
} from '../../src/index.js';
import { fans } from '../cli/harness.js';

const chain = { model: 'tree' as const, start: 1, periods: 3, offspring: { distribution: 'poisson' as const, introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null };

describe('the library checks its inputs at its edge, in the CLI words', () => {
  it.each([
    ['fanout -1', () => treeGrowth({ ...treeDefaults, fanout: -1 }), 'fanout must be a number from 0 to 1,000,000 (got -1)'],
    ['conversion 2', () => treeGrowth({ ...treeDefaults, conversion: 2 }), 'conversion must be a share from 0 to 1 (got 2)'],
    ['conversion "20%"', () => treeGrowth({ ...treeDefaults, conversion: '20%' as never }), 'conversion must be a share from 0 to 1 (got "20%")'],
    ['depth 6000', () => treeGrowth({ ...treeDefaults, depth: 6000 }), 'depth must be a whole number from 0 to 5,000 (got 6000)'],
    ['start NaN', () => treeLevels({ ...treeDefaults, start: Number.NaN }).next(), 'start must be a whole number from 0 to 1,000,000,000,000,000 (got NaN)'],
    ['market below start', () => treeGrowth({ ...treeDefaults, start: 10, market: 5 }), 'market must be at least the starting fans, 10 (got 5)'],
    ['churn 1.5', () => compoundGrowth({ ...compoundDefaults, churn: 1.5 }), 'churn must be a share from 0 to 1 (got 1.5)'],
    ['rate -1', () => compoundGrowth({ ...compoundDefaults, rate: -1 }), 'rate must be a number from 0 to 1,000 (got -1)'],
    ['years 2.5', () => compoundGrowth({ ...compoundDefaults, years: 2.5 }), 'years must be a whole number from 0 to 10,000 (got 2.5)'],
    ['target 0', () => depthToReach(0, { ...treeDefaults }, 10), 'target must be a number above 0 and up to 1e+300 (got 0)'],
    ['rate goal with years -1', () => rateToReach(10, { ...compoundDefaults, years: -1 }, 1000), 'years must be a whole number from 0 to 10,000 (got -1)'],
    ['trials 0', () => simulateTrials(chain, 0, 1, [0.5]), 'trials must be a whole number from 1 to 10,000,000 (got 0)'],
    ['a percentile as 50', () => simulateTrials(chain, 10, 1, [50]), 'quantiles must be a number above 0 and up to 1 (got 50)'],
    ['distribution "normal"', () => simulateTrials({ ...chain, offspring: { ...chain.offspring, distribution: 'normal' as never } }, 10, 1, [0.5]), 'distribution must be one of fixed, poisson, negbin, geometric (got "normal")'],
    ['dispersion 0', () => simulateTrials({ ...chain, offspring: { ...chain.offspring, dispersion: 0 } }, 10, 1, [0.5]), 'dispersion must be a number above 0 and up to 1,000,000 (got 0)'],
  ])('%s', (_, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FansInputError);
    expect(thrown).toMatchObject({ name: 'FansInputError', message });
  });

  it('says a rule as the CLI says it for the same flag', async () => {
    const cli = (await fans(['simulate', '--depth', '6000'])).stderr;
    expect(cli).toBe('fans: --depth must be a whole number from 0 to 5,000 (got "6000")\n');
    expect(() => treeGrowth({ ...treeDefaults, depth: 6000 })).toThrow('depth must be a whole number from 0 to 5,000 (got 6000)');
    expect((await fans(['compound', '--churn', '1.5'])).stderr).toBe('fans: --churn must be a share from 0 to 1, or a percentage from 0% to 100% (got "1.5")\n');
  });

  it('cuts a long value in the message', () => {
    expect(() => treeGrowth({ ...treeDefaults, conversion: 'x'.repeat(1000) as never })).toThrow(/\(got "x{98}…\)$/);
  });
});
