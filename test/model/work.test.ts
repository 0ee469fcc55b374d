import { describe, expect, it } from 'vitest';
import { dayWork, expectedEvents, runWork, withinWork } from '../../src/model/calendar/work.js';

// Issue #33 item 2: the work a sampled calendar run may take, in the unit that costs. A run
// by events (events.ts) costs 16 weighted stage steps an event and 20 a row's end until it goes
// on in stages, then days x (stages + 4) x weight.

describe('what a run by events is bounded to cost (runWork)', () => {
  it('the least over the day it goes on in stages, worked by hand: events doubling each day, 8 days of 5 stages at weight 8', () => {
    // A day in stages costs (5 + 4) x 8 = 72. Going on in stages on day s costs 16 x events before s + (8 - s) x 72:
    // s = 0: 576; 1: 520; 2: 464; 3: 424; 4: 416; 5: 472; 6: 656; 7: 1,096; 8: 2,048.
    const events = Float64Array.of(0, 1, 2, 4, 8, 16, 32, 64, 128);
    expect(runWork(events, 8, 5, 8, 0)).toBe(416);
    // Each row's end costs a run by events 20: 10 rows take the least to 576, all in stages.
    expect(runWork(events, 8, 5, 8, 10)).toBe(576);
  });

  it('is the events alone for a run that stays small, and the stages alone for one that starts large', () => {
    const few = Float64Array.of(0, 1, 1.5, 1.75, 1.875);
    // A day in stages: (1 + 4) x 8 = 40, 160 for the 4 days.
    expect(runWork(few, 4, 1, 8, 0)).toBe(16 * 1.875);
    const many = Float64Array.of(0, 1e6, 2e6, 3e6, 4e6);
    expect(runWork(many, 4, 1, 8, 0)).toBe(160);
  });

  it('gives no bound where the expected events pass what a double holds (the stages bound the run)', () => {
    expect(runWork(Float64Array.of(0, 1, Infinity), 2, 1, 1, 0)).toBeNull();
    expect(() => withinWork(1_000_000, 2, 'days', 1, 1, Infinity, 0, { byDay: Float64Array.of(0, 1, Infinity), rows: 1 })).not.toThrow();
  });
});

describe("a run's expected events before each day (expectedEvents)", () => {
  it('the tree: (1 + K) x fans reached; the compound model: fans (twice with churn) and a moment a mean delay for each referrer on the books', () => {
    expect(Array.from(expectedEvents('simulate', { fresh: [1, 2], totals: [1, 3] }, 2, 1, 30, false))).toEqual([0, 3, 9]);
    // Compound: day 0, 10 fans and 10 x 0.5 / 5 = 1 moment; day 1, 2 fans (4 with churn) and 12 x 0.5 / 5 = 1.2.
    const compound = expectedEvents('compound', { fresh: [10, 2], totals: [10, 12] }, 0.3, 0.5, 5, true);
    expect(compound[0]).toBe(0);
    expect(compound[1]).toBeCloseTo(21, 12);
    expect(compound[2]).toBeCloseTo(26.2, 12);
  });
});

describe('the work bound (withinWork)', () => {
  it('refuses one run past it, with the count the horizon allows, and takes that count', () => {
    const byDay = Float64Array.of(0, 1, 2, 4, 8, 16, 32, 64, 128);
    // 3e9 / 416 = 7,211,538 runs.
    expect(() => withinWork(7_211_538, 8, 'days', 5, 8, Infinity, 0, { byDay, rows: 0 })).not.toThrow();
    expect(() => withinWork(7_211_539, 8, 'days', 5, 8, Infinity, 0, { byDay, rows: 0 })).toThrow(/at most 7,211,538 runs for this horizon \(runs x 416 a run/);
  });
});

// A goal by date's runs stop once answered: checked up front to the day they are expected to
// stop (`until`), counted as they go past it (dayWork, goal-runs.ts).
describe('the work of runs that stop once answered', () => {
  it('withinWork with until counts the events and rows to that day only: runWork of the first days', () => {
    const byDay = Float64Array.of(0, 1, 2, 4, 8, 16, 32, 64, 128);
    // To day 3 (4 days): s = 0: 4 x 72 = 288; 1: 16 + 3 x 72 = 232; 2: 32 + 144 = 176; 3: 64 + 72 = 136; 4: 128. 3e9 / 128 = 23,437,500.
    expect(runWork(byDay.subarray(0, 5), 4, 5, 8, 0)).toBe(128);
    expect(() => withinWork(23_437_500, 8, 'days', 5, 8, Infinity, 0, { byDay, rows: 0, until: 3 })).not.toThrow();
    expect(() => withinWork(23_437_501, 8, 'days', 5, 8, Infinity, 0, { byDay, rows: 0, until: 3 })).toThrow(/at most 23,437,500 runs for this horizon \(runs x 128 a run to day 3, where the runs are expected to have answered: [^)]*\(8 in all\)/);
    // Past the horizon, until changes nothing.
    expect(() => withinWork(7_211_539, 8, 'days', 5, 8, Infinity, 0, { byDay, rows: 0, until: 20 })).toThrow(/at most 7,211,538 runs for this horizon \(runs x 416 a run:/);
  });

  it('a day of runs counted as they go: 16 an event and 20 a run, or every run a day in stages where that is less', () => {
    // Compound, a yearly moment: 10 new fans and 365 on the books at K 0.59 are 10 + 365 / 365 = 11 events.
    expect(dayWork('compound', 0.59, 1, 365, false, 100, 8)(10, 365, 1)).toBe(16 * 11 + 20);
    // A thousand runs' sums: 16 x 11,000... past 1,000 days in 9 stages at weight 8 (104 each).
    expect(dayWork('compound', 0.59, 1, 365, false, 9, 8)(10_000, 365_000, 1000)).toBe(1000 * 13 * 8);
    // The tree: (1 + K) x new fans.
    expect(dayWork('simulate', 1.5, 1, 30, false, 100, 1)(4, 0, 2)).toBe(16 * 10 + 40);
    // ... and 2 runs a day in 7 stages (11 each), where that is less.
    expect(dayWork('simulate', 1.5, 1, 30, false, 7, 1)(4, 0, 2)).toBe(22);
  });
});
