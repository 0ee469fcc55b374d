import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, fans, fansJson } from './harness.js';

// 2027-01-01: every calendar run starts on the same day.
const env = { SOURCE_DATE_EPOCH: '1798761600' };
const json = (args: string[]) => fansJson(args, env);
type Row = { revenue: number; rewards: number; cost: number; net: number; cumulativeNet: number; paidBack?: number };

describe('--discount: every amount at its present value, from the end of its period', () => {
  it('one customer, v a year, churn c, discount d: v Σ q^t with q = (1 - c) / (1 + d), and v q / (1 - q) unbounded', async () => {
    const [v, c, d] = [1000, 0.1, 0.1];
    const q = (1 - c) / (1 + d);
    const doc = await json(['compound', '--start', '1', '--rate', '0', '--churn', '10%', '--years', '5', '--value', '1000', '--per', 'year', '--discount', '10%']);
    let sum = 0;
    doc.rows.forEach((row: Row, t: number) => {
      if (t > 0) sum += v * q ** t;
      expect(row.cumulativeNet).toBeCloseTo(sum, 2);
    });
    expect(doc.money.customerValue.withinHorizon).toBeCloseTo((v * q * (1 - q ** 5)) / (1 - q), 2);
    // v(1 - c) / (c + d): 4,500.00.
    expect(doc.money.customerValue.lifetime).toBeCloseTo((v * (1 - c)) / (c + d), 2);
    expect(doc.money).toMatchObject({ discount: 0.1, discounting: 'end of period' });
  });

  it('without churn a discounted customer still has a finite lifetime value: v / d (paid at each year end)', async () => {
    const doc = await json(['compound', '--start', '1', '--rate', '0', '--years', '3', '--value', '1000', '--per', 'year', '--discount', '5%']);
    expect(doc.money.customerValue.lifetime).toBeCloseTo(1000 / 0.05, 2);
  });

  it("the manager's plan: yearly rows against a spreadsheet discounting each year's amounts", async () => {
    const doc = await json(['compound', '--start', '200', '--rate', '0.59', '--churn', '10%', '--years', '5', '--value', '1250', '--per', 'year', '--reward', '100', '--cost', '5000', '--discount', '8%']);
    let customers = 200;
    let cumulative = 0;
    for (let t = 1; t <= 5; t++) {
      const fresh = 0.59 * customers;
      customers *= 1.49;
      const factor = 1.08 ** -t;
      const row = doc.rows[t] as Row;
      expect(row.revenue).toBeCloseTo(1250 * customers * factor, 2);
      expect(row.rewards).toBeCloseTo(100 * fresh * factor, 2);
      expect(row.cost).toBeCloseTo(5000 * factor, 2);
      cumulative += (1250 * customers - 100 * fresh - 5000) * factor;
      expect(row.cumulativeNet).toBeCloseTo(cumulative, 2);
    }
    expect(doc.money.net).toBeCloseTo(cumulative, 2);
  });

  it('the tree on a monthly cycle: level g discounted by (1 + d)^(-g/12)', async () => {
    const doc = await json(['simulate', '--fanout', '2', '--depth', '4', '--cycle', '1m', '--value', '100', '--discount', '12%']);
    for (let g = 1; g <= 4; g++) expect((doc.rows[g] as Row).revenue).toBeCloseTo(100 * 2 ** g * 1.12 ** (-g / 12), 2);
  });

  it('the break-even reward, found again by re-running at it and a cent past it', async () => {
    const base = ['compound', '--start', '10', '--rate', '0.5', '--years', '4', '--value', '300', '--cost', '500', '--discount', '10%'];
    const doc = await json(base);
    const reward = doc.money.breakEvenReward as number;
    expect(reward).toBeGreaterThan(0);
    // Undiscounted, more reward fits: a later euro is worth less, so discounting lowers it.
    expect(reward).toBeLessThan((await json(base.slice(0, -2))).money.breakEvenReward);
    // The break-even reward keeps the cumulative net at the horizon 0 or more; a cent more does not.
    expect((await json([...base, '--reward', reward.toFixed(2)])).money.net).toBeGreaterThanOrEqual(0);
    expect((await json([...base, '--reward', (reward + 0.01).toFixed(2)])).money.net).toBeLessThan(0);
  });

  it('on the calendar, each period from its end: a year after the start is discounted by exactly 1 + d', async () => {
    const args = ['compound', '--start', '200', '--rate', '0.59', '--churn', '10%', '--value', '1250', '--per', 'year', '--cycle-spread', '2m', '--until', '2029-12-31', '--by', 'year'];
    const plain = await json(args);
    const discounted = await json([...args, '--discount', '8%']);
    // 2027 ends on 2028-01-01 (a year on), 2028 two years on; 2029 (to 2029-12-31) ends on 2030-01-01, three.
    // (Each shown amount is rounded to the cent: a cent's tolerance.)
    [1, 2, 3].forEach((years, i) => expect(Math.abs(discounted.rows[i].revenue - plain.rows[i].revenue / 1.08 ** years)).toBeLessThanOrEqual(0.01));
  });

  it('goal --net X --by-date with --discount: the first day the run by day has X in present value', async () => {
    const plan = ['--start', '200', '--rate', '0.59', '--churn', '10%', '--value', '1250', '--per', 'year', '--reward', '100', '--discount', '8%', '--cycle-spread', '2m', '--until', '2030-06-30'];
    const days = await json(['compound', ...plan, '--by', 'day']);
    const target = 700000;
    const first = days.rows.find((r: Row) => r.cumulativeNet >= target);
    const doc = await json(['goal', '--net', String(target), ...plan, '--by-date']);
    expect(doc.byDate).toBe(first.date);
    const undiscounted = await json(['goal', '--net', String(target), ...plan.filter((a) => a !== '--discount' && a !== '8%'), '--by-date']);
    expect(Date.parse(undiscounted.byDate)).toBeLessThan(Date.parse(doc.byDate));
  });

  it('goal --net X solving for years: discounting takes longer, and the years found are the first that reach X', async () => {
    const plan = ['--start', '10', '--rate', '0.4', '--value', '100', '--per', 'year'];
    const doc = await json(['goal', '--net', '20000', ...plan, '--discount', '20%']);
    const years = doc.value as number;
    expect(years).toBeGreaterThan((await json(['goal', '--net', '20000', ...plan])).value);
    const at = await json(['compound', ...plan, '--years', String(years), '--discount', '20%']);
    const before = await json(['compound', ...plan, '--years', String(years - 1), '--discount', '20%']);
    expect(at.money.net).toBeGreaterThanOrEqual(20000);
    expect(before.money.net).toBeLessThan(20000);
  });

  it('--trials: a discount of 0% pays back in the same runs as none; a discount only delays payback', async () => {
    const args = ['compound', '--start', '5', '--rate', '0.4', '--years', '6', '--value', '100', '--reward', '20', '--cost', '150', '--trials', '2000', '--seed', '11'];
    const none = await json(args);
    const zero = await json([...args, '--discount', '0%']);
    const high = await json([...args, '--discount', '50%']);
    const shares = (doc: { rows: Row[] }) => doc.rows.map((r) => r.paidBack);
    expect(shares(zero)).toEqual(shares(none));
    high.rows.forEach((row: Row, t: number) => expect(row.paidBack!).toBeLessThanOrEqual(none.rows[t].paidBack));
    expect(high.rows.at(-1).paidBack).toBeLessThan(none.rows.at(-1).paidBack);
    // Present values depend on when a run's fans came: the net percentiles are the runs' own, each discounted as it ran.
    const last = high.rows.at(-1) as Record<string, number>;
    expect(last.net_p5!).toBeLessThanOrEqual(last.net_p50!);
    expect(last.net_p50!).toBeLessThanOrEqual(last.net_p95!);
    expect(last.net_p95!).toBeLessThan((none.rows.at(-1) as Record<string, number>).net_p95!);
  });

  it('--trials: the share paid back agrees with the expected run where the runs are many and alike', async () => {
    // 2,000 starting fans: each run is near its expectation, so the runs pay back in the year the expected run does (not before).
    const args = ['compound', '--start', '2000', '--rate', '0.4', '--years', '5', '--value', '100', '--reward', '20', '--cost', '100000', '--discount', '10%', '--trials', '400', '--seed', '5'];
    const doc = await json(args);
    const payback = doc.money.payback as number;
    expect(payback).toBeGreaterThan(1);
    expect(doc.rows[payback - 1].paidBack).toBeLessThan(0.01);
    expect(doc.rows[payback].paidBack).toBeGreaterThan(0.99);
  });

  it('compare: a scenario\'s "discount" discounts its net column as the command does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fans-discount-'));
    const file = join(dir, 'scenarios.json');
    writeFileSync(file, JSON.stringify({ scenarios: [{ name: 'a', command: 'compound', rate: 0.5, years: 3, value: 100, discount: '10%' }] }));
    const compared = await json(['compare', file]);
    const run = await json(['compound', '--rate', '0.5', '--years', '3', '--value', '100', '--discount', '10%']);
    expect(compared.rows.map((r: Record<string, number>) => r['a net'])).toEqual(run.rows.map((r: Row) => r.cumulativeNet));
    rmSync(dir, { recursive: true, force: true });
  });

  it('bad input: one line naming the flag', async () => {
    expectUsageError(await fans(['compound', '--value', '100', '--discount', '8'], { env }), /^fans: --discount must be a yearly rate above -100% .*\(got "8"\)/);
    expectUsageError(await fans(['compound', '--value', '100', '--discount', '-100%'], { env }), /^fans: --discount must be a yearly rate above -100%/);
    expectUsageError(await fans(['compound', '--value', '100', '--discount', 'soon'], { env }), /^fans: --discount /);
    expectUsageError(await fans(['compound', '--discount', '5%'], { env }), /^fans: --discount discounts the run's amounts: give --value/);
    expectUsageError(await fans(['simulate', '--fanout', '2', '--depth', '3', '--value', '100', '--discount', '5%'], { env }), /^fans: --discount counts time, and a tree level has no length: give --cycle/);
  });

  it('in Dutch: the convention in words, amounts as the locale writes them', async () => {
    const ran = await fans(['compound', '--years', '2', '--value', '€1.250,-', '--per', 'jaar', '--discount', '8%', '--locale', 'nl_NL', '--lang', 'nl'], { env });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Bedragen zijn contante waarden bij 8% per jaar: elk bedrag is verdisconteerd vanaf het einde van de periode waarin het valt.');
  });
});

