import { describe, expect, it } from 'vitest';
import { PeriodSketches } from '../../src/model/chains/montecarlo.js';
import { bandReader, withBand } from '../../src/report/calendar-sampled.js';
import type { ChartData } from '../../src/output/scale.js';
import { fans } from './harness.js';

// #32 item 1: a sampled goal by date draws the band of its runs' totals around the expected
// curve (its lowest and highest percentiles), beside the percentile dates on the target line.

/** The x,y points of an SVG element's `points`, for the element that opens with `start`. */
function points(svg: string, start: string): string[] {
  const element = svg.slice(svg.indexOf(start));
  return /points="([^"]+)"/.exec(element)![1]!.split(' ');
}

describe('the band of a sampled goal by date', () => {
  it('is the expected curve itself when every run is the expected run (fixed referrals: 1, 4, 13, 40, … exactly)', async () => {
    const ran = await fans(['goal', '1200', '--by-date', '--fanout', '3', '--cycle', '2m', '--start-date', '2027-01-01', '--trials', '200', '--seed', '3', '--distribution', 'fixed', '--format', 'svg']);
    expect(ran.code, ran.stderr).toBe(0);
    const line = points(ran.stdout, '<polyline class="series" data-name="total"');
    const band = points(ran.stdout, '<polygon class="band"');
    // The polygon runs along the high edge, then back along the low one.
    expect(band).toEqual([...line, ...[...line].reverse()]);
    expect(ran.stdout).toContain('p5 to p95');
  });

  it('is named in the reader\'s language', async () => {
    const nl = await fans(['goal', '1.200', '--by-date', '--rate', '0,5', '--start', '20', '--cycle', '3m', '--cycle-spread', '1m', '--start-date', '2027-01-01', '--trials', '200', '--seed', '3', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'svg']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain('<polygon class="band"');
    expect(nl.stdout).toContain('p5 tot p95');
  });

  it('of a money goal is its runs\' cumulative net, on an axis that says so: the curve itself when every run is the expected run', async () => {
    const ran = await fans(['goal', '--net', '1000', '--value', '10', '--by-date', '--fanout', '3', '--cycle', '1m', '--start-date', '2027-01-01', '--trials', '100', '--seed', '1', '--distribution', 'fixed', '--currency', 'EUR', '--format', 'svg']);
    expect(ran.code, ran.stderr).toBe(0);
    const line = points(ran.stdout, '<polyline class="series" data-name="cumulative net"');
    expect(points(ran.stdout, '<polygon class="band"')).toEqual([...line, ...[...line].reverse()]);
    expect(ran.stdout).toContain('>cumulative net (EUR) (log scale)</text>');
    expect(ran.stdout).not.toContain('total fans');
    // The target and the line's end in the currency, to the whole unit.
    expect(ran.stdout).toContain('>target €1,000</text>');
    expect(ran.stdout).toMatch(/data-name="cumulative net">€[\d,]+<\/text>/);
    const nl = await fans(['goal', '--revenue', '1000', '--value', '10', '--by-date', '--fanout', '3', '--cycle', '1m', '--start-date', '2027-01-01', '--trials', '100', '--seed', '1', '--currency', 'EUR', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'svg']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain('>omzet cumulatief (EUR) (logaritmische schaal)</text>');
    expect(nl.stdout).toContain('p5 tot p95');
  });

  it('of a money goal spreads as its runs do: p5 and p95 of the net at the p50 date straddle the target (Poisson referrals)', async () => {
    // The runs reach the target between their p5 and p95 dates, so at the median date about
    // half are past it: the band there runs from below the target to above it.
    const ran = await fans(['goal', '--net', '5000', '--value', '10', '--by-date', '--fanout', '2', '--cycle', '1m', '--cycle-spread', '10d', '--start', '50', '--start-date', '2027-01-01', '--trials', '2000', '--seed', '5', '--format', 'svg', '--scale', 'linear']);
    expect(ran.code, ran.stderr).toBe(0);
    const plot = /data-low="([-\d.e+]+)" data-high="([-\d.e+]+)"[^>]*data-top="([\d.]+)" data-bottom="([\d.]+)"/.exec(ran.stdout)!;
    const [low, high, top, bottom] = plot.slice(1).map(Number) as [number, number, number, number];
    const valueAt = (y: number) => low + ((bottom - y) / (bottom - top)) * (high - low);
    const target = /<g class="target"><line [^>]*y1="([\d.]+)"/.exec(ran.stdout)!;
    const p50 = /<g class="mark" data-q="50"><line x1="([\d.]+)"/.exec(ran.stdout);
    expect(p50, 'the p50 tick').not.toBeNull();
    const band = points(ran.stdout, '<polygon class="band"').map((p) => p.split(',').map(Number) as [number, number]);
    const half = band.length / 2;
    const x = Number(p50![1]);
    const nearest = (edge: [number, number][]) => edge.reduce((best, p) => (Math.abs(p[0] - x) < Math.abs(best[0] - x) ? p : best));
    const upper = nearest(band.slice(0, half));
    const lower = nearest(band.slice(half));
    expect(valueAt(upper[1])).toBeGreaterThan(valueAt(Number(target[1])));
    expect(valueAt(lower[1])).toBeLessThan(valueAt(Number(target[1])));
  });

  it('reads days between two sketched days linearly, and the last day from its own sketch', () => {
    // Eleven days (0 to 10), every runs' total on day d being 10 d; sketched every 4th day and the last: days 0, 4, 8, 10.
    const every = 4;
    const sketches = new PeriodSketches(3);
    for (const [j, day] of [0, 4, 8, 10].entries()) sketches.add(j, Float64Array.from({ length: 100 }, () => 10 * day), 100);
    const dates = Array.from({ length: 11 }, (_, d) => `2027-01-${String(d + 1).padStart(2, '0')}`);
    const chart: ChartData = { title: 't', xLabel: 'date', xDates: dates, series: [{ name: 'total', values: dates.map((_, d) => 10 * d), role: 'total' }] };
    const banded = withBand(chart, bandReader(sketches, null, 0, every, 1), every, dates, [5, 95]);
    // Within the sketch's relative error (1%) of 10 d on every day, sketched or not.
    for (const edge of [banded.band!.low, banded.band!.high]) {
      expect(edge).toHaveLength(11);
      for (const [d, value] of edge.entries()) expect(Math.abs(Number(value) - 10 * d), `day ${d}`).toBeLessThanOrEqual(0.01 * 10 * d + 1e-9);
    }
    expect(banded.band!.quantiles).toEqual([5, 95]);
    expect(withBand(chart, null, every, dates, [5, 95])).toBe(chart);
  });
});
