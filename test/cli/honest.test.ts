// Issue 11: nothing misleading. One test (or table) per item a new user hit.
import { describe, expect, it } from 'vitest';
import { expectUsageError, fans } from './harness.js';

const json = async (args: string[]) => JSON.parse((await fans([...args, '--format', 'json'])).stdout);

describe('smaller numbers', () => {
  it('the tree limit with a market is below the market (5), not start / (1 - K) = 10', async () => {
    const doc = await json(['simulate', '--fanout', '1', '--conversion', '0.9', '--market', '5', '--depth', '50']);
    expect(doc.limit).toBeLessThan(5);
    expect(doc.limit).toBeCloseTo(2.5524, 4);
    expect((await fans(['simulate', '--fanout', '1', '--conversion', '0.9', '--market', '5'])).stdout).toMatch(/approaches 2\.5524 as depth grows \(below start \/ \(1 - K\) = 10: the market slows it\)/);
  });

  it('--trials takes expected totals up to 1e290: fanout 10 at depth 288 (1.1e288) and 289, not 290', async () => {
    const ran = await fans(['simulate', '--fanout', '10', '--depth', '288', '--trials', '10', '--seed', '1', '--format', 'csv']);
    expect(ran.code).toBe(0);
    expect((await fans(['simulate', '--fanout', '10', '--depth', '289', '--trials', '10', '--seed', '1', '--format', 'csv'])).code).toBe(0);
    expectUsageError(await fans(['simulate', '--fanout', '10', '--depth', '290', '--trials', '10', '--seed', '1']), /^fans: --depth must be at most 289 with --trials/);
  });
});
