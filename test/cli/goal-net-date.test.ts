import { describe, expect, it } from 'vitest';
import { expectUsageError, fans, fansJson } from './harness.js';

// 2027-01-01: every run starts on the same day.
const env = { SOURCE_DATE_EPOCH: '1798761600' };
const json = (args: string[]) => fansJson(args, env);

/** The manager's plan: 200 customers, 0.59 referrals a year each, churn 10%, €1,250 a year, a €100 reward. */
const plan = ['--start', '200', '--rate', '0.59', '--churn', '0.1', '--value', '1250', '--per', 'year', '--reward', '100'];

/**
 * The plan's cumulative net by year, as a spreadsheet writes it: customers c_t = c_(t-1)
 * (1 + 0.59 - 0.1), new fans 0.59 c_(t-1); each year the customers on the books at its end
 * pay 1,250, each new fan's referrer gets 100.
 */
function spreadsheet(years: number): number[] {
  const out = [0];
  let customers = 200;
  let cumulative = 0;
  for (let t = 1; t <= years; t++) {
    const fresh = 0.59 * customers;
    customers *= 1.49;
    cumulative += 1250 * customers - 100 * fresh;
    out.push(cumulative);
  }
  return out;
}

describe('fans goal --net X --by-date: when the cumulative net reaches X', () => {
  it('by cycle: the first cycle date whose cumulative net reaches X, as the spreadsheet has it', async () => {
    const sheet = spreadsheet(4);
    const doc = await json(['goal', '--net', '1000000', ...plan, '--by-date']);
    // Year 2 ends at 898,143.10, year 3 at 1,698,933.07: X = 1,000,000 is reached on the third anniversary.
    expect(sheet[2]).toBeLessThan(1e6);
    expect(sheet[3]).toBeGreaterThanOrEqual(1e6);
    expect(doc.byDate).toBe('2030-01-01');
    expect(doc.cumulativeNet).toBeCloseTo(sheet[3]!, 2);
    expect(doc.target).toEqual({ net: 1000000 });
    expect(doc.parameters).toMatchObject({ value: 1250, per: '1y', reward: 100 });
  });

  it('found again by re-running at and just past the net of a reported date', async () => {
    const sheet = spreadsheet(3);
    const at = Math.floor(sheet[2]! * 100) / 100;
    expect((await json(['goal', '--net', at.toFixed(2), ...plan, '--by-date'])).byDate).toBe('2029-01-01');
    expect((await json(['goal', '--net', (at + 0.01).toFixed(2), ...plan, '--by-date'])).byDate).toBe('2030-01-01');
  });

  it('--revenue counts what customers pay: no rewards, costs or margin', async () => {
    // Revenue by year 1: 298 customers x 1,250 = 372,500; the margin and the reward do not count.
    const at = await json(['goal', '--revenue', '372500', ...plan, '--margin', '40%', '--cost', '5000', '--by-date']);
    expect(at.byDate).toBe('2028-01-01');
    expect(at.cumulativeRevenue).toBeCloseTo(372500, 2);
    expect((await json(['goal', '--revenue', '372500.01', ...plan, '--by-date'])).byDate).toBe('2029-01-01');
  });

  it('the tree on a monthly cycle: a one-off value per new fan, by level date', async () => {
    // Levels bring 2, 4, 8 fans: $1,400 (14 fans at $100) is reached at level 3, three months on.
    const doc = await json(['goal', '--net', '1400', '--fanout', '2', '--cycle', '1m', '--value', '100', '--by-date']);
    expect(doc.byDate).toBe('2027-04-01');
    expect(doc.cumulativeNet).toBe(1400);
    expect((await json(['goal', '--net', '1400.01', '--fanout', '2', '--cycle', '1m', '--value', '100', '--by-date'])).byDate).toBe('2027-05-01');
  });

  it('with spread-out delays: the first day on which the run by day has the net, money falling on the days it happens', async () => {
    const spread = ['--cycle-spread', '2m', '--until', '2030-06-30'];
    const days = await json(['compound', ...plan, ...spread, '--by', 'day']);
    const target = 750000;
    const first = days.rows.find((r: { cumulativeNet: number }) => r.cumulativeNet >= target);
    const doc = await json(['goal', '--net', String(target), ...plan, ...spread, '--by-date']);
    expect(doc.byDate).toBe(first.date);
    expect(doc.cumulativeNet).toBeCloseTo(first.cumulativeNet, 2);
    // The day before stays below: the net reaches X that day, not earlier.
    const before = days.rows[days.rows.indexOf(first) - 1];
    expect(before.cumulativeNet).toBeLessThan(target);
  });

  it('--trials: percentile dates around the expected date, and the --deadline share agreeing with them', async () => {
    const args = ['goal', '--net', '1000000', ...plan, '--cycle-spread', '2m', '--until', '2031-01-01', '--by-date', '--trials', '200', '--seed', '7'];
    const doc = await json(args);
    const expected = Date.parse(doc.expectedDate);
    const p50 = Date.parse(doc.dates.p50);
    // 200 starting fans: the runs' spread is a few weeks around the expected date (seed 7; stated tolerance 45 days).
    expect(Math.abs(p50 - expected) / 864e5).toBeLessThan(45);
    expect(Date.parse(doc.dates.p5)).toBeLessThanOrEqual(p50);
    expect(Date.parse(doc.dates.p95)).toBeGreaterThanOrEqual(p50);
    expect(doc.reachedShare).toBe(1);
    // By the p50 date at least half the runs have the net, by the day before fewer than half: the same runs, counted two ways.
    const on = await json([...args, '--deadline', doc.dates.p50]);
    expect(on.deadline.share).toBeGreaterThanOrEqual(0.5);
    const dayBefore = new Date(p50 - 864e5).toISOString().slice(0, 10);
    const before = await json([...args, '--deadline', dayBefore]);
    expect(before.deadline.share).toBeLessThan(0.5);
  });

  it('--trials without a spread: runs counted on each cycle date', async () => {
    const doc = await json(['goal', '--net', '1000000', ...plan, '--by-date', '--trials', '300', '--seed', '3']);
    // Yearly cycles: every percentile falls on an anniversary, and the expected run's date is among them.
    for (const date of Object.values(doc.dates)) expect(String(date)).toMatch(/-01-01$/);
    expect(doc.dates.p50).toBe('2030-01-01');
  });

  it('in Dutch, amounts as the locale writes them', async () => {
    const ran = await fans(['goal', '--net', '1.000.000', '--start', '200', '--rate', '0,59', '--churn', '10%', '--value', '€1.250,-', '--per', 'jaar', '--reward', '100', '--by-date', '--locale', 'nl_NL', '--lang', 'nl'], { env });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Het verwachte cumulatieve netto haalt €\u00a01.000.000,00 op 1 januari 2030 (€\u00a01.698.933,07).');
  });

  it('refuses what has no date to answer, in one line', async () => {
    expectUsageError(await fans(['goal', '--max-reward', '--value', '100', '--fanout', '2', '--depth', '3', '--cycle', '1m', '--by-date'], { env }), /--max-reward finds a reward, not a date/);
    expectUsageError(await fans(['goal', '500', '--net', '100', '--value', '100', '--fanout', '2', '--cycle', '1m', '--by-date'], { env }), /a target count \("500"\) and a money target given together/);
    expectUsageError(await fans(['goal', '--net', '100', '--fanout', '2', '--cycle', '1m', '--by-date'], { env }), /--net needs --value/);
    expectUsageError(await fans(['goal', '--net', '100', '--value', '100', '--fanout', '2', '--cycle', '1m', '--by-date', '--deadline', '2027-06-01'], { env }), /--deadline gives the chance .*add --trials N/);
  });
});

