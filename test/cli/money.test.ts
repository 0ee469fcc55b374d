import { describe, expect, it } from 'vitest';
import { expectUsageError, fans } from './harness.js';

const json = async (args: string[], options = {}) => {
  const ran = await fans([...args, '--format', 'json'], options);
  expect(ran.stderr).toBe('');
  return JSON.parse(ran.stdout);
};

describe('money on the command line', () => {
  it('revenue, rewards, cost, net and cumulative net per period; the summary in JSON', async () => {
    const doc = await json(['compound', '--years', '2', '--value', '600', '--reward', '40', '--cost', '100']);
    expect(doc.rows.map((r: Record<string, number>) => [r.revenue, r.rewards, r.cost, r.net, r.cumulativeNet])).toEqual([
      [0, 0, 0, 0, 0],
      [600, 40, 100, 460, 460],
      [1200, 80, 100, 1020, 1480],
    ]);
    expect(doc.money).toMatchObject({ currency: 'USD', revenue: 1800, spend: 320, net: 1480, payback: 1, valueOfOneFan: 1800 });
    expect(doc.money.return).toBeCloseTo(1480 / 320, 12);
    // Break-even: (1800 - 200) / 3 referred fans = 533.33..., a whole cent down.
    expect(doc.money.breakEvenReward).toBe(533.33);
  });

  it("money past what a double holds is the report's refusal: one line naming the horizon, exit 2, nothing on stdout", async () => {
    // 9.5^300 (about 1.9e293) fans times 9e15 cents passes 1.8e308: report/money.ts refuses it (model/refusal.ts), the CLI says it.
    const args = ['compound', '--rate', '8.5', '--years', '300', '--value', '90000000000000'];
    expectUsageError(await fans([...args, '--format', 'json']), /^fans: the money of this run passes what a double holds \(1\.8e308 cents\): shorten --years, or use smaller amounts$/);
    // One year less, the same money fits: the refusal is the double's, not the flags'.
    expect((await fans(['compound', '--rate', '8.5', '--years', '290', '--value', '90000000000000', '--format', 'json'])).code).toBe(0);
  });

  it('exact where the counts are: JSON and CSV carry every digit of the cents', async () => {
    const ran = await fans(['compound', '--years', '100', '--value', '0.01', '--format', 'json']);
    const expected = 2n ** 100n - 1n; // fans who joined after the first, in cents
    expect(ran.stdout).toContain(`"cumulativeNet": ${expected / 100n}.${(expected % 100n).toString().padStart(2, '0')}`);
    const csv = (await fans(['simulate', '--fanout', '3', '--depth', '1', '--value', '0.10', '--format', 'csv'])).stdout;
    expect(csv.split('\r\n')[2]).toBe('1,3,4,0.30,0.00,0.00,0.30,0.30');
  });

  it('the effective acquisition cost and the fans a bought fan becomes (K = 0.7, CAC 100, reward 20)', async () => {
    const doc = await json(['simulate', '--fanout', '0.7', '--depth', '5', '--value', '50', '--reward', '20', '--cac', '100']);
    expect(doc.money.effectiveAcquisitionCost).toBe(44);
    expect(doc.money.fansPerBoughtFan).toBeCloseTo(10 / 3, 12);
    const table = (await fans(['simulate', '--fanout', '0.7', '--depth', '5', '--value', '50', '--reward', '20', '--cac', '100'])).stdout;
    expect(table).toContain('With referrals a customer costs $44.00 instead of $100.00 through paid channels: each bought customer becomes 3.33 customers in the end.');
  });

  it('--paid fans are bought every period, refer like the others, and cost --cac each', async () => {
    const doc = await json(['simulate', '--fanout', '2', '--depth', '2', '--paid', '5', '--value', '10', '--cac', '3']);
    // levels: 1; 1*2 + 5 = 7; 7*2 + 5 = 19
    expect(doc.rows.map((r: { new: number }) => r.new)).toEqual([1, 7, 19]);
    expect(doc.parameters.paid).toBe(5);
    expect(doc.rows[1]).toMatchObject({ revenue: 70, cost: 15, net: 55 });
  });

  it('a currency from the locale, formatted by it; amounts written the locale way, with its symbol', async () => {
    const ran = await fans(['simulate', '--depth', '1', '--value', '€ 1.500,00', '--reward', '50', '--locale', 'nl-NL', '--lang', 'nl']);
    expect(ran.stderr).toBe('');
    // Intl writes a no-break space between the euro sign and the amount.
    expect(ran.stdout).toContain('€\u00a015.000,00');
    expect(ran.stdout).toContain('Geld: omzet €\u00a015.000,00');
    const doc = await json(['simulate', '--depth', '1', '--value', '1500', '--currency', 'jpy']);
    expect(doc.money).toMatchObject({ currency: 'JPY', revenue: 15000 });
    expect((await fans(['simulate', '--depth', '1', '--value', '1500', '--currency', 'JPY'])).stdout).toMatch(/¥15,000/);
  });

  it('xlsx and CSV: amounts as numbers (a decimal comma under nl-NL)', async () => {
    const csv = (await fans(['simulate', '--depth', '1', '--value', '2.5', '--format', 'csv', '--locale', 'nl-NL'])).stdout;
    expect(csv.split('\r\n')[2]).toBe('1;10;11;25,00;0,00;0,00;25,00;25,00');
  });

  it('sampled runs: expected money per period and the cumulative net at each percentile', async () => {
    const doc = await json(['simulate', '--trials', '3000', '--seed', '4', '--fanout', '2', '--depth', '3', '--value', '10', '--reward', '2']);
    const last = doc.rows.at(-1);
    expect(Object.keys(last)).toEqual(expect.arrayContaining(['revenue', 'cumulativeNet', 'net_p5', 'net_p50', 'net_p95']));
    // The net at a percentile is (value - reward) x (total - start) at that percentile of the total.
    expect(last.net_p50).toBeCloseTo(8 * (last.p50 - 1), 6);
    expect(last.net_p95).toBeCloseTo(8 * (last.p95 - 1), 6);
  });

  it('sampled runs: the expected money is exact where theory has the expected totals, the same as without --trials and as the value of one raving fan', async () => {
    for (const [model, law] of [
      [['simulate', '--fanout', '2', '--depth', '8'], ['--distribution', 'negbin', '--dispersion', '0.4']],
      [['compound', '--rate', '0.5', '--years', '6'], []],
      [['simulate', '--fanout', '3', '--conversion', '30%', '--nonreferrers', '20%', '--depth', '5'], []],
    ]) {
      const amounts = ['--value', '250', '--reward', '25', '--cost', '100'];
      const exact = await json([...model!, ...amounts]);
      const sampled = await json([...model!, ...law!, ...amounts, '--trials', '2000', '--seed', '4']);
      // Theory: value x (E[total] - start), E[total] the geometric series sum 2^0 + ... + 2^8 = 511 for the first.
      if (model![2] === '2') expect(sampled.money.revenue).toBe(250 * 510);
      for (const key of ['revenue', 'spend', 'net', 'valueOfOneFan']) expect(sampled.money[key], `${model!.join(' ')}: ${key}`).toBeCloseTo(exact.money[key], 2);
      expect(sampled.rows.map((r: { cumulativeNet: number }) => r.cumulativeNet)).toEqual(exact.rows.map((r: { cumulativeNet: number }) => expect.closeTo(r.cumulativeNet, 2)));
      // The runs' own mean is an estimate beside it, not the same number.
      expect(sampled.rows.at(-1).mean).not.toBe(sampled.rows.at(-1).meanTheory);
    }
    // With a market theory has no expected totals: the money follows the runs' means.
    const market = await json(['simulate', '--fanout', '3', '--depth', '5', '--market', '200', '--value', '10', '--trials', '2000', '--seed', '4']);
    expect(market.money.revenue).toBeCloseTo(10 * (market.rows.at(-1).mean - 1), 2);
  });
});

