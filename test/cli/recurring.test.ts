import { describe, expect, it } from 'vitest';
import { expectUsageError, fans } from './harness.js';

// Issue #30, items 1 and 3 (in part): a value paid per period while a customer stays
// (--per), churn ending it, --margin for profit, and one customer's worth. The convention:
// every customer on the books at a period's end pays for that period (the start, period 0,
// pays nothing); on the calendar by day, each customer-day pays value / (--per's days).

const json = async (args: string[]) => {
  const ran = await fans([...args, '--format', 'json']);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout);
};
type Row = { new: number; total: number; revenue: number; rewards: number; cost: number; net: number; cumulativeNet: number };

describe('a recurring value: --value V --per PERIOD', () => {
  it('one customer, value v a year, churn c: v (1 - c) + ... + v (1 - c)^H within H years, v (1 - c) / c over a lifetime', async () => {
    const [v, c, H] = [1000, 0.2, 6];
    const doc = await json(['compound', '--rate', '0', '--churn', String(c), '--start', '1', '--years', String(H), '--value', String(v), '--per', 'year']);
    let within = 0;
    for (let t = 1; t <= H; t++) within += v * (1 - c) ** t;
    // The revenue column, year by year, is v times the customer still on the books.
    doc.rows.forEach((r: Row, t: number) => expect(r.revenue).toBeCloseTo(t === 0 ? 0 : v * (1 - c) ** t, 2));
    expect(doc.money.revenue).toBeCloseTo(within, 2);
    expect(doc.money.customerValue.withinHorizon).toBeCloseTo(within, 2);
    expect(doc.money.customerValue.lifetime).toBeCloseTo((v * (1 - c)) / c, 2);
  });

  it("the manager's plan: 200 customers, rate 0.59 a year, € 1.250 a year, reward € 100, churn 10%, against a spreadsheet's recurrence", async () => {
    const doc = await json(['compound', '--start', '200', '--rate', '0,59', '--churn', '10%', '--years', '5', '--value', '1.250', '--per', 'year', '--reward', '100', '--locale', 'nl-NL']);
    // The spreadsheet: customers(n) = customers(n-1) x (1 - 10%) + 0,59 x customers(n-1); revenue = 1.250 x customers(n); rewards = 100 x new(n).
    let customers = 200;
    let cumulative = 0;
    for (let n = 1; n <= 5; n++) {
      const fresh = 0.59 * customers;
      customers = customers * 0.9 + fresh;
      const revenue = 1250 * customers;
      const net = revenue - 100 * fresh;
      cumulative += net;
      const row: Row = doc.rows[n];
      expect(row.total).toBeCloseTo(customers, 9);
      expect(row.revenue).toBeCloseTo(revenue, 2);
      expect(row.rewards).toBeCloseTo(100 * fresh, 2);
      expect(Math.abs(row.cumulativeNet - cumulative)).toBeLessThan(0.01 * n);
    }
    expect(doc.money.currency).toBe('EUR');
  });

  it('--margin makes the net profit: revenue x margin less rewards and costs; --per month on years bills twelve months', async () => {
    const base = ['compound', '--rate', '0.3', '--years', '3', '--value', '50', '--per', 'month', '--reward', '20', '--cost', '100'];
    const full = await json(base);
    const half = await json([...base, '--margin', '40%']);
    full.rows.forEach((r: Row, t: number) => {
      expect(r.revenue).toBeCloseTo(t === 0 ? 0 : 50 * 12 * r.total, 2);
      expect(half.rows[t].revenue).toBe(r.revenue);
      expect(Math.abs(half.rows[t].net - (0.4 * r.revenue - r.rewards - r.cost))).toBeLessThan(0.011);
    });
    expect(half.money.margin).toBe(0.4);
  });

  it('on the calendar by day: each customer-day pays value / (--per days), costs pro rata: a year of 10 customers at 120 a year is 1,199.20 for 365 days', async () => {
    const doc = await json(['compound', '--rate', '0', '--start', '10', '--cycle', '1y', '--cycle-spread', '4m', '--by', 'quarter', '--years', '1', '--value', '120', '--per', 'year', '--start-date', '2027-01-01']);
    // 1 January is day 0: Q1 bills days 1..89.
    expect(doc.rows[0].revenue).toBeCloseTo((10 * 120 * 89) / 365.2425, 2);
    expect(doc.money.revenue).toBeCloseTo((10 * 120 * 365) / 365.2425, 2);
  });

  it('with --trials: the expected money is the run without --trials, the share paid back by run; the net percentiles the runs\' own (a run\'s net depends on how long its customers stay)', async () => {
    const args = ['compound', '--rate', '0.4', '--churn', '20%', '--years', '4', '--start', '5', '--value', '100', '--per', 'year', '--reward', '30', '--cost', '400'];
    const expected = await json(args);
    const runs = await json([...args, '--trials', '3000', '--seed', '7']);
    expect(runs.rows.map((r: Row) => r.cumulativeNet)).toEqual(expected.rows.map((r: Row) => r.cumulativeNet));
    const shares = runs.rows.map((r: { paidBack: number }) => r.paidBack);
    shares.slice(1).forEach((share: number, i: number) => expect(share).toBeGreaterThanOrEqual(shares[i]));
    expect(shares[4]).toBeGreaterThan(0.05);
    expect(shares[4]).toBeLessThan(0.95);
    // The runs' own nets: ordered, and where a percentile's net is 0 or more at the horizon, at least that share has paid back
    // (a run whose net is 0 or more there has paid back by then; 3,000 runs: 2 percentage points for the ranks).
    const last = runs.rows[4] as Record<string, number>;
    expect(last.net_p5!).toBeLessThanOrEqual(last.net_p50!);
    expect(last.net_p50!).toBeLessThanOrEqual(last.net_p95!);
    for (const q of [5, 50, 95]) if (last[`net_p${q}`]! >= 0) expect(shares[4]).toBeGreaterThanOrEqual(1 - q / 100 - 0.02);
    expect(last.net_p5!).toBeLessThan(0);
    expect(last.net_p95!).toBeGreaterThan(0);
  });

  it('bad input: --per without --value, a tree level without --cycle, a margin past 100%, --per that is no period: one line, exit 2', async () => {
    expectUsageError(await fans(['compound', '--per', 'year']), /^fans: --per says how often --value is paid: give --value too$/);
    expectUsageError(await fans(['simulate', '--value', '10', '--per', 'month']), /^fans: --per bills each customer per period of time, and a tree level has no length: give --cycle/);
    expectUsageError(await fans(['compound', '--value', '10', '--margin', '150%']), /^fans: --margin must be a share from 0 to 1/);
    expectUsageError(await fans(['compound', '--value', '10', '--per', 'fortnightly']), /^fans: --per must be year, quarter, month, week, day or a duration/);
    expectUsageError(await fans(['compound', '--margin', '50%']), /^fans: --margin is the share of revenue that is profit: give --value too$/);
  });
});
