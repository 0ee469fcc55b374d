import { describe, expect, it } from 'vitest';
import { expectUsageError, fans } from './harness.js';

// Issue #28: compare takes every flag of the scenario's command as a field (spelled as the
// flags are): a scenario with trials, a spread, rows by period, an end date or a fit runs as
// its command would, and the runs stand side by side, sampled ones with their band.

const file = (scenarios: object[]) => JSON.stringify({ scenarios });
const json = async (args: string[], stdin?: string) => {
  const ran = await fans([...args, '--format', 'json'], stdin === undefined ? {} : { stdin });
  expect(ran.stderr).toBe('');
  return JSON.parse(ran.stdout);
};

describe('fans compare with the command\'s other flags as fields', () => {
  it('sampled scenarios: each mean and outer percentiles are those of the same run alone (same seed), beside a plain one', async () => {
    const stdin = file([
      { name: 'steady', command: 'compound', rate: 0.3, years: 4, start: 10, trials: 2000, seed: 1 },
      { name: 'uneven', command: 'compound', rate: 0.3, years: 4, start: 10, trials: 2000, seed: 1, distribution: 'negbin', dispersion: 0.3 },
      { name: 'plain', command: 'compound', rate: 0.3, years: 4, start: 10 },
    ]);
    const doc = await json(['compare', '-'], stdin);
    expect(Object.keys(doc.rows[0])).toEqual(['period', 'steady', 'uneven', 'plain', 'steady p5', 'steady p95', 'uneven p5', 'uneven p95']);
    const alone = await json(['compound', '--rate', '0.3', '--years', '4', '--start', '10', '--trials', '2000', '--seed', '1', '--distribution', 'negbin', '--dispersion', '0.3']);
    expect(doc.rows.map((r: Record<string, number>) => [r.uneven, r['uneven p5'], r['uneven p95']])).toEqual(alone.rows.map((r: Record<string, number>) => [r.mean, r.p5, r.p95]));
    const plain = await json(['compound', '--rate', '0.3', '--years', '4', '--start', '10']);
    expect(doc.rows.map((r: Record<string, number>) => r.plain)).toEqual(plain.rows.map((r: Record<string, number>) => r.total));
    // The chart: a band per sampled scenario, in its colour.
    const svg = (await fans(['compare', '-', '--format', 'svg'], { stdin })).stdout;
    expect(svg.match(/<polygon class="band" data-name="(steady|uneven)"/g)).toHaveLength(2);
    expect(svg).toContain('steady: p5–p95');
    // The report's method says sampled scenarios show their runs' mean, not that every figure is expected.
    const html = (await fans(['compare', '-', '--format', 'html'], { stdin })).stdout;
    expect(html).toContain('for a scenario with trials the mean of its sampled runs');
    expect(html).not.toContain('The figures are expected values, exact where');
  });

  it('on dates: a spread-out, sampled tree by quarter with money beside a yearly compound; each value its last row on or before the date', async () => {
    const spread = { name: 'spread', command: 'simulate', fanout: 1.5, cycle: '1m', cycleSpread: '2w', by: 'quarter', until: '2027-12-31', startDate: '2027-01-01', trials: 1000, seed: 2, value: 100 };
    const doc = await json(['compare', '-'], file([spread, { name: 'yearly', command: 'compound', rate: 1, years: 1, startDate: '2027-01-01', value: 100 }]));
    expect(doc.rows.map((r: { date: string }) => r.date)).toEqual(['2027-01-01', '2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31', '2028-01-01']);
    const alone = await json(['simulate', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'quarter', '--until', '2027-12-31', '--start-date', '2027-01-01', '--trials', '1000', '--seed', '2', '--value', '100']);
    expect(doc.rows.slice(1, 5).map((r: Record<string, number>) => [r.spread, r['spread p95'], r['spread net']])).toEqual(alone.rows.map((r: Record<string, number>) => [r.mean, r.p95, r.cumulativeNet]));
    // Before its first row and after its last: empty. The yearly run holds 1 until its year is out.
    expect([doc.rows[0].spread, doc.rows[5].spread]).toEqual([null, null]);
    expect(doc.rows.map((r: { yearly: number }) => r.yearly)).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('a field is read by its flag\'s rules, and a bad one names the file, the scenario and the flag; unknown fields are still refused', async () => {
    const bad = file([{ name: 'a', command: 'simulate', trials: 0 }]);
    expectUsageError(await fans(['compare', '-'], { stdin: bad }), /^fans: <stdin>: scenarios\[0\] \("a"\): --trials must be/);
    const unknown = file([{ name: 'a', command: 'simulate', trials: 10, threads: 2 }]);
    expectUsageError(await fans(['compare', '-'], { stdin: unknown }), /^fans: <stdin>: scenarios\[0\]: unknown field "threads"$/);
    const tree = file([{ name: 'a', command: 'simulate', trials: 10, startDate: '2027-01-01' }]);
    expectUsageError(await fans(['compare', '-'], { stdin: tree }), /^fans: <stdin>: scenarios\[0\] \("a"\) has no "cycle"/);
  });
});