describe('money: bad input, one line, exit 2', () => {
  it.each([
    ['a negative amount', ['simulate', '--value', '-5'], /^fans: --value must be an amount from 0 to 1e\+15/],
    ['an amount past 1e15', ['simulate', '--cost', '2e15'], /^fans: --cost must be an amount from 0 to 1e\+15/],
    ['a reward with nobody referred (fanout 0)', ['simulate', '--fanout', '0', '--reward', '5'], /^fans: --reward pays for referred fans, and with K = 0 nobody is referred$/],
    ['a referee reward at depth 0', ['simulate', '--depth', '0', '--referee-reward', '5'], /^fans: --referee-reward pays for referred fans, and with --depth 0 nobody is referred$/],
    ['an unknown currency', ['simulate', '--value', '5', '--currency', 'EUX'], /^fans: --currency must be an ISO 4217 currency code this system knows, such as EUR, USD or GBP \(got "EUX"\)$/],
    ['another currency\'s symbol', ['simulate', '--value', '$500', '--currency', 'EUR'], /^fans: --value is written in another currency than EUR \("\$"\): write the amount in EUR, or set --currency$/],
    ['more decimals than the currency has', ['simulate', '--value', '12.3456', '--currency', 'EUR'], /^fans: --value has more decimals than EUR has \(2\)/],
    ['a decimal amount in yen', ['simulate', '--value', '12.5', '--currency', 'JPY'], /^fans: --value has more decimals than JPY has \(0\)/],
    ['a Dutch amount under en-US', ['simulate', '--value', '1.500,00'], /^fans: --value reads as 1500 only with a decimal comma, which en-US does not use/],
    // An amount reads a mark before three digits as thousands where the locale groups with it (1.500 is € 1.500 under nl-NL), else both readings.
    ['an ambiguous 1.500 under en-US', ['simulate', '--value', '1.500'], /^fans: --value could be 1500 \(dot between thousands\) or 1\.5 \(dot as decimal mark\), and en-US does not say which/],
    ['an ambiguous 1,500 under nl-NL', ['simulate', '--value', '1,500', '--locale', 'nl-NL'], /^fans: --value could be 1500 \(comma between thousands\) or 1\.5/],
    ['--currency alone', ['simulate', '--currency', 'EUR'], /^fans: --currency names the currency of --value, --reward, --referee-reward, --cost or --cac: give one of them$/],
    ['money with --trials, --paid and a market', ['compound', '--paid', '2', '--market', '100', '--trials', '10', '--value', '5'], /^fans: money with --trials and --paid needs no --market/],
  ])('%s', async (_, args, message) => {
    expectUsageError(await fans(args as string[]), message as RegExp);
  });
});

