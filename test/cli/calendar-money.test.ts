import { describe, expect, it } from 'vitest';
import { fans } from './harness.js';

// Issue #28, item 4: money with spread-out delays and by calendar period. Amounts fall in the
// period the fans join (rewards when the referral happens); the fixed cost per cycle is paid
// pro rata by the days of each period after day 0.

const json = async (args: string[]) => {
  const ran = await fans([...args, '--format', 'json']);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout);
};
type Row = { period: string; new: number; total: number; mean: number; revenue: number; rewards: number; cost: number; net: number; cumulativeNet: number };
const sum = (rows: Row[], key: keyof Row) => rows.reduce((s, r) => s + Number(r[key]), 0);

describe('money with --cycle-spread, expected', () => {
  const args = ['compound', '--rate', '0.2', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'quarter', '--years', '2', '--value', '100', '--cost', '500', '--reward', '10', '--start', '50', '--start-date', '2027-01-01'];

  it('adds up: revenue = value x fans referred, rewards = reward x the same, cost = cost x days / cycle days, net and its running sum', async () => {
    const doc = await json(args);
    const rows: Row[] = doc.rows;
    expect(rows.map((r) => r.period)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1', '2028-Q2', '2028-Q3', '2028-Q4', '2029-Q1']);
    const referred = sum(rows, 'new') - 50;
    // Amounts are shown to the cent: each row within half a cent, sums within a cent a row.
    expect(Math.abs(sum(rows, 'revenue') - 100 * referred)).toBeLessThan(0.005 * rows.length + 1e-9);
    expect(Math.abs(sum(rows, 'rewards') - 10 * referred)).toBeLessThan(0.005 * rows.length + 1e-9);
    // 2027-01-01 to 2029-01-01 is 731 days; a month cycle is 365.2425 / 12 days.
    expect(Math.abs(sum(rows, 'cost') - (500 * 731) / (365.2425 / 12))).toBeLessThan(0.005 * rows.length);
    // Q1 2027 has days 1..89 after the start (1 January is day 0): 89 days of cost.
    expect(rows[0]!.cost).toBeCloseTo((500 * 89) / (365.2425 / 12), 2);
    let running = 0;
    for (const r of rows) {
      expect(Math.abs(r.net - (r.revenue - r.rewards - r.cost))).toBeLessThan(0.011);
      running += r.net;
      expect(Math.abs(r.cumulativeNet - running)).toBeLessThan(0.01 * rows.length);
    }
    expect(doc.money.payback).toBe('2027-Q1');
  });

  it('the break-even reward, re-run at it and a cent past it: pays back by the horizon, then does not', async () => {
    const doc = await json(args);
    const best = doc.money.breakEvenReward;
    expect(best).toBeGreaterThan(0);
    const at = await json([...args.filter((a, i) => a !== '--reward' && args[i - 1] !== '--reward'), '--reward', String(best)]);
    expect(at.money.payback).not.toBeNull();
    const past = await json([...args.filter((a, i) => a !== '--reward' && args[i - 1] !== '--reward'), '--reward', (best + 0.01).toFixed(2)]);
    expect(past.money.payback).toBeNull();
  });

  it('a cost no growth pays back: the summary says it does not pay back by the last date, in English and Dutch', async () => {
    const slow = ['compound', '--rate', '0.01', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'month', '--years', '1', '--value', '10', '--cost', '1000', '--start-date', '2027-01-01'];
    expect((await fans(slow)).stdout).toContain('It does not pay back by 2028-01-01.');
    expect((await fans([...slow, '--lang', 'nl', '--locale', 'nl-NL'])).stdout).toContain('Het verdient zich niet terug tot en met 1 januari 2028.');
  });

  it('the brief: a tree of 10 a month with spread-out delays, by month, with money: a month per row and its money', async () => {
    const doc = await json(['simulate', '--fanout', '10', '--depth', '3', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'month', '--value', '1250', '--start-date', '2027-01-01']);
    expect(doc.rows.map((r: Row) => r.period)).toEqual(['2027-01', '2027-02', '2027-03', '2027-04']);
    // The revenue is 1,250 a fan referred, whatever the month they come in.
    for (const r of doc.rows as Row[]) expect(Math.abs(r.revenue - 1250 * (r.new - (r.period === '2027-01' ? 1 : 0)))).toBeLessThan(0.006);
  });
});

describe('money with --trials on the calendar', () => {
  it('spread-out delays: the mean cumulative net of the runs is the expected run\'s within 4 SE; the share paid back grows and ends where the net percentiles say', async () => {
    const args = ['compound', '--rate', '0.3', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'quarter', '--years', '2', '--start', '20', '--value', '100', '--reward', '20', '--cost', '600', '--start-date', '2027-01-01'];
    const expected = await json(args);
    const runs = await json([...args, '--trials', '4000', '--seed', '6', '--quantiles', '5,50,95']);
    // The expected money of the runs is the expected run's (no market: the renewal equation is their expectation).
    expect(runs.rows.map((r: Row) => r.cumulativeNet)).toEqual(expected.rows.map((r: Row) => r.cumulativeNet));
    // The runs' mean reached by each period, through the net's slope (value - reward = 80 a fan), against the expected run.
    const cost = (i: number) => expected.rows.slice(0, i + 1).reduce((s: number, r: Row) => s + r.cost, 0);
    runs.rows.forEach((r: Row & { p5: number; p95: number }, i: number) => {
      const sampledNet = 80 * (r.mean - 20) - cost(i);
      const se = (80 * (r.p95 - r.p5)) / (2 * 1.645) / Math.sqrt(4000);
      expect(Math.abs(sampledNet - expected.rows[i].cumulativeNet)).toBeLessThan(4 * se + 0.02);
    });
    const shares = runs.rows.map((r: { paidBack: number }) => r.paidBack);
    shares.slice(1).forEach((share: number, i: number) => expect(share).toBeGreaterThanOrEqual(shares[i]));
    const last = runs.rows.at(-1);
    // Paid back by the end means its net reached 0 at some period: at least the share whose last net is 0 or more.
    if (last.net_p50 >= 0) expect(last.paidBack).toBeGreaterThanOrEqual(0.5);
    if (last.net_p95 < 0) expect(last.paidBack).toBeLessThan(0.5);
    expect(runs.money.paidBackShare).toBe(last.paidBack);
    expect((await fans([...args, '--trials', '500', '--seed', '6'])).stdout).toMatch(/\d+(\.\d+)?% of runs pay back by 2029-01-01 \(± [\d.]+%\)\./);
  });
});

describe('money with --trials and --churn', () => {
  it('by year: the expected money is the model run\'s, the net band counts the fans who ever joined, the share paid back grows', async () => {
    const args = ['compound', '--rate', '0.5', '--churn', '20%', '--value', '100', '--cost', '30', '--years', '4'];
    const expected = await json(args);
    const runs = await json([...args, '--trials', '4000', '--seed', '1']);
    for (const name of ['revenue', 'rewards', 'cost', 'net', 'cumulativeNet']) expect(runs.rows.map((r: Record<string, number>) => r[name])).toEqual(expected.rows.map((r: Record<string, number>) => r[name]));
    expect(runs.money.valueOfOneFan).toBe(expected.money.valueOfOneFan);
    // A run whose fan never referred has only the fixed cost: the band's low end by year 4 is -4 x 30 (P(no referral in 4 years) is above 5%).
    expect(runs.rows[4].net_p5).toBe(-120);
    // The band counts everyone who joined: above what the customers left would give (slope 100 x (p95 of the total - 1) - 120).
    expect(runs.rows[4].net_p95).toBeGreaterThan(100 * (runs.rows[4].p95 - 1) - 120);
    const shares = runs.rows.map((r: { paidBack: number }) => r.paidBack);
    shares.slice(1).forEach((share: number, i: number) => expect(share).toBeGreaterThanOrEqual(shares[i]));
    expect(shares[4]).toBeGreaterThan(0.5);
    expect(shares[4]).toBeLessThan(0.9);
  });

  it('on the calendar with spread-out delays: the same, by quarter', async () => {
    const args = ['compound', '--rate', '0.4', '--churn', '10%', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'quarter', '--years', '1', '--start', '10', '--value', '100', '--cost', '50', '--start-date', '2027-01-01'];
    const expected = await json(args);
    const runs = await json([...args, '--trials', '2000', '--seed', '3']);
    expect(runs.rows.map((r: Row) => r.cumulativeNet)).toEqual(expected.rows.map((r: Row) => r.cumulativeNet));
    expect(runs.rows.map((r: { lost: number }) => r.lost > 0)).toEqual([true, true, true, true, true]);
    // The net band from the fans reached: at least 100 x (p95 of the customers left - 10) less the cost to date.
    const last = runs.rows.at(-1);
    const cost = expected.rows.reduce((s: number, r: Row) => s + r.cost, 0);
    expect(last.net_p95).toBeGreaterThan(100 * (last.p95 - 10) - cost);
  });
});
