import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, expectUsageError, fans, root } from './harness.js';

const json = async (args: string[]) => {
  const ran = await fans([...args, '--format', 'json']);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout);
};

describe('conversion, churn, market, cycle', () => {
  it('--conversion scales each fan to K = fanout x conversion, also as a percentage', async () => {
    const a = await json(['simulate', '--fanout', '10', '--conversion', '30%']);
    const b = await json(['simulate', '--fanout', '10', '--conversion', '0.3']);
    expect(a.rows).toEqual(b.rows);
    expect(a.referralFactor).toBe(3);
    // K = 3: 1 + 3 + 9 + 27 = 40
    expect(a.total).toBeCloseTo(40, 12);
  });

  it('says K < 1 and gives the limit start / (1 - K)', async () => {
    const ran = await fans(['simulate', '--fanout', '2', '--conversion', '25%', '--start', '3']);
    expect(ran.stdout).toContain('K = 0.5');
    expect(ran.stdout).toContain('the total approaches 6 (start / (1 - K))');
    expect((await json(['simulate', '--fanout', '2', '--conversion', '25%', '--start', '3'])).limit).toBe(6);
  });

  it('--churn adds a lost column: total = start (1 + rate x conversion - churn)^t', async () => {
    const doc = await json(['compound', '--rate', '1', '--conversion', '50%', '--churn', '10%', '--years', '5', '--start', '100']);
    expect(Object.keys(doc.rows[1])).toEqual(['year', 'new', 'lost', 'total']);
    doc.rows.forEach((row: { year: number; total: number }) => expect(row.total).toBeCloseTo(100 * 1.4 ** row.year, 9));
    const csv = (await fans(['compound', '--churn', '10%', '--format', 'csv'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('year,new,lost,total');
  });

  it('--market caps the total', async () => {
    const doc = await json(['compound', '--market', '1000', '--years', '40']);
    expect(doc.total).toBeLessThanOrEqual(1000);
    expect(doc.total).toBeGreaterThan(999);
    expect((await fans(['compound', '--market', '1000', '--years', '40'])).stdout).toMatch(/Market: 1,000 people; 100% reached\./);
  });

  it('--cycle adds elapsed time, so steps become a time span', async () => {
    const doc = await json(['simulate', '--cycle', '30d']);
    expect(doc.rows.map((r: { days: number }) => r.days)).toEqual([0, 30, 60, 90]);
    expect(doc.parameters.cycle).toBe('30d');
    expect((await fans(['simulate', '--cycle', '6w'])).stdout).toContain('in 3 steps (18 weeks).');
    expect((await json(['simulate', '--cycle', '1.5 months'])).rows[2].months).toBe(3);
  });
});

describe('fans goal', () => {
  it.each([
    [['1000000', '--fanout', '10'], 'depth', 6, 1111111],
    [['1000000', '--rate', '1'], 'years', 20, 1048576],
  ])('goal %j solves for %s', async (args, solvedFor, value, total) => {
    const doc = await json(['goal', ...args]);
    expect(doc).toMatchObject({ command: 'goal', target: 1e6, solvedFor, value, reachable: true, total });
  });

  it('solves for fanout: a real number and the least whole number', async () => {
    const doc = await json(['goal', '1000', '--depth', '3']);
    expect(doc).toMatchObject({ solvedFor: 'fanout', wholeValue: 10, reachable: true, total: 1111 });
    expect(doc.value).toBeGreaterThan(9.64);
    expect(doc.value).toBeLessThan(9.65);
    expect(doc.parameters.fanout).toBe(10);
  });

  it('solves for rate: (1 + r)^10 = 1000', async () => {
    const doc = await json(['goal', '1000', '--years', '10']);
    expect(doc.value).toBeCloseTo(10 ** 0.3 - 1, 12);
    expect(doc.rows).toHaveLength(11);
  });

  it('reports an unreachable target plainly, exit 0', async () => {
    const ran = await fans(['goal', '1000', '--fanout', '10', '--market', '500']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^The target of 1,000 cannot be reached: the market \(500\) is smaller than the target\. The best attempt is in the table \(500\)\.$/m);
    const doc = await json(['goal', '1000', '--rate', '0.1', '--churn', '20%']);
    expect(doc).toMatchObject({ reachable: false, value: null, reachedAt: null, rows: [{ year: 0, total: 1 }], total: 1 });
  });

  it('keeps the parameters and the best attempt in every format, and names the peak (50 fans, 20% conversion, churn 10%, market 2,000)', async () => {
    const args = ['goal', '1000', '--rate', '1', '--conversion', '20%', '--churn', '10%', '--start', '50', '--market', '2000'];
    const doc = await json(args);
    expect(doc.reason).toMatch(/^the total peaks at 340\.\d+ in year 35; after that churn loses more fans/);
    expect(doc.parameters).toMatchObject({ start: 50, rate: 1, conversion: 0.2, churn: 0.1, market: 2000, years: 35 });
    expect(doc.rows).toHaveLength(36);
    expect(doc.total).toBeCloseTo(340.37, 2);
    const csv = (await fans([...args, '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('year,new,lost,total');
    expect(csv).toHaveLength(38); // header, 36 rows, the final empty string
    expect((await fans(args)).stdout).toMatch(/cannot be reached: the total peaks at 340\.374 in year 35/);
  });

  it('reports the year that reaches a rate goal and its total, not the last year\'s', async () => {
    const doc = await json(['goal', '938377', '--years', '50', '--churn', '0.3', '--market', '1000000']);
    expect(doc.value).toBeCloseTo(6.6133, 4);
    expect(doc.reachedAt).toBe(7);
    expect(doc.total).toBeGreaterThanOrEqual(938377);
    expect(doc.rows).toHaveLength(8);
    const text = (await fans(['goal', '938377', '--years', '50', '--churn', '0.3', '--market', '1000000'])).stdout;
    expect(text).toMatch(/reaches the target of 938,377 in year 7 of 50 \(938,377\)/);
  });

  it('prints the table of the winning scenario', async () => {
    expectGolden('goal-depth.table', (await fans(['goal', '1000000', '--fanout', '10'])).stdout);
  });

  it.each([
    [['goal', '1000'], /^fans: fans goal needs a pair's other half: give one of --fanout/],
    [['goal', '1000', '--fanout', '10', '--depth', '3'], /^fans: --fanout and --depth given together/],
    [['goal', '1000', '--fanout', '10', '--rate', '1'], /^fans: --fanout and --rate given together/],
    [['goal', '-5', '--fanout', '10'], /^fans: <target> must be a number above 0/],
    [['goal', 'lots', '--fanout', '10'], /^fans: <target> must be a number above 0/],
    [['goal', '0', '--fanout', '10'], /^fans: <target> must be a number above 0/],
    [['goal', '1000', '--fanout', '10', '--churn', '5%'], /^fans: --churn applies to the compound model/],
    [['goal', '1000', '--rate', '1', '--cycle', '30d'], /^fans: --cycle applies to the tree model/],
    [['goal', '--fanout', '10'], /^fans: fans goal needs a target: a number of fans \(fans goal 1000 \.\.\.\), or --net, --revenue or --max-reward with --value$/],
  ])('%j is a usage error', async (args, message) => {
    const ran = await fans(args);
    expectUsageError(ran, message);
  });
});

describe('fans compare', () => {
  const example = (name: string) => join(root, 'examples', name);

  it('shows the article claims side by side', async () => {
    const ran = await fans(['compare', example('article.json')]);
    expect(ran.code).toBe(0);
    expectGolden('compare-article.table', ran.stdout);
  });

  it('writes a row per period and a column per scenario', async () => {
    const doc = await json(['compare', example('article.json')]);
    expect(doc.rows[3]).toEqual({ period: 3, 'article tree': 1111, 'one a year': 8 });
    expect(doc.rows[10]).toEqual({ period: 10, 'article tree': null, 'one a year': 1024 });
    expect(doc.scenarios.map((s: { total: number }) => s.total)).toEqual([1111, 1024]);
    const csv = (await fans(['compare', example('article.json'), '--format', 'csv'])).stdout;
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['period,article tree,one a year', '0,1,1']);
    expect(csv).toContain('\r\n10,,1024\r\n');
  });

  it('reads scenarios from standard input with -', async () => {
    const stdin = JSON.stringify({ scenarios: [{ name: 'x', command: 'compound', years: 2, conversion: '50%' }] });
    const ran = await fans(['compare', '-', '--format', 'json'], { stdin });
    expect(JSON.parse(ran.stdout).rows).toEqual([
      { period: 0, x: 1 },
      { period: 1, x: 1.5 },
      { period: 2, x: 2.25 },
    ]);
  });

  it('runs the shipped programmes example', async () => {
    const doc = await json(['compare', example('programmes.json')]);
    expect(doc.scenarios.map((s: { name: string }) => s.name)).toEqual(['cautious', 'hopeful', 'tree, 30% convert']);
  });

  const scenario = (fields: object) => JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate' }, { name: 'b', command: 'simulate', ...fields }] });
  it.each([
    ['not JSON', '{', /^fans: <stdin>: is not valid JSON/],
    ['empty', '', /^fans: <stdin>: is empty/],
    ['no scenarios', '{"scenarios": []}', /^fans: <stdin>: scenarios: must hold at least 1 item$/],
    ['a top-level list', '[]', /^fans: <stdin>: must be an object \{"scenarios": \[\.\.\.\]\}$/],
    ['an unknown top-level field', '{"scenarios": [{"name":"a","command":"simulate"}], "x": 1}', /^fans: <stdin>: unknown field "x"$/],
    ['a negative fanout', scenario({ fanout: -3 }), /^fans: <stdin>: scenarios\[1\]\.fanout: must be a number from 0 to 1,000,000 \(got -3\)$/],
    ['an unknown field', scenario({ fanot: 3 }), /^fans: <stdin>: scenarios\[1\]: unknown field "fanot"$/],
    ['a field of the other model', scenario({ churn: 0.1 }), /^fans: <stdin>: scenarios\[1\]: unknown field "churn"$/],
    ['conversion 1.5', scenario({ conversion: 1.5 }), /^fans: <stdin>: scenarios\[1\]\.conversion: must be a share/],
    ['an unknown command', JSON.stringify({ scenarios: [{ name: 'a', command: 'grow' }] }), /^fans: <stdin>: scenarios\[0\]\.command: must be "simulate" or "compound" \(got "grow"\)$/],
    ['a missing name', JSON.stringify({ scenarios: [{ command: 'simulate' }] }), /^fans: <stdin>: scenarios\[0\]\.name: must be a string$/],
    ['a repeated name', JSON.stringify({ scenarios: [{ name: 'a', command: 'simulate' }, { name: 'a', command: 'compound' }] }), /scenarios\[1\]\.name: "a" is used twice/],
  ])('rejects %s with a clear one-line message', async (_, stdin, message) => {
    const ran = await fans(['compare', '-'], { stdin });
    expectUsageError(ran, message);
  });

  it('rejects a missing file', async () => {
    expect(await fans(['compare', 'no-such-file.json'])).toEqual({ code: 2, stdout: '', stderr: 'fans: cannot read no-such-file.json: no such file\n' });
  });
});

describe('bad values for the real-world flags', () => {
  it.each([
    [['simulate', '--conversion', '1.5'], /^fans: --conversion must be a share from 0 to 1, or a percentage from 0% to 100% \(got "1.5"\)$/],
    [['simulate', '--conversion', '150%'], /^fans: --conversion must be a share/],
    [['compound', '--churn', '-0.1'], /^fans: --churn must be a share/],
    [['simulate', '--market', '0'], /^fans: --market must be a whole number from 1 to/],
    [['simulate', '--market', '5', '--start', '10'], /^fans: --market must be at least the starting fans, 10 \(got 5\)$/],
    [['simulate', '--cycle', '30'], /^fans: --cycle must be a duration above 0 such as 30d/],
    [['simulate', '--cycle', '30x'], /^fans: --cycle must be a duration/],
    [['simulate', '--cycle', '0d'], /^fans: --cycle must be a duration/],
    [['simulate', '--cycle', 'd'], /^fans: --cycle must be a duration/],
    [['simulate', '--churn', '5%'], /^fans: --churn applies to fans compound and fans goal, not fans simulate$/],
  ])('%j', async (args, message) => {
    expectUsageError(await fans(args), message);
  });
});