describe('money targets for fans goal, and money in scenario files', () => {
  it('--net with --fanout: the smallest depth whose cumulative net reaches it (checked level by level)', async () => {
    const doc = await json(['goal', '--net', '10000', '--fanout', '3', '--value', '100', '--reward', '10', '--cost', '50']);
    expect(doc).toMatchObject({ command: 'goal', solvedFor: 'depth', value: 4, reachable: true, target: { net: 10000 } });
    const nets = doc.rows.map((r: { cumulativeNet: number }) => r.cumulativeNet);
    expect(nets.at(-1)).toBeGreaterThanOrEqual(10000);
    expect(nets.at(-2)).toBeLessThan(10000);
  });

  it('--net with --depth: the smallest fanout (bisection), whose money reaches it and a hair less does not', async () => {
    const doc = await json(['goal', '--net', '10000', '--depth', '4', '--value', '100', '--reward', '10']);
    expect(doc.solvedFor).toBe('fanout');
    const net = async (fanout: number) => (await json(['simulate', '--fanout', String(fanout), '--depth', '4', '--value', '100', '--reward', '10'])).money.net;
    expect(await net(doc.value)).toBeGreaterThanOrEqual(10000 - 1e-6);
    expect(await net(doc.value * (1 - 1e-6))).toBeLessThan(10000);
  });

  it('--revenue with --rate, --max-reward with a whole scenario', async () => {
    const years = await json(['goal', '--revenue', '5000', '--rate', '1', '--value', '100']);
    // Revenue by year t: 100 x (2^t - 1): 6,300 in year 6 is the first at 5,000 or more.
    expect(years).toMatchObject({ solvedFor: 'years', value: 6 });
    const reward = await json(['goal', '--max-reward', '--fanout', '2', '--depth', '3', '--value', '100', '--cost', '140']);
    // 14 referred fans bring 1,400 against 420 of cost: (1,400 - 420) / 14 = 70.
    expect(reward).toMatchObject({ target: 'maxReward', value: 70, reachable: true });
  });

  it('a count goal with money flags shows the money of its scenario', async () => {
    const doc = await json(['goal', '1000', '--fanout', '10', '--value', '5']);
    expect(doc).toMatchObject({ command: 'goal', value: 3, money: { revenue: 5550 } });
  });

  it('money targets refuse what does not go together', async () => {
    expectUsageError(await fans(['goal', '--net', '100', '--fanout', '2']), /^fans: --net needs --value, what one new fan is worth$/);
    expectUsageError(await fans(['goal', '5', '--net', '100', '--fanout', '2', '--value', '1']), /^fans: a target count \("5"\) and a money target given together: give one$/);
    expectUsageError(await fans(['goal', '--net', '100', '--depth', '2', '--value', '1', '--reward', '5']), /^fans: each referred fan costs more in rewards than it is worth/);
    expectUsageError(await fans(['goal', '--max-reward', '--fanout', '2', '--value', '1']), /^fans: --max-reward takes a whole scenario/);
  });

  it('scenario files: money fields per scenario, a cumulative net column each, one currency', async () => {
    const file = JSON.stringify({ scenarios: [{ name: 'paid', command: 'simulate', fanout: 2, depth: 2, value: '50', reward: 5 }, { name: 'plain', command: 'compound', years: 2 }] });
    const doc = await json(['compare', '-'], { stdin: file });
    expect(doc.rows.map((r: Record<string, number>) => r['paid net'])).toEqual([0, 90, 270]);
    expect(doc.scenarios[0]).toMatchObject({ net: 270, currency: 'USD' });
    const mixed = JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate', value: 5, currency: 'EUR' }, { name: 'b', command: 'simulate', value: 5, currency: 'USD' }] });
    expectUsageError(await fans(['compare', '-'], { stdin: mixed }), /^fans: <stdin>: scenarios give amounts in EUR and USD: one file compares one currency/);
    const bad = JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate', value: -5 }] });
    expectUsageError(await fans(['compare', '-'], { stdin: bad }), /^fans: <stdin>: scenarios\[0\]\.value: must be an amount/);
  });
});

