import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fans } from '../cli/harness.js';
import { moneyTicks } from '../../src/output/money-svg.js';
import { paysBackFor } from '../../src/report/calendar-periods.js';
import { datum } from '../../src/output/words/nl.js';

// 2027-01-01: every calendar run starts on the same day.
const env = { SOURCE_DATE_EPOCH: '1798761600' };
const run = async (args: string[]) => {
  const ran = await fans(args, { env });
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  return ran.stdout;
};

/** The money panel of an SVG: its plot's mapping, and its line's points read back to amounts. */
function panel(svg: string) {
  const money = svg.split('<g class="money"')[1]!;
  const plot = /<g class="money-plot" data-low="([-\d.e]+)" data-high="([-\d.e]+)" data-left="([\d.]+)" data-right="([\d.]+)" data-top="([\d.]+)" data-bottom="([\d.]+)" data-periods="(\d+)">/.exec(money)!;
  const [low, high, left, right, top, bottom, periods] = plot.slice(1).map(Number) as [number, number, number, number, number, number, number];
  const points = /<polyline class="series" data-name="cumulativeNet"[^>]* points="([^"]*)"/.exec(money)![1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
  const value = (y: number) => low + ((bottom - y) / (bottom - top)) * (high - low);
  const period = (x: number) => ((x - left) / (right - left)) * (periods - 1);
  const zero = /<g class="break-even"><line [^>]*y1="([\d.]+)"/.exec(money)![1]!;
  const payback = /<g class="payback" data-period="(\d+)">/.exec(money)?.[1];
  return { money, points: points.map(([x, y]) => ({ t: period(x), value: value(y) })), zero: value(Number(zero)), payback: payback === undefined ? null : Number(payback) };
}

