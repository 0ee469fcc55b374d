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

describe('charts', () => {
  it('SVG hover labels write decimals as the locale does (was "5.0,625")', async () => {
    const svg = (await fans(['compound', '--rate', '0.5', '--years', '4', '--format', 'svg'])).stdout;
    expect(svg).toContain('<title>total, year 4: 5.06</title>');
    const nl = (await fans(['compound', '--rate', '0.5', '--years', '4', '--format', 'svg', '--locale', 'nl-NL'])).stdout;
    expect(nl).toContain('<title>total, year 4: 5,06</title>');
  });

  it('the x axis is the date with --cycle, in SVG and the terminal', async () => {
    const svg = (await fans(['simulate', '--fanout', '3', '--cycle', '3m', '--start-date', '2027-01-31', '--format', 'svg'])).stdout;
    expect(svg).toMatch(/<text x="[\d.]+" y="432" text-anchor="middle">date<\/text>/);
    expect(svg.match(/<g class="x-labels"[^]*?<\/g>/)![0].match(/>([\d-]+)</g)!.map((m) => m.slice(1, -1))).toEqual(['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31']);
    const chart = (await fans(['simulate', '--fanout', '3', '--cycle', '3m', '--start-date', '2027-01-31', '--chart'])).stdout.split('\n');
    expect(chart.findLast((line) => line.includes('2027-01-31'))!.trim().split(/\s+/)).toEqual(['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31']);
  });

  it('chart ticks follow --locale like the table', async () => {
    const text = (await fans(['compound', '--rate', '0.1', '--years', '3', '--chart', '--scale', 'linear', '--locale', 'de-DE'])).stdout;
    expect(text).toMatch(/^1,5 \+/m); // ticks 0, 0.5, 1, 1.5 written 0,5 and 1,5
    expect(text).toMatch(/^0,5 \+/m);
    expect(text).not.toMatch(/^\d\.\d \+/m);
    const labels = (await fans(['compound', '--rate', '0.2', '--years', '3', '--format', 'svg', '--scale', 'linear', '--locale', 'nl-NL'])).stdout.match(/<g class="y-labels"[^]*?<\/g>/)![0];
    expect(labels).toContain('>0,5<');
    expect(labels).not.toMatch(/>\d+\.\d/);
  });

  it('says that zeros sit on the bottom line of a log scale', async () => {
    const args = ['compound', '--rate', '0.3', '--churn', '50%', '--years', '6', '--trials', '300', '--seed', '1']; // p5 is 0 from year 1
    const svg = (await fans([...args, '--format', 'svg', '--scale', 'log'])).stdout;
    const terminal = (await fans([...args, '--chart', '--scale', 'log'])).stdout;
    expect(svg).toContain('0 is drawn on the bottom line');
    expect(terminal).toContain('0 is drawn on the bottom line');
    expect((await fans(['simulate', '--depth', '8', '--format', 'svg'])).stdout).not.toContain('bottom line');
  });

  it('terminal x ticks are evenly spaced (was 0 … 2 … 3 for depth 3)', async () => {
    for (const [depth, expected] of [['3', ['0', '1', '2', '3']], ['8', ['0', '1', '2', '3', '4', '5', '6', '7', '8']], ['30', null]] as const) {
      const lines = (await fans(['simulate', '--fanout', '2', '--depth', depth, '--chart'])).stdout.split('\n');
      // The axis labels are the line under the plot's bottom edge (`+-----`).
      const axis = lines[lines.findIndex((l) => /^\s+\+-{10,}$/.test(l)) + 1]!;
      const labels = [...axis.matchAll(/\d+/g)];
      if (expected) expect(labels.map((m) => m[0])).toEqual(expected);
      else expect([labels[0]![0], labels.at(-1)![0]]).toEqual(['0', depth]);
      const centres = labels.map((m) => m.index! + m[0].length / 2);
      const gaps = centres.slice(1).map((c, i) => c - centres[i]!);
      // Even spacing, up to the rounding of a label to whole columns and the last label kept inside.
      for (const gap of gaps.slice(0, -1)) expect(Math.abs(gap - gaps[0]!)).toBeLessThanOrEqual(1.5);
    }
  });
});