describe('bought fans in sampled runs', () => {
  it('leave out theory, which knows no bought fans, and match the expected model on average', async () => {
    const doc = await json(['simulate', '--trials', '20000', '--seed', '6', '--fanout', '0.8', '--depth', '4', '--paid', '2']);
    expect(Object.keys(doc.rows[0])).not.toContain('meanTheory');
    expect(doc.extinction.theory).toBeNull();
    const expected = await json(['simulate', '--fanout', '0.8', '--depth', '4', '--paid', '2']);
    // 1, 2.8, 4.24, 5.392, 6.3136 new a level: total 19.7536. Tolerance 0.17: 4 standard errors of 20,000 runs for a
    // total whose sd is at most 6 (Poisson sums of these sizes: the variance is at most about the mean, 20, plus the spread of 2 x 4 bought chains).
    expect(Math.abs(doc.rows.at(-1).mean - expected.total)).toBeLessThan(4 * (6 / Math.sqrt(20000)));
  });
});

describe('money past what a double holds', () => {
  it('is refused in one line, and one fan\'s tree past a double leaves out only its value', async () => {
    expectUsageError(await fans(['compound', '--rate', '999', '--conversion', '0.5', '--years', '110', '--value', '9e13']), /^fans: the money of this run passes what a double holds \(1\.8e308 cents\): shorten --years, or use smaller amounts$/);
    const doc = await json(['simulate', '--start', '0', '--fanout', '1000000', '--depth', '5000', '--conversion', '99.9999%', '--market', '1', '--value', '1']);
    expect(doc.money.valueOfOneFan).toBeNull();
  });
});