describe('fans goal TARGET --by-date with money: when, and what it is worth by then', () => {
  const plan = ['--start', '200', '--rate', '0.59', '--churn', '10%', '--value', '1250', '--per', 'year', '--reward', '100', '--cycle-spread', '2m', '--until', '2030-12-31'];

  it('the expected cumulative net and revenue on the expected date: those of the run by day on that date', async () => {
    const doc = await json(['goal', '600', ...plan, '--by-date']);
    const days = await json(['compound', ...plan, '--by', 'day']);
    const revenue = await json(['goal', '--revenue', '1', ...plan, '--by-date']);
    expect(doc.byDate).not.toBeNull();
    const row = days.rows.find((r: { date: string }) => r.date === doc.byDate);
    expect(doc.money).toMatchObject({ date: doc.byDate, reached: true });
    expect(doc.money.cumulativeNet).toBeCloseTo(row.cumulativeNet, 2);
    // Revenue: the net without rewards (costs none here), summed to the same day.
    const rewards = days.rows.filter((r: { date: string }) => r.date <= doc.byDate).reduce((sum: number, r: { rewards: number }) => sum + r.rewards, 0);
    expect(doc.money.cumulativeRevenue).toBeCloseTo(row.cumulativeNet + rewards, 0);
    expect(revenue.byDate).toBe('2027-01-02');
    expect(doc.parameters).toMatchObject({ value: 1250, per: '1y', reward: 100 });
  });

  it('not reached: the worth by the horizon, said so; with --trials the same line beside the runs', async () => {
    const doc = await json(['goal', '100000', ...plan, '--by-date']);
    expect(doc.byDate).toBeNull();
    expect(doc.money).toMatchObject({ date: '2030-12-31', reached: false });
    const ran = await fans(['goal', '600', ...plan, '--by-date', '--trials', '100', '--seed', '1', '--locale', 'nl_NL', '--lang', 'nl'], { env });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/Tot en met \d{1,2} [a-z]+ \d{4} \(de verwachte datum\) is het verwachte cumulatieve netto €\u00a0[\d.,]+, bij een omzet van €\u00a0[\d.,]+\./);
  });
});

describe('fans goal --net 0 --by-date: when it pays back', () => {
  const plan = ['--start', '5', '--rate', '0.4', '--churn', '10%', '--value', '100', '--per', 'year', '--reward', '30', '--cost', '1000', '--cycle-spread', '2m', '--until', '2030-12-31'];

  it('the payback date of the run by day, after the start (on the first day nothing has happened yet)', async () => {
    const days = await json(['compound', ...plan, '--by', 'day']);
    const doc = await json(['goal', '--net', '0', ...plan, '--by-date']);
    expect(days.money.payback).not.toBe('2027-01-01');
    expect(doc.byDate).toBe(days.money.payback);
  });

  it('--trials with --deadline: the share of runs paid back by then, the same runs as the run by day counts', async () => {
    const seeded = ['--trials', '300', '--seed', '12'];
    const days = await json(['compound', ...plan, '--by', 'day', ...seeded]);
    for (const deadline of ['2028-06-30', '2029-06-30']) {
      const doc = await json(['goal', '--net', '0', ...plan, '--by-date', ...seeded, '--deadline', deadline]);
      const row = days.rows.find((r: { date: string }) => r.date === deadline);
      expect(doc.deadline.share, deadline).toBe(row.paidBack);
    }
  });

  it('a net below 0, or a revenue of 0: one line, exit 2', async () => {
    expectUsageError(await fans(['goal', '--net', '-5', '--value', '10', '--rate', '1'], { env }), /^fans: --net must be an amount from 0 /);
    expectUsageError(await fans(['goal', '--revenue', '0', '--value', '10', '--rate', '1'], { env }), /^fans: --revenue must be above 0/);
  });
});