describe('wrapping', () => {
  it('wraps summaries at word boundaries on a terminal, not at all when piped', async () => {
    const args = ['compound', '--rate', '1', '--churn', '10%', '--market', '2000', '--years', '3', '--conversion', '20%'];
    const tty = (await fans(args, { tty: true, columns: 60, env: { NO_COLOR: '1' } })).stdout.split('\n').filter((l) => !/^[│┌├└]/.test(l));
    for (const line of tty) expect(line.length).toBeLessThanOrEqual(60);
    const joined = tty.join(' ');
    expect(joined).toContain('churn 10%: fans grow');
    const piped = (await fans(args)).stdout;
    expect(piped).toMatch(/^Referral factor K = 0\.2 a year \(rate 1 × conversion 20%\), churn 10%: fans grow ×1\.1 a year until the market fills\.$/m);
    expect(piped.split('\n').some((l) => l.length > 60)).toBe(true);
  });

  it('wraps a long chart title at spaces', async () => {
    const lines = (await fans(['simulate', '--fanout', '3', '--conversion', '30%', '--depth', '10', '--cycle', '30d', '--market', '2000', '--start', '7', '--chart'], { columns: 40, tty: true, env: { NO_COLOR: '1' } })).stdout.split('\n');
    const title = lines.findIndex((l) => l.startsWith('fans simulate'));
    expect(lines[title]!.length).toBeLessThanOrEqual(40);
    expect(lines[title + 1]).toMatch(/^--|^\d|^[a-z(]/);
    expect(lines.join(' ')).toContain('--market 2000');
  });
});

describe('wording', () => {
  it('tells fans and introductions apart with 20% conversion: 15 fans from 70 introductions', async () => {
    // levels 1, 2, 4, 8 fans; introductions 10 x (1 + 2 + 4) = 70, of which 14 = 20% became fans
    const out = (await fans(['simulate', '--fanout', '10', '--conversion', '20%'])).stdout;
    expect(out).toContain('1 fan grows to 15 fans in 3 steps: 70 introductions, of which 14 (20%) became new fans.');
    expect(out).not.toContain('people');
    expect((await fans(['simulate'])).stdout).toContain('1 fan reaches 1,111 people in 3 steps.');
  });
});

describe('colour: NO_COLOR > FORCE_COLOR > TERM=dumb > is-a-terminal', () => {
  const escapes = /\u001b\[/;
  it.each([
    ['a terminal', { tty: true, env: {} }, true],
    ['TERM=dumb on a terminal', { tty: true, env: { TERM: 'dumb' } }, false],
    ['a pipe', { tty: false, env: {} }, false],
    ['FORCE_COLOR=1 into a pipe', { tty: false, env: { FORCE_COLOR: '1' } }, true],
    ['FORCE_COLOR= (empty) into a pipe', { tty: false, env: { FORCE_COLOR: '' } }, true],
    ['FORCE_COLOR=1 with TERM=dumb', { tty: false, env: { FORCE_COLOR: '1', TERM: 'dumb' } }, true],
    ['FORCE_COLOR=0 on a terminal', { tty: true, env: { FORCE_COLOR: '0' } }, false],
    ['NO_COLOR=1 with FORCE_COLOR=1', { tty: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, false],
  ] as const)('%s', async (_, { tty, env }, coloured) => {
    const out = (await fans(['simulate'], { tty, env: { ...env } as Record<string, string> })).stdout;
    expect(escapes.test(out)).toBe(coloured);
  });
});

describe("another command's flag", () => {
  it.each([
    [['simulate', '--churn', '5%'], /^fans: --churn applies to fans compound and fans goal, not fans simulate$/],
    [['simulate', '--churn=5%'], /^fans: --churn applies to fans compound and fans goal, not fans simulate$/],
    [['goal', '100', '--fanout', '3', '--trials', '5'], /^fans: --trials goes with --by-date: fans goal TARGET --by-date answers when the target is reached$/],
    [['simulate', '--fanot', '3'], /^fans: unknown option '--fanot' \(did you mean --fanout\?\)$/],
  ])('%j names the command it belongs to', async (args, message) => {
    expectUsageError(await fans(args), message);
  });
});
