import { describe, expect, it } from 'vitest';
import { fans, fansJson } from './harness.js';

// 2027-01-01: every calendar run starts on the same day.
const env = { SOURCE_DATE_EPOCH: '1798761600' };
const json = (args: string[]) => fansJson(args, env);
type Band = Record<string, number>;
type Row = { net_p5?: number; net_p50?: number; net_p95?: number };
type Bands = { period: number; revenue: Band; net: Band; cumulativeNet: Band };

/** The q-quantile of Binomial(n, p): the least k with P(X ≤ k) ≥ q. */
function binomialQuantile(n: number, p: number, q: number): number {
  let logPmf = n * Math.log1p(-p);
  let cdf = Math.exp(logPmf);
  for (let k = 0; k < n; k++) {
    if (cdf >= q) return k;
    logPmf += Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p));
    cdf += Math.exp(logPmf);
  }
  return n;
}

// The sketches keep 13 significant bits: a relative error of 2^-13 (about 0.012%) on each amount.
const sketched = 2 ** -13;

describe('money bands with --trials, counted run by run', () => {
  it('customers who only pay and leave: year t revenue is the value times Binomial(n, (1 - c)^t), at each percentile', async () => {
    // No referrals (rate 0): 1,000 customers, churn 10% a year, $1,000 a year each while they stay.
    const doc = await json(['compound', '--start', '1000', '--rate', '0', '--churn', '10%', '--years', '3', '--value', '1000', '--per', 'year', '--trials', '20000', '--seed', '4']);
    for (const t of [1, 2, 3]) {
      const band = (doc.money.bands[t] as Bands).revenue;
      for (const q of [5, 50, 95]) {
        const customers = binomialQuantile(1000, 0.9 ** t, q / 100);
        // 20,000 runs: a percentile is within one customer of the law's (stated tolerance; seed 4), and within the sketch's error.
        expect(Math.abs(band[`p${q}`]! / 1000 - customers), `year ${t} p${q}`).toBeLessThanOrEqual(1 + customers * sketched);
      }
    }
  });

  it('where the net is a function of the fans reached, the sketched cumulative net agrees with the net at the reached percentiles', async () => {
    const doc = await json(['simulate', '--fanout', '3', '--conversion', '50%', '--depth', '5', '--value', '600', '--reward', '40', '--cost', '500', '--trials', '5000', '--seed', '9']);
    (doc.rows as Row[]).forEach((row, t) => {
      for (const q of [5, 50, 95]) {
        const exact = row[`net_p${q}` as 'net_p5']!;
        expect(Math.abs((doc.money.bands[t] as Bands).cumulativeNet[`p${q}`]! - exact)).toBeLessThanOrEqual(Math.abs(exact) * sketched + 0.01);
      }
    });
  });

  it('a run without chance (a fixed fanout, everyone converts) has every band at the expected money, with --per and --discount', async () => {
    const args = ['simulate', '--fanout', '2', '--depth', '4', '--cycle', '1m', '--value', '100', '--per', 'month', '--reward', '10', '--discount', '10%'];
    const doc = await json([...args, '--distribution', 'fixed', '--trials', '300', '--seed', '1']);
    const expected = await json(args);
    expect(doc.money.bands).toHaveLength(5);
    (doc.money.bands as Bands[]).forEach((row, t) => {
      const plain = expected.rows[t];
      for (const q of [5, 50, 95]) {
        expect(Math.abs(row.cumulativeNet[`p${q}`]! - plain.cumulativeNet)).toBeLessThanOrEqual(Math.abs(plain.cumulativeNet) * sketched + 0.01);
        expect(Math.abs(row.revenue[`p${q}`]! - plain.revenue)).toBeLessThanOrEqual(plain.revenue * sketched + 0.01);
        expect(Math.abs(row.net[`p${q}`]! - plain.net)).toBeLessThanOrEqual(Math.abs(plain.net) * sketched + 0.01);
      }
    });
  });

  it('with --per the table shows the net percentiles (the runs\' own), and the summary the band of the last period', async () => {
    const plan = ['compound', '--start', '200', '--rate', '0.59', '--churn', '10%', '--years', '3', '--value', '1250', '--per', 'year', '--reward', '100', '--trials', '2000', '--seed', '1'];
    const doc = await json(plan);
    const last = doc.rows.at(-1) as Row & { cumulativeNet: number };
    expect(last.net_p5!).toBeLessThan(last.net_p50!);
    expect(last.net_p50!).toBeLessThan(last.net_p95!);
    // The expected net sits inside the runs' band, near its middle (a sum of many customers: nearly symmetric).
    expect(last.net_p5!).toBeLessThan(last.cumulativeNet);
    expect(last.cumulativeNet).toBeLessThan(last.net_p95!);
    expect(Math.abs(last.net_p50! - last.cumulativeNet) / last.cumulativeNet).toBeLessThan(0.01);
    const table = (await fans(plan, { env })).stdout;
    expect(table).toMatch(/In year 3: revenue between \$[\d,.]+ and \$[\d,.]+, net between \$[\d,.]+ and \$[\d,.]+ in 90% of runs\./);
  });

  it('on the calendar with a spread, by period, in Dutch', async () => {
    const ran = await fans(['compound', '--start', '200', '--rate', '0,59', '--churn', '10%', '--value', '1.250', '--per', 'jaar', '--cycle-spread', '2m', '--until', '2028-12-31', '--by', 'year', '--trials', '200', '--seed', '1', '--locale', 'nl_NL', '--lang', 'nl'], { env });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/In 2028: omzet tussen €\u00a0[\d.,]+ en €\u00a0[\d.,]+, netto tussen €\u00a0[\d.,]+ en €\u00a0[\d.,]+ in 90% van de runs\./);
  });
});