describe('exact money past what a double holds', () => {
  it('tables and sentences shorten amounts past 15 digits as they do counts (never ∞ or NaN); JSON keeps every digit', async () => {
    const args = ['compound', '--years', '2000', '--value', '1'];
    const table = (await fans(args)).stdout;
    expect(table).not.toMatch(/NaN|∞|undefined/);
    expect(table).toMatch(/Money: revenue \$1\.14813E602, spent \$0\.00 on rewards and costs, net \$1\.14813E602\./);
    expect(table).toContain('Figures past 15 digits are shortened here');
    // 2^2000 - 1 new fans at $1.00: exact in JSON.
    expect((await fans([...args, '--format', 'json'])).stdout).toContain(`"revenue": ${2n ** 2000n - 1n}.00,`);
    const rewarded = (await fans(['compound', '--years', '2000', '--value', '1', '--reward', '2'])).stdout;
    // net / spend = (1 - 2) / 2 exactly, whatever the size of either.
    expect(rewarded).toContain('(a return of -50% on the spending)');
  });
});

// Issue #34, item 9: amounts are read to whole cents from their digits, not through a double
// (999999999999999.99 became 9999999999999999.90 for ten fans), and refused past 2^53 - 1
// cents, where a double stops holding every cent.
describe('amounts exact to the cent, up to 2^53 - 1 minor units', () => {
  it.each([
    ['90071992547409.91', 'en-US', '900719925474099.10'],
    ['90.071.992.547.409,91', 'nl-NL', '900719925474099.10'],
    // Through a double, 90071992547409.87 × 100 rounds to 9007199254740988 cents, not ...987.
    ['90071992547409.87', 'en-US', '900719925474098.70'],
    ['0.07', 'en-US', '0.70'],
    ['1e3', 'en-US', '10000.00'],
  ])('--value %s under %s: ten fans bring %s', async (value, locale, revenue) => {
    // CSV carries amounts as exact decimal text, digit for digit (`;` and a decimal comma under nl-NL).
    const ran = await fans(['simulate', '--depth', '1', '--value', value, '--locale', locale, '--format', 'csv']);
    const row = ran.stdout.split('\r\n')[2]!.split(locale === 'nl-NL' ? ';' : ',');
    expect(row[3]!.replace(',', '.')).toBe(revenue);
  });

  it('past 2^53 - 1 cents, or with more decimals than the currency has: one line, exit 2', async () => {
    expectUsageError(await fans(['simulate', '--value', '90071992547409.92']), /^fans: --value must be at most 90071992547409\.91 USD \(2\^53 - 1 minor units, the most that a double holds exactly\) \(got "90071992547409\.92"\)$/);
    expectUsageError(await fans(['simulate', '--value', '999999999999999.99']), /^fans: --value must be at most 90071992547409\.91 USD/);
    expectUsageError(await fans(['simulate', '--value', '0.001']), /^fans: --value has more decimals than USD has \(2\)/);
    expectUsageError(await fans(['simulate', '--value', '1e-99999']), /^fans: --value has more decimals than USD has \(2\)/);
  });
});