describe('the most a customer may cost to acquire and still break even', () => {
  it('compound, by hand: one customer, rate 0.5, churn 10%, $1,000 a year, $100 a referral, 3 years', async () => {
    const doc = await json(['compound', '--start', '1', '--rate', '0.5', '--churn', '10%', '--years', '3', '--value', '1000', '--per', 'year', '--reward', '100']);
    // On their own: 1,000 (0.9 + 0.81 + 0.729) = 2,439. Their line is on the books 1.4 + 1.96 + 2.744 = 6.104 customer-years,
    // and brings 0.5 + 0.7 + 0.98 = 2.18 new fans at $100 each: 6,104 - 218 = 5,886.
    expect(doc.money.maxAcquisitionCost).toEqual({ alone: 2439, withReferrals: 5886 });
  });

  it('the tree, a one-off value: the fan itself, then its 6 new fans less their rewards', async () => {
    const doc = await json(['simulate', '--fanout', '2', '--depth', '2', '--value', '100', '--reward', '10']);
    expect(doc.money.maxAcquisitionCost).toEqual({ alone: 100, withReferrals: 100 + 600 - 60 });
  });

  it('discounted: the present values of the same', async () => {
    const doc = await json(['compound', '--start', '1', '--rate', '0.5', '--churn', '10%', '--years', '3', '--value', '1000', '--per', 'year', '--reward', '100', '--discount', '10%']);
    const v = (t: number) => 1.1 ** -t;
    const alone = 1000 * (0.9 * v(1) + 0.81 * v(2) + 0.729 * v(3));
    const line = 1000 * (1.4 * v(1) + 1.96 * v(2) + 2.744 * v(3)) - 100 * (0.5 * v(1) + 0.7 * v(2) + 0.98 * v(3));
    expect(doc.money.maxAcquisitionCost.alone).toBeCloseTo(alone, 2);
    expect(doc.money.maxAcquisitionCost.withReferrals).toBeCloseTo(line, 2);
  });
});