describe('the money panel: cumulative net, break-even and payback under the chart', () => {
  const plan = ['compound', '--start', '20', '--rate', '0.3', '--years', '8', '--value', '1250', '--per', 'year', '--reward', '100', '--cost', '40000'];

  it("draws the table's cumulative net, a break-even line at 0, and the payback period the summary says", async () => {
    const doc = JSON.parse(await run([...plan, '--format', 'json']));
    const svg = await run([...plan, '--format', 'svg']);
    const p = panel(svg);
    // Read back from the picture within half a pixel's worth of the axis.
    const pixel = (Number(/data-high="([-\d.e]+)"/.exec(p.money)![1]) - Number(/data-low="([-\d.e]+)"/.exec(p.money)![1])) / 200;
    expect(p.points).toHaveLength(doc.rows.length);
    p.points.forEach((point, t) => {
      expect(point.t).toBeCloseTo(t, 6);
      expect(Math.abs(point.value - doc.rows[t].cumulativeNet)).toBeLessThan(pixel);
    });
    expect(Math.abs(p.zero)).toBeLessThan(pixel);
    expect(doc.money.payback).toBeGreaterThan(1);
    expect(p.payback).toBe(doc.money.payback);
    expect(p.money).toContain(`pays back at year ${doc.money.payback}</text>`);
    expect(p.money).toContain('>Cumulative net (USD)</text>');
    // The growth chart is still there above it, whole.
    expect(svg.split('<g class="money"')[0]).toContain('<g class="plot"');
  });

  it('a run that never pays back has no payback mark; sampled runs draw the band of the net percentiles, with a legend', async () => {
    const args = ['simulate', '--fanout', '3', '--conversion', '30%', '--depth', '6', '--value', '600', '--reward', '40', '--cost', '1000', '--trials', '1000', '--seed', '2'];
    const doc = JSON.parse(await run([...args, '--format', 'json']));
    const p = panel(await run([...args, '--format', 'svg']));
    expect(doc.money.payback).toBeNull();
    expect(p.payback).toBeNull();
    expect(p.money).toMatch(/<polygon class="band"/);
    expect(p.money).toContain('>p5 to p95</text>');
  });

  it('a payback under the legend (sampled runs, paid back in the first period): its line starts below the legend, its label too', async () => {
    // Customers who pay every year pay back at once: the mark stands at the left, where the legend is.
    const svg = await run(['compound', '--start', '100', '--rate', '0.3', '--years', '10', '--value', '100', '--per', 'year', '--trials', '300', '--seed', '1', '--format', 'svg']);
    const { money } = panel(svg);
    const line = /<g class="payback" data-period="\d+"><line x1="([\d.]+)" x2="[\d.]+" y1="([\d.]+)"[^>]*>.*?<text x="[\d.]+" y="([\d.]+)"/.exec(money)!;
    const [x, lineTop, labelY] = line.slice(1).map(Number) as [number, number, number];
    const legend = money.split('<g class="legend">')[1]!.split('</g>')[0]!;
    const legendRight = Math.max(...[...legend.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => Number(m[1]) + m[2]!.length * 7));
    const legendBottom = Math.max(...[...legend.matchAll(/ y="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(x).toBeLessThan(legendRight);
    expect(lineTop).toBeGreaterThan(legendBottom);
    expect(labelY - 11).toBeGreaterThan(legendBottom);
  });

  it('on the calendar: the payback period by name, in Dutch with amounts as nl-NL writes them', async () => {
    const args = ['compound', '--start', '20', '--rate', '0.3', '--value', '1250', '--per', 'jaar', '--cost', '40000', '--cycle-spread', '2m', '--until', '2031-12-31', '--by', 'year', '--lang', 'nl', '--locale', 'nl_NL'];
    const doc = JSON.parse(await run([...args, '--format', 'json']));
    const p = panel(await run([...args, '--format', 'svg']));
    const at = doc.rows.findIndex((r: { period: string }) => r.period === doc.money.payback);
    expect(at).toBeGreaterThan(0);
    expect(p.payback).toBe(at);
    expect(p.money).toContain(`terugverdiend in ${datum(doc.money.payback)}</text>`);
    expect(p.money).toContain('>Netto cumulatief (EUR)</text>');
    expect(p.money).toMatch(/>€\u00a0\d+(\.\d{3})*(,\d+)?( mln\.)?<\/text>/);
  });

  it('a PNG with money is 1600 x 1440 by default (the chart 16:9 above the panel), --size as asked, not blank', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fans-money-png-'));
    for (const [size, width, height] of [[[], 1600, 1440], [['--size', '1200x1000'], 1200, 1000]] as const) {
      const file = join(dir, `${width}.png`);
      const ran = await fans([...plan, '--format', 'png', '--output', file, ...size], { env });
      expect(ran.code).toBe(0);
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height]).toEqual([width, height]);
      // The panel's half is drawn on: its green line is there.
      let green = 0;
      for (let i = Math.floor(png.height * 0.65) * png.width * 4; i < png.data.length; i += 4) if (png.data[i] === 0 && png.data[i + 1]! > 140 && png.data[i + 1]! < 160 && png.data[i + 2]! > 105 && png.data[i + 2]! < 125) green++;
      expect(green).toBeGreaterThan(200);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('no money, no panel', async () => {
    expect(await run(['compound', '--format', 'svg'])).not.toContain('class="money"');
  });

  it('the HTML page and the xlsx parameters list every money assumption', async () => {
    const args = [...plan, '--margin', '40%', '--discount', '8%', '--cac', '300', '--referee-reward', '25', '--currency', 'EUR'];
    const html = await run([...args, '--format', 'html']);
    // Named and written for people (see docs/charts.md): amounts with their currency, shares as percentages.
    for (const [name, value] of [['value', '€1,250.00'], ['paid every', '1 year'], ['margin', '40%'], ['discount rate', '8%'], ['reward', '€100.00'], ['reward to the referred', '€25.00'], ['fixed cost', '€40,000.00'], ['acquisition cost (CAC)', '€300.00'], ['currency', 'EUR']]) {
      expect(html).toContain(`<dt>${name}</dt><dd>${value}</dd>`);
    }
    expect(html).toContain('<g class="money"');
  });
});

describe('a goal by date with money: the expected net in a panel under its chart (when, how sure, and what it is worth)', () => {
  // From 2027-01-01 (SOURCE_DATE_EPOCH): 200 customers who stay and pay 250 a year, and no one new (rate 0).
  const flat = ['goal', '1200', '--by-date', '--start', '200', '--rate', '0', '--cycle', '1y', '--until', '2031-01-01', '--value', '250/year'];

  it('by cycle: each year-end the 200 have paid 200 x 250 more, 0 to 200,000 over four years (closed form)', async () => {
    const p = panel(await run([...flat, '--format', 'svg']));
    expect(p.points.map((point) => Math.round(point.value))).toEqual([0, 50000, 100000, 150000, 200000]);
    // Never below 0: nothing to pay back, so no mark.
    expect(p.payback).toBeNull();
  });

  it('by day (a spread): 200 x 250 x days / 365.2425 on the last day drawn, 2031-01-01 (1,461 days), within a pixel', async () => {
    const p = panel(await run([...flat, '--cycle-spread', '2m', '--format', 'svg']));
    const pixel = (Number(/data-high="([-\d.e]+)"/.exec(p.money)![1]) - Number(/data-low="([-\d.e]+)"/.exec(p.money)![1])) / 200;
    expect(p.points[0]!.value).toBeCloseTo(0, 6);
    expect(Math.abs(p.points.at(-1)!.value - (200 * 250 * 1461) / 365.2425)).toBeLessThan(pixel);
    // Straight: customers and their payments are the same every day.
    p.points.forEach((point, i) => expect(Math.abs(point.value - (point.t / (p.points.length - 1)) * p.points.at(-1)!.value), String(i)).toBeLessThan(3 * pixel));
  });

  it("with rewards and a yearly cost: pays back in the month the calendar's money table says, and draws the net the summary gives on the expected date", async () => {
    const meeting = ['--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--value', '250/year', '--reward', '100', '--cost', '50000'];
    const table = JSON.parse(await run(['compound', ...meeting, '--until', '2031-06-01', '--by', 'month', '--format', 'json']));
    const svg = await run(['goal', '1200', '--by-date', ...meeting, '--format', 'svg']);
    const p = panel(svg);
    expect(table.money.payback).toMatch(/^\d{4}-\d{2}$/);
    const label = new RegExp(`pays back at date (${table.money.payback}-\\d{2})</text>`).exec(p.money);
    expect(label, table.money.payback).not.toBeNull();
    // Below 0 before it (the rewards and the cost come first), at 0 or more from it on.
    expect(p.points.slice(0, p.payback!).some((point) => point.value < 0)).toBe(true);
    expect(p.points.slice(p.payback!).every((point) => point.value >= -1e-6)).toBe(true);
    // The summary's worth on the expected date is on the drawn line (its date is drawn: the target's mark stands on it).
    const doc = JSON.parse(await run(['goal', '1200', '--by-date', ...meeting, '--format', 'json']));
    const pixel = (Number(/data-high="([-\d.e]+)"/.exec(p.money)![1]) - Number(/data-low="([-\d.e]+)"/.exec(p.money)![1])) / 200;
    expect(p.points.some((point) => Math.abs(point.value - doc.money.cumulativeNet) < pixel)).toBe(true);
  });

  it('pays back on the day the net turns 0 or more for good, having been below 0 after the start', () => {
    expect(paysBackFor([0, -5, -2, 1, 3], 4)).toBe(3);
    // The last crossing: a first day at 0 or more can come before the costs do.
    expect(paysBackFor([0, 1, -1, -3, 2, 4], 5)).toBe(4);
    expect(paysBackFor([0, 2, 4], 2)).toBe(-1);
    expect(paysBackFor([0, -1, -2], 2)).toBe(-1);
    // Only the days drawn count: below 0 on the last of them is not paid back yet.
    expect(paysBackFor([0, -1, -2, 5], 2)).toBe(-1);
  });

  it('sampled runs draw the expected net alone (they stop once answered: there are no nets of theirs to band); a PNG is 1600 x 1440; without money, no panel', async () => {
    const sampled = [...flat.slice(0, 6), '0.59', ...flat.slice(7), '--cycle-spread', '4m', '--trials', '200', '--seed', '1'];
    const svg = await run([...sampled, '--format', 'svg']);
    expect(svg).toContain('<g class="money"');
    expect(svg.split('<g class="money"')[1]).not.toContain('class="band"');
    expect(svg.split('<g class="money"')[0]).toContain('class="marks"');
    const dir = mkdtempSync(join(tmpdir(), 'fans-goal-money-png-'));
    try {
      const file = join(dir, 'meeting.png');
      expect((await fans([...sampled, '--output', file], { env })).code).toBe(0);
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height]).toEqual([1600, 1440]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const plain = flat.filter((_, i) => i < flat.length - 2);
    expect(await run([...plain, '--format', 'svg'])).not.toContain('class="money"');
  });
});

describe('moneyTicks: round steps that hold 0', () => {
  it.each([
    [-1500, 9000, [-5000, 0, 5000, 10000]],
    [-1500, 7000, [-2000, 0, 2000, 4000, 6000, 8000]],
    [0, 928000, [0, 200000, 400000, 600000, 800000, 1000000]],
    [-3640, 0, [-4000, -3000, -2000, -1000, 0]],
    [0, 0, [0]],
  ])('%d to %d', (low, high, ticks) => {
    expect(moneyTicks(low, high)).toEqual(ticks);
  });

  it('fewer for a short panel: about two, or one, steps', () => {
    expect(moneyTicks(-1500, 7000, 2)).toEqual([-5000, 0, 5000, 10000]);
    expect(moneyTicks(0, 928000, 1)).toEqual([0, 1000000]);
  });
});

describe('a sampled goal by date marks its uncertainty on the target line', () => {
  it('a tick and label at each percentile date, the deadline with its share, as the table and JSON say', async () => {
    const args = ['goal', '600', '--by-date', '--start', '200', '--rate', '0.59', '--churn', '10%', '--cycle-spread', '2m', '--until', '2030-12-31', '--trials', '300', '--seed', '1', '--deadline', '2030-09-30'];
    const doc = JSON.parse(await run([...args, '--format', 'json']));
    const svg = await run([...args, '--format', 'svg']);
    for (const q of [5, 50, 95]) expect(svg).toMatch(new RegExp(`<g class="mark" data-q="${q}">.*>p${q} ${doc.dates[`p${q}`]}</text></g>`));
    const share = `${Math.round(doc.deadline.share * 10000) / 100}%`;
    expect(svg).toContain(`>deadline 2030-09-30: ${share} of runs</text>`);
    // Each tick stands at its date's place on the x axis: the dates are in order left to right.
    const xs = [5, 50, 95].map((q) => Number(new RegExp(`<g class="mark" data-q="${q}"><line x1="([\\d.]+)"`).exec(svg)![1]));
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
  });
});
