import { describe, expect, it } from 'vitest';
import { expectUsageError, fans } from './harness.js';

const json = async (args: string[], env: Record<string, string> = {}) => {
  const ran = await fans([...args, '--format', 'json'], { env });
  expect(ran.stderr).toBe('');
  return JSON.parse(ran.stdout);
};

describe('fans simulate and compound on the calendar', () => {
  it('with no spread, the rows are the model rows, each on its cycle date', async () => {
    const plain = await json(['simulate', '--fanout', '3', '--depth', '6']);
    const dated = await json(['simulate', '--fanout', '3', '--depth', '6', '--cycle', '30d', '--start-date', '2027-12-25']);
    expect(dated.rows.map((r: { new: number; total: number }) => [r.new, r.total])).toEqual(plain.rows.map((r: { new: number; total: number }) => [r.new, r.total]));
    expect(dated.rows.map((r: { date: string }) => r.date)).toEqual(['2027-12-25', '2028-01-24', '2028-02-23', '2028-03-24', '2028-04-23', '2028-05-23', '2028-06-22']);
    expect(dated.parameters.startDate).toBe('2027-12-25');
    // Fixed delay of 30 days: r = ln 3 / 30.
    expect(dated.calendar.growthRatePerDay).toBeCloseTo(Math.log(3) / 30, 14);
    expect(dated.calendar.doublingDays).toBeCloseTo((30 * Math.LN2) / Math.log(3), 12);
  });

  it("compound's output is unchanged by a start date; --cycle makes the rate per cycle, --years the horizon", async () => {
    const plain = await json(['compound']);
    const dated = await json(['compound', '--start-date', '2028-02-29']);
    expect(dated.rows.map((r: { total: number }) => r.total)).toEqual(plain.rows.map((r: { total: number }) => r.total));
    expect(dated.rows.map((r: { date: string }) => r.date).slice(0, 5)).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
    const monthly = await json(['compound', '--cycle', '1m', '--years', '2', '--start-date', '2027-01-31']);
    expect(monthly.rows).toHaveLength(25);
    expect(monthly.total).toBe(2 ** 24);
    expect(monthly.rows.slice(0, 4).map((r: { date: string; cycle: number }) => [r.cycle, r.date])).toEqual([
      [0, '2027-01-31'],
      [1, '2027-02-28'],
      [2, '2027-03-31'],
      [3, '2027-04-30'],
    ]);
    expect(monthly.rows.at(-1).date).toBe('2029-01-31');
  });

  it('--until sets the horizon by date, and a start date in the past works', async () => {
    const doc = await json(['simulate', '--fanout', '2', '--cycle', '1w', '--start-date', '2020-01-01', '--until', '2020-02-01']);
    // Weekly levels on or before 1 February: 1, 8, 15, 22 and 29 January.
    expect(doc.rows.map((r: { date: string }) => r.date)).toEqual(['2020-01-01', '2020-01-08', '2020-01-15', '2020-01-22', '2020-01-29']);
    expect(doc.total).toBe(31);
  });

  it('--by sums new fans by calendar period and keeps the total at its end, a quarter starting mid-quarter', async () => {
    const doc = await json(['simulate', '--fanout', '2', '--depth', '6', '--cycle', '1m', '--start-date', '2027-02-15', '--by', 'quarter']);
    expect(doc.rows).toEqual([
      { period: '2027-Q1', date: '2027-03-31', new: 3, total: 3 }, // 15 February and 15 March
      { period: '2027-Q2', date: '2027-06-30', new: 28, total: 31 },
      { period: '2027-Q3', date: '2027-08-15', new: 96, total: 127 }, // to 15 August, the 6th month
    ]);
  });

  it('money by calendar period: the sums of its cycles, the cumulative net at its last cycle', async () => {
    const flags = ['simulate', '--fanout', '3', '--depth', '6', '--cycle', '1m', '--start-date', '2027-02-15', '--value', '600', '--reward', '40', '--cost', '100', '--currency', 'EUR'];
    const levels = await json(flags);
    const quarters = await json([...flags, '--by', 'quarter']);
    // Levels 0-1 fall in Q1 (15 February, 15 March), 2-4 in Q2, 5-6 in Q3.
    const sum = (from: number, to: number, name: string) => levels.rows.slice(from, to + 1).reduce((a: number, r: Record<string, number>) => a + r[name]!, 0);
    for (const [i, [from, to]] of [[0, 1], [2, 4], [5, 6]].entries()) {
      for (const name of ['revenue', 'rewards', 'cost', 'net']) expect(quarters.rows[i][name]).toBe(sum(from!, to!, name));
      expect(quarters.rows[i].cumulativeNet).toBe(levels.rows[to!].cumulativeNet);
    }
    expect(quarters.money).toEqual(levels.money);
    // With --trials too: the same runs by level and by quarter, the quarter's flows the sums of its levels', its net percentiles and share paid back its last level's.
    const sampled = ['--trials', '500', '--seed', '2'];
    const runs = await json([...flags, ...sampled]);
    const byQuarter = await json([...flags, '--by', 'quarter', ...sampled]);
    for (const [i, [from, to]] of [[0, 1], [2, 4], [5, 6]].entries()) {
      for (const name of ['revenue', 'rewards', 'cost', 'net']) expect(byQuarter.rows[i][name]).toBeCloseTo(runs.rows.slice(from, to! + 1).reduce((a: number, r: Record<string, number>) => a + r[name]!, 0), 2);
      for (const name of ['cumulativeNet', 'net_p5', 'net_p95', 'paidBack']) expect(byQuarter.rows[i][name]).toBe(runs.rows[to!][name]);
    }
    // A row's fields in JSON stand in the order of the CSV's columns (`new` was last in JSON before); the CSV adds the seed, a constant.
    const header = (await fans([...flags, '--by', 'quarter', ...sampled, '--format', 'csv'])).stdout.split(/\r?\n/)[0]!.split(',');
    expect(Object.keys(byQuarter.rows[0])).toEqual(header.filter((name) => name !== 'seed'));
    expect(header.slice(0, 4)).toEqual(['period', 'date', 'new', 'mean']);
  });

  it('with a spread, the expected totals come from the renewal equation, and are the sampled means within 4 SE', async () => {
    const flags = ['simulate', '--fanout', '1.5', '--cycle', '30d', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2027-12-31'];
    const expected = await json(flags);
    expect(expected.rows).toHaveLength(12);
    expect(expected.rows[0]).toMatchObject({ period: '2027-01', date: '2027-01-31' });
    expect(expected.calendar.delay.stages).toBe(7);
    const sampled = await json([...flags, '--trials', '4000', '--seed', '3', '--quantiles', '50']);
    expect(sampled.rows).toHaveLength(12);
    // Same rows and dates; the model's own tests (test/model/calendar.test.ts) hold the means to 4 SE of the renewal.
    expect(sampled.rows.map((r: { date: string }) => r.date)).toEqual(expected.rows.map((r: { date: string }) => r.date));
    // The Monte Carlo rows have new fans too: the mean new fans of a period, the difference of the mean totals.
    expect(sampled.rows[3].new).toBeCloseTo(sampled.rows[3].mean - sampled.rows[2].mean, 9);
    const last = sampled.rows.at(-1);
    // A Poisson Galton-Watson total by day 364 (about 12 generations of K = 1.5) has sd near its mean: 4,000 runs put the mean within 6%.
    expect(Math.abs(last.mean - expected.total) / expected.total).toBeLessThan(0.06);
    // Galton-Watson: q = exp(1.5 (q - 1)); by day 364 (about 12 generations) nearly every chain that dies has died.
    let q = 0;
    for (let i = 0; i < 200; i++) q = Math.exp(1.5 * (q - 1));
    expect(sampled.extinction.theory).toBeCloseTo(q, 10);
    expect(Math.abs(sampled.extinction.estimate - q)).toBeLessThan(4 * sampled.extinction.standardError);
  });

  it('churn with a spread (issue #28): churn per cycle as a daily hazard, a lost column, the rate less -ln(1 - h), sampled means within 4 SE', async () => {
    const flags = ['compound', '--rate', '0.5', '--churn', '20%', '--cycle', '1y', '--cycle-spread', '3m', '--start', '100', '--start-date', '2027-01-01', '--until', '2030-12-31', '--by', 'year'];
    const expected = await json(flags);
    expect(expected.rows.map((r: { period: string }) => r.period)).toEqual(['2027', '2028', '2029', '2030']);
    // A share 20% leaves over a year of 365.2425 days: the daily chance h with (1 - h)^365.2425 = 0.8.
    const h = -Math.expm1(Math.log(0.8) / 365.2425);
    // Customers are those who came, less those who left: each row's total = the previous total + new - lost.
    expected.rows.slice(1).forEach((r: { new: number; lost: number; total: number }, i: number) => expect(r.total).toBeCloseTo(expected.rows[i].total + r.new - r.lost, 8));
    expect(expected.rows[0].lost).toBeGreaterThan(0);
    // The rate: with churn, (1 + K) E[e^(-(r + λ)T)] = 1, λ = -ln(1 - h): the Pascal closed form for 1 + K, less λ.
    const d = expected.calendar.delay;
    expect(expected.calendar.growthRatePerDay).toBeCloseTo(Math.log1p(d.dailyChance * (1.5 ** (1 / d.stages) - 1)) + Math.log1p(-h), 14);
    const sampled = await json([...flags, '--trials', '3000', '--seed', '4', '--quantiles', '5,95']);
    const se = (row: { p5: number; p95: number }) => (row.p95 - row.p5) / (2 * 1.645) / Math.sqrt(3000);
    sampled.rows.forEach((r: { mean: number; p5: number; p95: number; new: number; lost: number }, i: number) => {
      expect(Math.abs(r.mean - expected.rows[i].total)).toBeLessThan(4 * se(r) + 1e-9);
      expect(Math.abs(r.lost - expected.rows[i].lost)).toBeLessThan(0.05 * expected.rows[i].lost + 4);
    });
    // And the goal by date counts the same customers: churn makes the date later than without (growth 0.11% a day without it, 0.05% with it).
    const goal = ['goal', '300', '--by-date', '--rate', '0.5', '--cycle', '1y', '--cycle-spread', '3m', '--start', '100', '--start-date', '2027-01-01', '--until', '2040-01-01', '--format', 'json'];
    const withChurn = JSON.parse((await fans([...goal, '--churn', '20%'])).stdout);
    const without = JSON.parse((await fans(goal)).stdout);
    expect([without.byDate, withChurn.byDate]).toEqual(["2030-02-12", expect.stringMatching(/^2033-/)]);
  });

  it('gives the same runs on one thread or two (a block of runs is drawn from its own stream)', async () => {
    const args = ['compound', '--rate', '0.3', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2027-12-31', '--trials', '3000', '--seed', '9', '--by', 'quarter'];
    const one = await json([...args, '--threads', '1']);
    const two = await json([...args, '--threads', '2']);
    expect(two.rows).toEqual(one.rows);
  });

  it('says the delay, the growth rate and the doubling time, in Dutch too', async () => {
    const args = ['compound', '--rate', '0.2', '--cycle', '1m', '--cycle-spread', '2w', '--start-date', '2027-01-01', '--until', '2027-06-30'];
    const en = await fans(args, { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(en.stdout).toContain('From 2027-01-01 to 2027-06-30');
    expect(en.stdout).toMatch(/Referrals come 30\.4 days after a fan joins on average, give or take 1\d\.\d days \(a Pascal delay of \d stages\)/);
    expect(en.stdout).toMatch(/new fans double every \d+\.\d days/);
    const nl = await fans([...args, '--lang', 'nl', '--locale', 'nl-NL']);
    expect(nl.stdout).toContain('Groeitempo');
    expect(nl.stdout).toContain('periode');
  });

  it('gives the halving time when K < 1', async () => {
    const doc = await json(['simulate', '--fanout', '0.8', '--cycle', '10d', '--cycle-spread', '5d', '--start-date', '2027-01-01', '--until', '2027-03-31']);
    const delay = doc.calendar.delay;
    // The Pascal closed form: r = ln(1 + q (K^(1/k) - 1)) < 0.
    const r = Math.log1p(delay.dailyChance * (0.8 ** (1 / delay.stages) - 1));
    expect(doc.calendar.growthRatePerDay).toBeCloseTo(r, 14);
    expect(doc.calendar.halvingDays).toBeCloseTo(Math.LN2 / -r, 10);
    expect(doc.calendar.doublingDays).toBeNull();
    expect((await fans(['simulate', '--fanout', '0.8', '--cycle', '10d', '--cycle-spread', '5d', '--start-date', '2027-01-01', '--until', '2027-03-31'])).stdout).toMatch(/new fans halve every \d+\.\d days/);
  });

  it('starts today without --start-date, and says so (SOURCE_DATE_EPOCH for a fixed today)', async () => {
    const doc = await json(['simulate', '--cycle', '30d'], { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 5, 1) / 1000) });
    expect(doc.parameters.startDate).toBe('2027-06-01');
    expect(doc.rows[1].date).toBe('2027-07-01');
  });

  it("the HTML report's method says how the figures were put on dates", async () => {
    const spread = (await fans(['simulate', '--fanout', '2', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2027-12-31', '--format', 'html'])).stdout;
    expect(spread).toContain('expected new fans per day come from the renewal equation');
    const cycles = (await fans(['simulate', '--cycle', '1m', '--start-date', '2027-01-01', '--format', 'html', '--lang', 'nl'])).stdout;
    expect(cycles).toContain('Op de kalender: elk niveau of elke cyclus valt op de startdatum');
    expect((await fans(['simulate', '--format', 'html'])).stdout).not.toContain('On the calendar');
  });

  it('puts dates on the chart axis', async () => {
    const svg = (await fans(['simulate', '--fanout', '2', '--depth', '6', '--cycle', '1m', '--start-date', '2027-02-15', '--by', 'quarter', '--format', 'svg'])).stdout;
    expect(svg).toContain('>2027-Q1<');
    expect(svg).toContain('>2027-Q3<');
    const terminal = (await fans(['simulate', '--cycle', '30d', '--start-date', '2027-01-01', '--chart'])).stdout;
    expect(terminal).toContain('2027-01-01');
  });
});

describe('sampled runs with a spread, by period: new and lost', () => {
  it('are whole counts over the runs, divided once (no rounding noise such as 3.8679999999999986), and add up to the mean total', async () => {
    const trials = 500;
    const ran = await fans(['compound', '--rate', '0.4', '--churn', '10%', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2029-01-01', '--by', 'quarter', '--trials', String(trials), '--seed', '1', '--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    const rows = JSON.parse(ran.stdout).rows as { new: number; lost: number; mean: number }[];
    let total = 0;
    for (const row of rows) {
      // A mean of whole counts over 500 runs has at most three decimals, and is written so.
      for (const value of [row.new, row.lost]) {
        expect(Number.isInteger(Math.round(value * trials * 1e6) / 1e6)).toBe(true);
        expect(String(value)).toMatch(/^\d+(\.\d{1,3})?$/);
      }
      total += row.new - row.lost;
      expect(Math.abs(total - row.mean)).toBeLessThan(1e-9 * Math.max(1, row.mean));
    }
    expect(rows.some((row) => row.lost > 0)).toBe(true);
  });

  it('runs by cycle gathered into periods (no spread) too: each new is what the mean total gained, without noise such as 197.30999999999997', async () => {
    const trials = 500;
    const ran = await fans(['compound', '--rate', '0.4', '--cycle', '1m', '--start-date', '2027-01-01', '--years', '2', '--by', 'quarter', '--trials', String(trials), '--seed', '1', '--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    const rows = JSON.parse(ran.stdout).rows as { new: number; mean: number }[];
    let total = 0;
    for (const row of rows) {
      expect(String(row.new)).toMatch(/^\d+(\.\d{1,3})?$/);
      total += row.new;
      expect(Math.abs(total - row.mean)).toBeLessThan(1e-9 * Math.max(1, row.mean));
    }
  });
});

describe('dates as the locale writes them (#32)', () => {
  const startOf = async (args: string[], env?: Record<string, string>) => JSON.parse((await fans(['simulate', '--cycle', '1m', ...args, '--format', 'json'], env ? { env } : {})).stdout).parameters.startDate;
  it('day first under nl-NL (01-02-2027 is 1 February), month first under en-US (2/1/2027 too), ISO everywhere', async () => {
    expect(await startOf(['--start-date', '01-02-2027', '--locale', 'nl-NL'])).toBe('2027-02-01');
    expect(await startOf(['--start-date', '1-2-2027', '--locale', 'nl_NL', '--lang', 'NL'])).toBe('2027-02-01');
    expect(await startOf(['--start-date', '1.2.2027', '--locale', 'de-DE'])).toBe('2027-02-01');
    expect(await startOf(['--start-date', '2/1/2027', '--locale', 'en-US'])).toBe('2027-02-01');
    expect(await startOf(['--start-date', '01-02-2027'], { LC_ALL: 'nl_NL.UTF-8' })).toBe('2027-02-01');
    expect(await startOf(['--start-date', '2027-02-01', '--locale', 'nl-NL'])).toBe('2027-02-01');
    const deadline = JSON.parse((await fans(['goal', '200', '--by-date', '--fanout', '2', '--cycle', '1m', '--start-date', '1-1-2027', '--until', '31-12-2029', '--trials', '200', '--seed', '1', '--deadline', '30-6-2028', '--locale', 'nl-NL', '--format', 'json'])).stdout);
    expect(deadline.deadline.date).toBe('2028-06-30');
  });
  it('refuses a two-digit year and a day that does not exist, naming the flag', async () => {
    expectUsageError(await fans(['simulate', '--cycle', '1m', '--start-date', '1-2-27', '--locale', 'nl-NL']), /^fans: --start-date must be a date written YYYY-MM-DD, such as 2027-01-31, or as nl-NL writes it \(31-01-2027\) \(got "1-2-27"\)$/);
    expectUsageError(await fans(['simulate', '--cycle', '1m', '--start-date', '31-02-2027', '--locale', 'nl-NL']), /^fans: --start-date is no date: February 2027 has 28 days/);
  });
});

describe('fans goal --by-date', () => {
  it('a target the starting fans already meet is said so: reached on the first day, in English and Dutch, expected and sampled', async () => {
    const goal = ['goal', '100', '--by-date', '--start', '200', '--rate', '0.5', '--cycle', '1y', '--start-date', '2027-01-01', '--format', 'csv'];
    const en = await fans([...goal.slice(0, -2)]);
    expect(en.stdout).toContain('200 fans at the start already meet the target of 100: it is reached on the first day, 2027-01-01.');
    expect(en.stdout).not.toContain('The expected total reaches');
    const nl = await fans([...goal.slice(0, -2), '--trials', '50', '--seed', '1', '--lang', 'nl']);
    expect(nl.stdout).toContain('200 fans bij de start halen het doel van 100 al: het is gehaald op de eerste dag, 1 januari 2027.');
    // One fan more than the start is not met on the first day: the usual sentence.
    const later = await fans(['goal', '201', '--by-date', '--start', '200', '--rate', '0.5', '--cycle', '1y', '--start-date', '2027-01-01']);
    expect(later.stdout).toContain('The expected total reaches 201 on 2028-01-01 (300).');
    expect(later.stdout).not.toContain('at the start already');
  });

  it('answers the date the expected total reaches the target', async () => {
    const doc = await json(['goal', '1000', '--by-date', '--fanout', '10', '--cycle', '30d', '--start-date', '2027-01-01']);
    // Level 3 (1,111) is 90 days on.
    expect(doc).toMatchObject({ byDate: '2027-04-01', total: 1111 });
  });

  it('draws the expected totals on dates with the target line', async () => {
    const svg = (await fans(['goal', '1000', '--by-date', '--fanout', '10', '--cycle', '30d', '--start-date', '2027-01-01', '--format', 'svg'])).stdout;
    // Ten years of 30-day cycles (the default horizon), the target reached on the fourth.
    expect(svg).toContain('>2027-01-01<');
    expect(svg).toMatch(/<g class="reached">.*reached at date 2027-04-01<\/text><\/g>/);
  });

  it('with --trials, the percentiles of the date and the chance by a deadline', async () => {
    const args = ['goal', '200', '--by-date', '--fanout', '2', '--cycle', '1m', '--cycle-spread', '2w', '--start-date', '2027-01-01', '--until', '2029-12-31', '--trials', '2000', '--seed', '4'];
    const doc = await json([...args, '--deadline', '2028-06-30']);
    const { p5, p50, p95 } = doc.dates;
    expect(p5 < p50).toBe(true);
    expect(p95 === null || p50 < p95).toBe(true);
    // The share by the deadline lies between the percentiles it falls between.
    expect(doc.deadline.share).toBeGreaterThan(0.05);
    expect(doc.deadline.share).toBeLessThanOrEqual(doc.reachedShare);
    // The same runs, the same answer.
    expect(await json([...args, '--deadline', '2028-06-30'])).toEqual(doc);
  });

  it('says a percentile past the horizon in the reader\'s words in a table, and leaves it empty for a spreadsheet', async () => {
    // K = 1.5 (Poisson): about 42% of chains die out, so p95 of the date is never reached.
    const args = ['goal', '1000', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2029-12-31', '--trials', '1000', '--seed', '3'];
    const doc = await json(args);
    expect(doc.reachedShare).toBeLessThan(0.95);
    expect(doc.dates.p95).toBeNull();
    expect(doc.dates.p5).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const csv = (await fans([...args, '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('percentile,date,seed');
    expect(csv[3]).toBe('p95,,3');
    const english = (await fans(args, { env: { NO_COLOR: '1' } })).stdout;
    expect(english).toMatch(/│\s+p95 │ after 2029-12-31 │/);
    const dutch = (await fans([...args, '--lang', 'nl'], { env: { NO_COLOR: '1' } })).stdout;
    expect(dutch).toMatch(/│ percentiel │ +datum │/);
    expect(dutch).toMatch(/│\s+p95 │ na 2029-12-31 │/);
    expect(dutch).not.toMatch(/after|percentile /);
  });
});

describe('bad calendar input', () => {
  it.each([
    [['simulate', '--cycle', '30d', '--start-date', '2027-02-30'], /^fans: --start-date is no date: February 2027 has 28 days \(got "2027-02-30"\)$/],
    [['simulate', '--cycle', '30d', '--start-date', '27-1-1'], /^fans: --start-date must be a date written YYYY-MM-DD/],
    [['simulate', '--cycle-spread', '10d'], /^fans: --cycle-spread needs --cycle/],
    [['goal', '1e3', '--fanout', '0', '--by-date'], /^fans: --by-date needs --cycle with the tree model/],
    [['simulate', '--cycle', '30d', '--cycle-spread', '90d'], /^fans: --cycle-spread 90d is more than a 30d cycle can spread: at most 30d/],
    [['simulate', '--cycle', '30d', '--by', 'hour'], /^fans: --by must be one of day, week, month, quarter, year; a day is the finest/],
    [['simulate', '--cycle', '30d', '--by', 'day', '--start-date', '2027-01-01', '--until', '2099-01-01'], /^fans: --until makes 26,299 rows by day/],
    [['simulate', '--cycle', '30d', '--start-date', '2027-01-01', '--until', '2026-01-01'], /^fans: --until 2026-01-01 is before the start date, 2027-01-01$/],
    [['simulate', '--cycle', '30d', '--depth', '3', '--until', '2028-01-01'], /^fans: --until and --depth both set how long the run is/],
    [['simulate', '--paid', '5', '--cycle-spread', '2w', '--cycle', '1m'], /^fans: --paid buys fans every cycle; with --cycle-spread there are no cycles/],
    [['goal', '1e6', '--by-date', '--fanout', '2', '--paid', '5', '--cycle-spread', '2w', '--cycle', '1m'], /^fans: --paid buys fans every cycle; with --cycle-spread there are no cycles/],
    [['goal', '1000', '--fanout', '10', '--deadline', '2028-01-01'], /^fans: --deadline goes with --by-date/],
    [['goal', '--by-date', '--fanout', '10', '--cycle', '30d', '--max-reward', '--value', '600'], /^fans: --max-reward finds a reward, not a date/],
    [['goal', '1000', '--by-date', '--fanout', '10', '--cycle', '30d', '--deadline', '2028-01-01', '--start-date', '2027-01-01'], /^fans: --deadline gives the chance .* add --trials N$/],
  ])('%j', async (args, message) => {
    expectUsageError(await fans(args), message);
  });
});

describe('fans compare on one time axis', () => {
  const file = (scenarios: object[]) => JSON.stringify({ scenarios });

  it('lines scenarios up on dates: each total at its last cycle on or before the date, empty outside its run', async () => {
    const stdin = file([
      { name: 'monthly tree', command: 'simulate', fanout: 2, depth: 4, cycle: '1m', startDate: '2027-01-01' },
      { name: 'quarterly compound', command: 'compound', rate: 1, years: 1, cycle: '3m', startDate: '2027-02-01' },
      { name: 'yearly', command: 'compound', rate: 1, years: 1, startDate: '2027-01-01' },
    ]);
    const doc = JSON.parse((await fans(['compare', '-', '--format', 'json'], { stdin })).stdout);
    const column = (name: string) => doc.rows.map((r: Record<string, unknown>) => r[name]);
    expect(column('date')).toEqual(['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01', '2027-08-01', '2027-11-01', '2028-01-01', '2028-02-01']);
    expect(column('monthly tree')).toEqual([1, 3, 7, 15, 31, null, null, null, null]);
    // Quarterly cycles from 1 February: 2, 4, 8, 16 on 1 May, 1 August, 1 November, 1 February.
    expect(column('quarterly compound')).toEqual([null, 1, 1, 1, 2, 4, 8, 8, 16]);
    expect(column('yearly')).toEqual([1, 1, 1, 1, 1, 1, 1, 2, null]);
    // Nine dates, 2027-01-01 to 2028-02-01, unevenly spaced: labelled at quarters, each placed
    // where it falls between the dates about it (1 July: 61 of the 92 days from 1 May to 1 August).
    const chart = (await fans(['compare', '-', '--format', 'svg'], { stdin })).stdout;
    const labels = [...chart.split('<g class="x-labels"')[1]!.split('</g>')[0]!.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => [Number(m[1]), m[2]] as const);
    expect(labels.map(([, text]) => text)).toEqual(['2027', 'Apr', 'Jul', 'Oct', '2028']);
    const plot = chart.match(/data-left="([\d.]+)" data-right="([\d.]+)"/)!;
    const [left, right] = [Number(plot[1]), Number(plot[2])];
    const at = (x: number) => ((x - left) / (right - left)) * 8;
    expect(at(labels[1]![0])).toBeCloseTo(3, 1);
    expect(at(labels[2]![0])).toBeCloseTo(4 + 61 / 92, 1);
  });

  it('gives a scenario with amounts its cumulative net on the dates too, in the column compare names "<name> net"', async () => {
    const stdin = file([
      { name: 'tree', command: 'simulate', fanout: 2, depth: 3, cycle: '1m', startDate: '2027-01-01', value: 100 },
      { name: 'yearly', command: 'compound', rate: 1, years: 1, startDate: '2027-01-01' },
    ]);
    const doc = JSON.parse((await fans(['compare', '-', '--format', 'json'], { stdin })).stdout);
    expect(Object.keys(doc.rows[0])).toEqual(['date', 'tree', 'yearly', 'tree net']);
    // Worth 100 a new fan, no rewards or cost: 100 x (2^(L+1) - 2) by level L, nothing after the tree's last cycle.
    expect(doc.rows.map((r: Record<string, unknown>) => r['tree net'])).toEqual([0, 200, 600, 1400, null]);
  });

  it('refuses a tree without a cycle beside dated scenarios, naming it; a file without cycles keeps its steps and years', async () => {
    const stdin = file([
      { name: 'plain tree', command: 'simulate' },
      { name: 'monthly', command: 'compound', cycle: '1m' },
    ]);
    expectUsageError(await fans(['compare', '-'], { stdin }), /^fans: <stdin>: scenarios\[0\] \("plain tree"\) has no "cycle"/);
    const badDate = file([{ name: 'tree', command: 'simulate', cycle: '30d', startDate: '2027-02-30' }]);
    expectUsageError(await fans(['compare', '-'], { stdin: badDate }), /^fans: <stdin>: scenarios\[0\] \("tree"\): startDate is no date: February 2027 has 28 days \(got "2027-02-30"\)$/);
    const article = await fans(['compare', '-', '--chart'], { stdin: file([{ name: 'tree', command: 'simulate' }, { name: 'years', command: 'compound' }]) });
    expect(article.stdout).toContain('level / year');
    expect(article.stdout.split('\n')[1]).toMatch(/│\s+period\s+│/);
  });
});
