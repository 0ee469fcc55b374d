import { describe, expect, it } from 'vitest';
import { PeriodSketches } from '../../src/model/chains/montecarlo.js';
import { withBand } from '../../src/cli/commands/calendar-sampled.js';
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

  it('is named in the reader\'s language, and is not drawn for a money goal (whose runs are counted by their net, not sketched)', async () => {
    const nl = await fans(['goal', '1.200', '--by-date', '--rate', '0,5', '--start', '20', '--cycle', '3m', '--cycle-spread', '1m', '--start-date', '2027-01-01', '--trials', '200', '--seed', '3', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'svg']);
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain('<polygon class="band"');
    expect(nl.stdout).toContain('p5 tot p95');
    const money = await fans(['goal', '--net', '1000', '--value', '100', '--by-date', '--rate', '0.5', '--cycle', '3m', '--start-date', '2027-01-01', '--trials', '200', '--seed', '3', '--format', 'svg']);
    expect(money.code, money.stderr).toBe(0);
    expect(money.stdout).not.toContain('<polygon class="band"');
  });

  it('reads days between two sketched days linearly, and the last day from its own sketch', () => {
    // Eleven days (0 to 10), every runs' total on day d being 10 d; sketched every 4th day and the last: days 0, 4, 8, 10.
    const every = 4;
    const sketches = new PeriodSketches(3);
    for (const [j, day] of [0, 4, 8, 10].entries()) sketches.add(j, Float64Array.from({ length: 100 }, () => 10 * day), 100);
    const dates = Array.from({ length: 11 }, (_, d) => `2027-01-${String(d + 1).padStart(2, '0')}`);
    const chart: ChartData = { title: 't', xLabel: 'date', xDates: dates, series: [{ name: 'total', values: dates.map((_, d) => 10 * d), role: 'total' }] };
    const banded = withBand(chart, sketches, every, dates, [5, 95]);
    // Within the sketch's relative error (1%) of 10 d on every day, sketched or not.
    for (const edge of [banded.band!.low, banded.band!.high]) {
      expect(edge).toHaveLength(11);
      for (const [d, value] of edge.entries()) expect(Math.abs(Number(value) - 10 * d), `day ${d}`).toBeLessThanOrEqual(0.01 * 10 * d + 1e-9);
    }
    expect(banded.band!.quantiles).toEqual([5, 95]);
    expect(withBand(chart, null, every, dates, [5, 95])).toBe(chart);
  });
});
