import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { log10Count } from '../../src/model/count.js';
import { renderTerminalChart } from '../../src/output/chart.js';
import { plainPaint } from '../../src/output/render.js';
import { chooseScale, linearTicks, logTicks, numberLabel, powerLabel } from '../../src/output/scale.js';
import { renderSvg, titleLines } from '../../src/output/svg.js';
import { expectGolden, fans } from '../cli/harness.js';

// Relative, as a user types it: the path shows in chart titles, and golden files must not hold this checkout's path.
const example = 'examples/article.json';

describe('terminal charts (golden, 80 columns, no colour)', () => {
  it.each([
    ['chart-simulate.txt', ['simulate', '--depth', '8', '--chart']],
    ['chart-compound-linear.txt', ['compound', '--rate', '0.5', '--years', '12', '--chart', '--scale', 'linear']],
    ['chart-compare.txt', ['compare', example, '--chart']],
    ['chart-trials.txt', ['simulate', '--fanout', '2', '--depth', '10', '--trials', '3000', '--seed', '4', '--distribution', 'negbin', '--dispersion', '0.5', '--chart']],
  ])('%s', async (name, args) => {
    const ran = await fans(args);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expectGolden(name, ran.stdout);
  });

  it('is as wide as the terminal, colours it, and stays plain with NO_COLOR', async () => {
    const wide = await fans(['simulate', '--chart'], { tty: true, columns: 120 });
    const widest = Math.max(...wide.stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.length));
    expect(widest).toBe(120);
    expect(wide.stdout).toMatch(/\u001b\[36m\*/);
    expect((await fans(['simulate', '--chart'], { tty: true, columns: 120, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });
});

const svgOf = async (args: string[]) => {
  const ran = await fans([...args, '--format', 'svg']);
  expect(ran).toMatchObject({ code: 0, stderr: '' });
  return ran.stdout;
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/** Every point of every line, read back to (period, scaled value) through the plot's data- attributes. */
function pointsOf(svg: string) {
  const doc = parser.parse(svg);
  const plot = [doc.svg.g].flat().find((g: { class?: string }) => g.class === 'plot');
  const n = (key: string) => Number(plot[`data-${key}`]);
  const lines = [plot.polyline].flat();
  return lines.map((line: { 'data-name': string; points: string }) => ({
    name: line['data-name'],
    points: line.points.split(' ').map((pair) => {
      const [x, y] = pair.split(',').map(Number) as [number, number];
      return {
        period: ((x - n('left')) / (n('right') - n('left'))) * (n('periods') - 1),
        units: n('low') + ((n('bottom') - y) / (n('bottom') - n('top'))) * (n('high') - n('low')),
      };
    }),
    tolerance: (0.006 / (n('bottom') - n('top'))) * (n('high') - n('low')) + 1e-9,
    kind: plot['data-scale'],
  }));
}

describe('terminal charts: the target and the market read as their own values', () => {
  it('a target of 1,200 on a log scale falls on the row of 1k: that row is labelled 1,200, not 1k (#32)', () => {
    const values = Array.from({ length: 21 }, (_, t) => 1.5 ** t);
    const text = renderTerminalChart({ title: 'x', xLabel: 'year', series: [{ name: 'total', values }], target: 1200 }, { width: 80, scale: 'log', paint: plainPaint });
    const row = text.split('\n').find((line) => /^ *\S+ \+-{3}/.test(line))!;
    expect(row).toMatch(/^1,200 \+-/);
    expect(text).not.toMatch(/^ *1k \+/m);
    // The other ticks keep their labels.
    expect(text).toMatch(/^ *100 \+/m);
  });

  it("the market's row too, in the locale's numbers", () => {
    const values = Array.from({ length: 11 }, (_, t) => Math.min(12_500, 2 ** t * 20));
    const text = renderTerminalChart({ title: 'x', xLabel: 'year', series: [{ name: 'total', values }], market: 12_500 }, { width: 80, scale: 'linear', paint: plainPaint, locale: 'nl-NL' });
    expect(text).toMatch(/^12\.500 \+-/m);
  });
});

describe('SVG charts', () => {
  it.each([
    ['svg-simulate.svg', ['simulate', '--depth', '8']],
    ['svg-compare.svg', ['compare', example]],
    ['svg-trials.svg', ['compound', '--rate', '0.5', '--churn', '10%', '--years', '15', '--trials', '2000', '--seed', '8']],
  ])('%s matches its golden file', async (name, args) => {
    expectGolden(name, await svgOf(args));
  });

  const cases: [string, string[]][] = [
    ['the article tree', ['simulate']],
    ['the article compound', ['compound']],
    ['a single row', ['simulate', '--depth', '0']],
    ['all values equal', ['simulate', '--fanout', '0', '--depth', '5']],
    ['zero fans', ['simulate', '--start', '0']],
    ['values past 1e300 (exact 10^400)', ['simulate', '--depth', '400']],
    ['2^1000 years of compounding', ['compound', '--years', '1000']],
    ['a fractional rate, linear', ['compound', '--rate', '0.3', '--scale', 'linear']],
    ['sampled runs with a band', ['simulate', '--trials', '2000', '--seed', '5', '--fanout', '3', '--depth', '6']],
    ['a comparison', ['compare', example]],
  ];

  it.each(cases)('%s: well-formed XML, nothing external, no NaN', async (_, args) => {
    const svg = await svgOf(args);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity|href|<script|@import|url\(/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it.each(cases.filter(([name]) => !name.startsWith('sampled') && !name.startsWith('a comparison')))('%s: every point maps back to its row within rounding', async (_, args) => {
    const svg = await svgOf(args);
    const rows = JSON.parse((await fans([...args.filter((a, i) => a !== '--scale' && args[i - 1] !== '--scale'), '--format', 'json'])).stdout).rows;
    // The exact totals, as text, so 10^400 keeps its digits.
    const exact = (await fans([...args.filter((a, i) => a !== '--scale' && args[i - 1] !== '--scale'), '--format', 'csv'])).stdout.trim().split('\r\n').slice(1).map((line) => line.split(',').at(-1)!);
    const [line] = pointsOf(svg);
    expect(line!.points).toHaveLength(rows.length);
    line!.points.forEach((p, t) => {
      expect(p.period).toBeCloseTo(t, 2);
      const value = exact[t]!.includes('.') || exact[t]!.includes('e') ? Number(exact[t]) : BigInt(exact[t]!);
      const expected = line!.kind === 'log' ? (Number(value) === 0 ? p.units : log10Count(value)) : Number(value);
      expect(Math.abs(p.units - expected)).toBeLessThanOrEqual(line!.tolerance);
    });
  });

  it('draws the band of sampled runs between p5 and p95, and the median line', async () => {
    const svg = await svgOf(['simulate', '--trials', '2000', '--seed', '5', '--fanout', '3', '--depth', '6']);
    expect(svg).toContain('<polygon class="band"');
    expect(svg).toContain('data-name="median (p50)"');
    expect(svg).toContain('>p5 to p95</text>');
  });

  it('has a legend naming each scenario of a comparison', async () => {
    const svg = await svgOf(['compare', example]);
    expect(pointsOf(svg).map((l) => l.name)).toEqual(['article tree', 'one a year']);
    expect(svg).toContain('>article tree</text>');
    expect(svg).toContain('>one a year</text>');
  });
});

describe('scales and ticks', () => {
  it('chooses log past two orders of magnitude, linear below', () => {
    const chart = (values: (number | bigint)[]) => ({ title: 't', xLabel: 'x', series: [{ name: 's', values }] });
    expect(chooseScale(chart([1, 2, 50]), 'auto').kind).toBe('linear');
    expect(chooseScale(chart([1, 2, 500]), 'auto').kind).toBe('log');
    expect(chooseScale(chart([1, 10n ** 400n]), 'auto')).toMatchObject({ kind: 'log', low: 0, high: 400 });
    expect(chooseScale(chart([0, 0]), 'log')).toMatchObject({ low: 0, high: 1 });
  });

  it.each([
    [0, 1, ['1', '10']],
    [0, 6, ['1', '10', '100', '1k', '10k', '100k', '1M']],
    [0, 30, ['1', '100k', '10B', '1e15', '1e20', '1e25', '1e30']],
  ])('log ticks from 10^%i to 10^%i', (low, high, labels) => {
    expect(logTicks(low, high).map((t) => t.label)).toEqual(labels);
  });

  it.each([
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 57.7, [0, 20, 40, 60]],
    [0, 1024, [0, 500, 1000, 1500]],
  ])('linear ticks cover %s..%s at round steps', (low, high, ats) => {
    expect(linearTicks(low, high).map((t) => t.at)).toEqual(ats);
  });

  it('labels powers of ten briefly', () => {
    expect([0, 3, 6, 9, 12, 14, 15, 400].map((e) => powerLabel(e))).toEqual(['1', '1k', '1M', '1B', '1T', '100T', '1e15', '1e400']);
  });

  it("labels thousands and up in the locale's own short words: a billion is not '1B' to a Dutch reader (biljoen is 10^12)", () => {
    // Intl puts a no-break space before the word: the label never breaks.
    const nb = '\u00a0';
    expect([0, 2, 3, 6, 9, 12, 15].map((e) => powerLabel(e, 'nl-NL'))).toEqual(['1', '100', '1K', `1${nb}mln.`, `1${nb}mld.`, `1${nb}bln.`, '1e15']);
    expect(powerLabel(9, 'de-DE')).toBe(`1${nb}Mrd.`);
    expect(numberLabel('nl-NL')(1_500_000)).toBe(`1,5${nb}mln.`);
    expect(numberLabel('nl-NL')(2500)).toBe('2.500');
    expect(numberLabel('en-US')(1_500_000)).toBe('1.5M');
    expect(logTicks(0, 30, 'nl-NL').map((t) => t.label)).toEqual(['1', '100K', `10${nb}mld.`, '1e15', '1e20', '1e25', '1e30']);
  });

  it('keeps wide y labels and long end labels inside the picture: the plot narrows for them', () => {
    const chart = { title: 't', xLabel: 'level', series: [{ name: 'total', values: [1, 11, 111, 1111, 11111, 111111, 1111111, 11111111, 111111111, 1111111111, 11111111111] }] };
    const svg = renderSvg(chart, 'auto', 'nl-NL');
    const plot = svg.match(/data-left="([\d.]+)" data-right="([\d.]+)"/)!;
    const yLabels = [...svg.split('<g class="y-labels"')[1]!.split('</g>')[0]!.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
    expect(yLabels.map((l) => l.text)).toContain('100\u00a0mln.');
    // Right-aligned at x, about 7 px a character: clear of the rotated axis title (x 12 to 24).
    for (const l of yLabels) expect(l.x - l.text.length * 7, l.text).toBeGreaterThanOrEqual(24);
    const end = svg.split('<g class="end-labels"')[1]!.match(/<text x="([\d.]+)"[^>]*>([^<]*)</)!;
    expect(end[2]).toBe('11.111.111.111');
    expect(Number(end[1]) + end[2]!.length * 7.6).toBeLessThanOrEqual(800);
    expect(Number(plot[1])).toBeGreaterThan(80);
    expect(Number(plot[2])).toBeLessThan(690);
    // Short labels keep the usual frame.
    expect(renderSvg({ ...chart, series: [{ name: 'total', values: [1, 11, 111, 1111] }] }, 'auto', 'en-US')).toContain('data-left="80" data-right="690"');
  });

  it('draws degenerate data without throwing', () => {
    const options = { width: 60, scale: 'auto' as const, paint: plainPaint };
    for (const values of [[], [0], [5, 5, 5], [10n ** 500n]]) {
      const text = renderTerminalChart({ title: 'x', xLabel: 'level', series: [{ name: 's', values }] }, options);
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(XMLValidator.validate(renderSvg({ title: 'x', xLabel: 'level', series: [{ name: 's', values }] }, 'auto'))).toBe(true);
    }
  });
});

describe('chart flags', () => {
  it.each([
    [['simulate', '--chart', '--format', 'json'], /^fans: --chart draws under the table; it does not go with --format json/],
    [['simulate', '--scale', 'log'], /^fans: --scale applies to --chart and --format svg, png or html$/],
    [['simulate', '--chart', '--scale', 'cubic'], /^fans: option '--scale <scale>' argument 'cubic' is invalid/],
    // A fit draws a picture of its own: no chart of totals under its table, and no --title without a picture.
    [['fit', 'records.csv', '--chart'], /^fans: unknown option '--chart'/],
    [['fit', 'records.csv', '--title', 'x'], /^fans: --title goes on a picture: add --format svg, png or html$/],
  ])('%j is a usage error', async (args, message) => {
    const ran = await fans(args);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr.trimEnd()).toMatch(message);
  });
});

describe('picture titles in two lines', () => {
  it('cut after the comma nearest the middle, unless a line would pass 80 characters: then at the space nearest the middle', () => {
    expect(titleLines('1 fan, 1.5 introductions each every month (give or take 10 days), 2027-01-01 to 2028-12-31')).toEqual(['1 fan, 1.5 introductions each every month (give or take 10 days),', '2027-01-01 to 2028-12-31']);
    // A dated forecast's Dutch title: after "zijn," the rest would be 100 characters wide.
    const title = '2.041 klanten van crm.csv zoals ze nu zijn, 0,744 introducties per fan elke 41 dagen (plus of min 30 dagen), vanaf 31 december 2026: wanneer 2.500?';
    const lines = titleLines(title);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});
