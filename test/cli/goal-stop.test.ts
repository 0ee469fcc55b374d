import { describe, expect, it } from 'vitest';
import type { ChainParams } from '../../src/model/chains/montecarlo.js';
import { pascalDelay } from '../../src/model/calendar/delays.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { runEventBlock } from '../../src/model/calendar/events.js';
import { dailyLeave } from '../../src/model/calendar/renewal.js';
import { fans } from './harness.js';

// Issue #33 item 3: a goal's runs by day stop once the question is answered (every run at the
// target, or unable to reach it), and the band's days are run. Stopping must change nothing.

describe('a sink that stops a block', () => {
  const delay = pascalDelay(30, 10)!;
  const days = 200;
  const ends = Array.from({ length: days + 1 }, (_, d) => d);
  const p: ChainParams = { model: 'compound', start: 4, periods: days, offspring: { distribution: 'negbin', introductions: 0.5, conversion: 1, dispersion: 0.8 }, churn: 0.1, market: 200, nonreferrers: 0.2 };
  const leave = dailyLeave(0.1, 30);
  it.each([
    ['day engine', (sink: (period: number, totals: Float64Array, r?: Float64Array, m?: unknown, live?: Uint8Array) => unknown) => runCalendarBlock(p, { delay, days, ends, leave }, 6, 2, 300, sink)],
    ['event engine', (sink: (period: number, totals: Float64Array, r?: Float64Array, m?: unknown, live?: Uint8Array) => unknown) => runEventBlock(p, { delay, days, ends, leave }, 6, 2, 300, sink, 64)],
  ] as const)('%s: gives the same days up to where it stopped, none after, and says which runs still have something due', (_, run) => {
    const full: number[][] = [];
    const out = run((_period, totals) => void full.push([...totals]));
    const part: number[][] = [];
    let lastLive: Uint8Array | undefined;
    const stopped = run((period, totals, _r, _m, live) => {
      part.push([...totals]);
      lastLive = live;
      return period === 80;
    });
    expect(part).toEqual(full.slice(0, 81));
    expect(Array.from(stopped.sums.slice(81)).every((s) => s === 0)).toBe(true);
    expect(Array.from(stopped.sums.slice(0, 81))).toEqual(Array.from(out.sums.slice(0, 81)));
    // live is 1 for runs with something due: as many 0s as the runs died out by that day.
    expect(lastLive!.length).toBe(300);
    expect(300 - lastLive!.reduce((a, b) => a + b, 0)).toBe(out.extinct[80]);
  });
});

describe('a goal by date whose runs stop early', () => {
  // Count and money goals, tree and compound, with extinction, churn, a deadline, and block sizes
  // whose last block holds one run (which stops first: its band days are run again).
  it.each([
    [['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--trials', '1025', '--seed', '1', '--deadline', '2031-01-01', '--until', '2032-06-30']],
    [['goal', '500', '--by-date', '--start', '2', '--fanout', '1.6', '--cycle', '1m', '--cycle-spread', '2w', '--trials', '1500', '--seed', '4', '--distribution', 'negbin', '--dispersion', '0.5']],
    [['goal', '--net', '0', '--by-date', '--start', '20', '--rate', '0.5', '--churn', '10%', '--cycle', '3m', '--cycle-spread', '1m', '--value', '100', '--cost', '800', '--trials', '1100', '--seed', '3', '--until', '2030-12-31']],
    [['goal', '100', '--by-date', '--start', '20', '--rate', '0.5', '--churn', '5%', '--cycle', '3m', '--cycle-spread', '1m', '--trials', '1100', '--seed', '3', '--deadline', '2028-06-01', '--until', '2030-12-31']],
    [['goal', '60', '--by-date', '--start', '10', '--rate', '0.2', '--cycle', '1m', '--cycle-spread', '3w', '--trials', '1030', '--seed', '7', '--distribution', 'negbin', '--dispersion', '0.2', '--until', '2030-12-31']],
  ])('answers as the runs to the horizon do, in JSON and the picture: %s', async (args) => {
    const run = (format: string, env: Record<string, string> = {}) => fans([...args, '--start-date', '2027-01-01', '--format', format], { env });
    const [early, whole] = [JSON.parse((await run('json')).stdout), JSON.parse((await run('json', { FANS_RUN_TO_HORIZON: '1' })).stdout)];
    // The runs did stop before the horizon (and say so), and the answer is the same.
    expect(early.runsStoppedOn).not.toBeNull();
    expect(early.runsStoppedOn < early.calendar.endDate).toBe(true);
    expect(whole.runsStoppedOn).toBeNull();
    expect({ ...early, runsStoppedOn: null }).toEqual(whole);
    const [svg, wholeSvg] = [(await run('svg')).stdout, (await run('svg', { FANS_RUN_TO_HORIZON: '1' })).stdout];
    expect(svg).toBe(wholeSvg);
    expect(svg).not.toContain('NaN');
  });
});
