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

describe('readable tables', () => {
  it('shortens exact numbers too wide to read, and says where every digit is', async () => {
    const ran = await fans(['simulate', '--depth', '400']);
    const lines = ran.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(90); // was 1,091 characters
    expect(ran.stdout).toMatch(/^1 fan reaches 1\.11111E400 people in 400 steps\.$/m);
    expect(ran.stdout).toMatch(/--format json, csv or tsv has every digit/);
    // The machine formats stay exact.
    expect((await fans(['simulate', '--depth', '400', '--format', 'csv'])).stdout).toContain(`400,1${'0'.repeat(400)},${'1'.repeat(401)}`);
  });

  it('writes a column with one rule: the same decimals in every row, percentages with one decimal', async () => {
    const ran = await fans(['compound', '--rate', '0.2', '--conversion', '50%', '--churn', '5%', '--years', '4']);
    expect(ran.stdout).toContain('│    0 │ 1.00 │ 0.0000 │  1.00 │');
    expect(ran.stdout).toContain('│    4 │ 0.12 │ 0.0579 │  1.22 │');
    const sampled = await fans(['simulate', '--fanout', '2', '--depth', '3', '--trials', '100', '--seed', '1']);
    const extinct = sampled.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').at(-2)!.trim()).slice(1);
    for (const cell of extinct) expect(cell).toMatch(/^\d+\.\d%$/);
  });
});
