import { describe, expect, it } from 'vitest';
import type { ChainParams } from '../../src/model/chains/montecarlo.js';
import { pascalDelay } from '../../src/model/calendar/delays.js';
import { runCalendarBlock } from '../../src/model/calendar/engine.js';
import { runEventBlock } from '../../src/model/calendar/events.js';
import { dailyLeave } from '../../src/model/calendar/renewal.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fans, root } from './harness.js';

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

describe('a goal by date that is not drawn', () => {
  it("stops once every run has reached the target, where a picture's runs go on to the band's last day (a quarter past the expected date); the dates are the same", async () => {
    const args = ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--trials', '1000', '--seed', '1', '--start-date', '2027-01-01'];
    const json = JSON.parse((await fans([...args, '--format', 'json'])).stdout);
    const dayOf = (date: string) => (Date.parse(date) - Date.parse('2027-01-01')) / 86_400_000;
    const bandDay = Math.ceil(dayOf(json.expectedDate) * 1.25);
    expect(json.reachedShare).toBe(1);
    // Every run has reached 1,200 by the day the runs stopped, after the latest percentile date and before the band's day.
    expect(dayOf(json.runsStoppedOn)).toBeGreaterThanOrEqual(dayOf(json.dates.p95));
    expect(dayOf(json.runsStoppedOn)).toBeLessThan(bandDay - 100);
    const csv = (await fans([...args, '--format', 'csv'])).stdout;
    const svg = (await fans([...args, '--format', 'svg'])).stdout;
    for (const date of Object.values(json.dates) as string[]) {
      expect(csv).toContain(date);
      expect(svg).toContain(date);
    }
  });
});

// Issue #33 item 2: the work bound in the unit that costs. A run by events costs about 16
// weighted stage steps an event and 20 a row's end; by stages, days x (stages + 4) x weight.
describe('the work bound of sampled runs with a spread', () => {
  it('takes many more runs where each run holds few fans: a subcritical tree (K = 0.8, 5 fans a run in expectation) by month for 10 years', async () => {
    const args = ['simulate', '--fanout', '0.8', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--by', 'month', '--seed', '1', '--format', 'json'];
    // Days x (stages + 4) alone allow 3e9 / (3,653 x 11) = 74,658 runs; by events, 3e9 / (16 x 9.0 + 20 x 120) = 1,179,245.
    const refused = await fans([...args, '--trials', '10000000']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^fans: --trials 10,000,000 over 3,653 days with a delay of 7 stages is too much work: at most 1,179,245 runs for this horizon \(runs x 2,544 a run: the least, over the day a run goes on in stages, of 16 x its expected events before it \(9 in all\) plus 20 x 120 rows, and its days from then on x \(stages \+ 4\) may be at most 3,000,000,000\)\n$/);
    const ran = await fans([...args, '--trials', '60000', '--threads', '1']);
    expect(ran.code, ran.stderr).toBe(0);
    // A subcritical Poisson chain from one fan: total progeny mean 1/(1 - K) = 5, variance K/(1 - K)^3 = 100
    // (all but a sliver of runs are over within 10 years of monthly referrals): within 4 SE.
    const last = JSON.parse(ran.stdout).rows.at(-1);
    expect(Math.abs(last.mean - 5)).toBeLessThan(4 * Math.sqrt(100 / 60000));
  });

  it("counts a run that grows large by events until it goes on in stages: the issue's 20,000 compound runs (about 49,000 customers each at 8 years) are taken, where the stages alone allowed 14,254", async () => {
    // By stages alone: 3e9 / (2,923 days x (5 + 4) x 8) = 14,254 runs. A run by events goes on in stages
    // about 3.5 years in (switchAt: 410 events due), so it costs 147,484 steps, not 210,456: 20,341 runs.
    const ran = await fans(['compound', '--rate', '0.3', '--cycle', '3m', '--cycle-spread', '6w', '--years', '8', '--by', 'quarter', '--start', '10', '--trials', '30000']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/at most 20,341 runs for this horizon \(runs x 147,484 a run: the least, over the day a run goes on in stages, of 16 x its expected events before it \(233,300 in all\) plus 20 x 33 rows, and its days from then on x \(stages \+ 4\) x 8/);
  });
});

describe('the work bound of a goal by date, whose runs stop once answered', () => {
  const goal = ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--start-date', '2027-01-01', '--seed', '1', '--format', 'json'];
  it("takes the issue's 10,000 runs of the meeting's goal (refused while their work was counted to the horizon: at most 8,690), and answers around the expected date", async () => {
    const ran = await fans([...goal, '--trials', '10000']);
    expect(ran.code).toBe(0);
    const json = JSON.parse(ran.stdout);
    expect(json.expectedDate).toBe('2031-03-09');
    // From 200 fans the runs answer within months of each other: p50 within a month of the expected run's date.
    expect(Math.abs(Date.parse(json.dates.p50) - Date.parse('2031-03-09'))).toBeLessThan(31 * 86_400_000);
  });
  it('counts the work up front to a quarter past the day the expected run answers (day 1,528 of 3,653: to day 1,910)', async () => {
    const ran = await fans([...goal, '--trials', '26000']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^fans: --trials 26,000 over 3,654 days with a delay of 9 stages is too much work: at most 23,245 runs for this horizon \(runs x 129,055 a run to day 1,910, where the runs are expected to have answered: /);
  });
});

describe('the work bound where the expected run overflows', () => {
  it('falls back on the stages\' bound, and the run is refused for its horizon, not for "NaN runs"', async () => {
    const ran = await fans(['simulate', '--fanout', '1000000', '--cycle', '1m', '--cycle-spread', '10d', '--until', '2099-12-31', '--trials', '10']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).not.toContain('NaN');
    expect(ran.stderr).toMatch(/^fans: --until is too long for --trials with these parameters: expected totals would pass 1e290/);
    // A goal's sampled runs crashed here ("unexpected error: sampled count Infinity on day 795", before this change too): refused as simulate's are.
    const goal = await fans(['goal', '1e300', '--by-date', '--fanout', '1000000', '--cycle', '1m', '--cycle-spread', '10d', '--until', '2099-12-31', '--trials', '10']);
    expect(goal.code).toBe(2);
    expect(goal.stderr).toMatch(/^fans: --until is too long for --trials with these parameters: expected totals would pass 1e290[^\n]*\n$/);
  });
});

describe('memory of runs by events', () => {
  // Found by the fuzz campaign (FC_RUNS=5000): 1e15 starting fans with K = 1e-5 set 1e10 referrals
  // going on the first day, each queued as an event before the run turned to stages; one run took
  // 24 GB. A day that would set more going than the threshold now turns the run to stages first.
  it('a first day of 1e15 fans runs within 2 GB of address space (it took 24 GB) and answers', () => {
    const args = ['simulate', '--start', '1000000000000000', '--depth', '1', '--conversion', '0.000001', '--market', '1000000000000000', '--cycle', '100y', '--cycle-spread', '30y', '--start-date', '2028-02-29', '--trials', '20', '--seed', '1', '--threads', '1', '--format', 'json'];
    const ran = spawnSync('bash', ['-c', `ulimit -v 2000000; exec "${process.execPath}" "${join(root, 'bin', 'fans.js')}" ${args.join(' ')}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const rows = JSON.parse(ran.stdout).rows as { mean: number }[];
    // The market is the 1e15 fans already there: the 1e10 they bring find nobody left to join.
    expect(rows.at(-1)!.mean).toBe(1e15);
  });
});