// Issue #28: every money goal on a model whose expected fans pass 1.8e308 within the search
// (a fractional rate or fanout) crashed with "expected value passes 1.8e308". The search now
// stops where the money can no longer be counted; answers from closed forms by hand.
describe('money goals on fractional rates and fanouts', () => {
  it.each([
    // Compound, rate 0.5: year 1 brings 0.5 fans, 50.00 of revenue and net, past 10.
    [['goal', '--net', '10', '--value', '100', '--rate', '0.5'], 'years', 1],
    [['goal', '--revenue', '10', '--value', '100', '--rate', '0.5'], 'years', 1],
    // Tree, fanout 1.5: level 1 brings 1.5 fans, 150.00, past 100.
    [['goal', '--revenue', '100', '--value', '100', '--fanout', '1.5'], 'depth', 1],
    [['goal', '--net', '100', '--value', '100', '--fanout', '1.5', '--reward', '10'], 'depth', 1],
    // Tree, fanout 1.5, reward 10: 90.00 net a referred fan; level 1 makes 135.00, level 2 adds 202.50: past 200 at level 2.
    [['goal', '--net', '200', '--value', '100', '--fanout', '1.5', '--reward', '10', '--referee-reward', '0'], 'depth', 2],
  ])('fans %j: %s %i', async (args, solved, expected) => {
    const doc = await json(args);
    expect(doc.parameters[solved]).toBe(expected);
  });

  it.each([
    // 100 ((1 + r)^3 - 1) = 10: r = 1.1^(1/3) - 1.
    [['goal', '--net', '10', '--value', '100', '--years', '3'], 'rate', Math.cbrt(1.1) - 1],
    // 100 (f + f²) = 100: f = (√5 - 1) / 2.
    [['goal', '--revenue', '100', '--value', '100', '--depth', '2'], 'fanout', (Math.sqrt(5) - 1) / 2],
  ])('fans %j solves %s = %d', async (args, solved, expected) => {
    const doc = await json(args);
    expect(doc.parameters[solved]).toBeCloseTo(expected, 6);
  });
});

describe('one raving fan in a market (issue #30, item 8)', () => {
  it('is its share of what the run brings, not its tree without the market: 3 fans in a market of 10 bring 6.77, 2.26 each', async () => {
    const doc = JSON.parse((await fans(['simulate', '--fanout', '2', '--depth', '5', '--market', '10', '--start', '3', '--value', '100', '--format', 'json'])).stdout);
    const share = (doc.total - 3) / 3;
    expect(doc.money.valueOfOneFan).toBeCloseTo(100 * share, 2);
    expect(doc.money.valueOfOneFan).toBeLessThan(100 * 7 / 3 + 1e-9);
    // A market that does not bind leaves it the fan's own tree: 2 + 4 + ... + 32 = 62 new fans.
    const wide = JSON.parse((await fans(['simulate', '--fanout', '2', '--depth', '5', '--market', '1e9', '--start', '3', '--value', '100', '--format', 'json'])).stdout);
    expect(wide.money.valueOfOneFan).toBeCloseTo(6200, 0);
  });
});

describe('amounts as people write them (issue #30, item 7)', () => {
  it.each(['€1.250,-', '€ 1.250,00', '1250 euro', '1.250 euro', 'EUR 1.250', '1.250 EUR', '€ 1.250,–', '1.250,- euro'])('%s under nl-NL is € 1.250,00', async (text) => {
    const doc = JSON.parse((await fans(['compound', '--years', '1', '--value', text, '--locale', 'nl-NL', '--format', 'json'])).stdout);
    expect(doc.money).toMatchObject({ currency: 'EUR', value: 1250 });
  });

  it('a currency named in another currency is refused, in its own words', async () => {
    expectUsageError(await fans(['compound', '--value', '1250 dollars', '--currency', 'EUR']), /^fans: --value is written in another currency than EUR \("dollars"\)/);
    expectUsageError(await fans(['compound', '--value', '1250 euros']), /^fans: --value is written in another currency than USD \("euros"\)/);
  });
});

describe('a value with how often it is paid written after it (250/year, € 20 per maand)', () => {
  it('one customer who stays, paying 250 a year, brings 250 each year: 750 in three (closed form), however the period is written', async () => {
    for (const text of ['250/year', '250/jaar', '250 per year', '€ 250 per jaar', '250 a year', '250/yr', '250/jr', '250/1y', '€250/j']) {
      const doc = await json(['compound', '--start', '1', '--rate', '0', '--years', '3', '--value', text, '--locale', 'nl-NL']);
      expect(doc.rows.map((r: { revenue: number }) => r.revenue), text).toEqual([0, 250, 250, 250]);
      expect(doc.rows.at(-1).cumulativeNet, text).toBe(750);
    }
    // Twelve months of 20: 240; four quarters of 100: 400; 99 every 6 weeks over a (Gregorian, 365.2425-day) year: 99 × 365.2425 / 42.
    expect((await json(['compound', '--start', '1', '--rate', '0', '--years', '1', '--value', '20 per maand', '--locale', 'nl-NL'])).rows[1].revenue).toBe(240);
    expect((await json(['compound', '--start', '1', '--rate', '0', '--years', '1', '--value', '100/quarter'])).rows[1].revenue).toBe(400);
    expect((await json(['compound', '--start', '1', '--rate', '0', '--years', '1', '--value', '99/6w'])).rows[1].revenue).toBeCloseTo((99 * 365.2425) / 42, 2);
  });

  it.each([
    [['compound', '--years', '4', '--churn', '10%'], '1.250/jaar', ['1.250', '--per', 'jaar']],
    [['simulate', '--cycle', '1m', '--depth', '6'], '€ 20 per maand', ['€ 20', '--per', 'maand']],
    [['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--trials', '200', '--seed', '3'], '250/jaar', ['250', '--per', 'year']],
    [['compound', '--years', '3', '--trials', '500', '--seed', '2', '--format', 'csv'], '1.250 per kwartaal', ['1.250', '--per', 'quarter']],
  ])('%j --value %s is the same run as --value %j, byte for byte, in Dutch', async (args, written, flags) => {
    const dutch = ['--locale', 'nl-NL', '--lang', 'nl'];
    const a = await fans([...args, '--value', written, ...dutch]);
    const b = await fans([...args, '--value', ...flags, ...dutch]);
    expect(a.code).toBe(0);
    expect(a).toEqual(b);
  });

  it('in a scenario file too', async () => {
    const file = JSON.stringify({ scenarios: [{ name: 'a', command: 'compound', years: 2, value: '250/year' }, { name: 'b', command: 'compound', years: 2, value: 250, per: 'year' }] });
    const doc = await json(['compare', '-'], { stdin: file });
    expect(doc.scenarios[0].rows).toEqual(doc.scenarios[1].rows);
  });

  it('a period given twice must agree; other amounts take none; a slash that is no period stays a currency mark', async () => {
    expect((await fans(['compound', '--value', '250/year', '--per', '1y'])).code).toBe(0);
    expectUsageError(await fans(['compound', '--value', '250/year', '--per', 'month']), /^fans: --value is paid every 1y \(got "250\/year"\) and --per says every 1m: give the period once$/);
    for (const flag of ['--cost', '--reward', '--referee-reward', '--cac']) {
      expectUsageError(await fans(['compound', '--value', '250', flag, '20/month']), new RegExp(`^fans: ${flag} is one amount, without a period \\("/month"\\): only --value is paid per period, as --value 250/year or --value 250 --per year \\(got "20/month"\\)$`));
    }
    // Peru's sol is written S/ (ICU es-PE): a currency, not a period.
    const sol = await json(['compound', '--years', '1', '--currency', 'PEN', '--value', 'S/ 250', '--locale', 'es-PE']);
    expect(sol.money).toMatchObject({ currency: 'PEN', value: 250 });
    expectUsageError(await fans(['compound', '--value', '250/fortnightly']), /^fans: --value is written in another currency than USD \("\/fortnightly"\)/);
  });
});
