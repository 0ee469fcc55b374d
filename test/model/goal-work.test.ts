import { describe, expect, it } from 'vitest';
import { type GoalRunsAsk, runGoal } from '../../src/model/calendar/goal-runs.js';
import { pascalDelay } from '../../src/model/calendar/delays.js';
import { dayWork } from '../../src/model/calendar/work.js';
import type { ChainParams } from '../../src/model/chains/montecarlo.js';

// Issue #33: a goal by date's runs stop once answered, so their work is checked up front only to
// the day they are expected to stop (work.ts) and counted as they go past it: past the budget,
// the run is refused with a line of its own, and the count changes no answer.

const days = 730;
const delay = pascalDelay(30, 10)!;
// 2,000 compound runs from 20 fans, K = 0.5 a month: the target of 200 comes in about half a year.
const chain: ChainParams = {
  model: 'compound',
  start: 20,
  periods: days,
  offspring: { distribution: 'poisson', introductions: 0.5, conversion: 1, dispersion: Infinity },
  churn: 0,
  market: null,
  calendar: { delay, days, ends: Array.from({ length: days + 1 }, (_, day) => day) },
};
const ask = (work: GoalRunsAsk['work']): GoalRunsAsk => ({ chain, seed: 7, trials: 2000, target: 200, money: null, band: null, bandTo: 0, stopsEarly: true, work });
// Weight 8: the compound model's whole fans (engine.ts's stageWeight), so a day in stages costs (stages + 4) x 8.
const ofDay = dayWork('compound', 0.5, 1, delay.stages / delay.chance, false, delay.stages, 8);
const pause = async () => {};

describe('a goal by date counts its runs\' work as they go', () => {
  it('the same answers with the count as without it, and the work it counted', async () => {
    const plain = await runGoal(ask(null), days, pause);
    const counted = await runGoal(ask({ budget: 1e12, ofDay, refusal: () => new Error('not reached') }), days, pause);
    expect(Array.from(counted.reached)).toEqual(Array.from(plain.reached));
    expect(counted.ranTo).toEqual(plain.ranTo);
    // Every run answered, well before the horizon.
    expect(plain.reached[Math.max(...plain.ranTo)]).toBe(2000);
    expect(Math.max(...plain.ranTo)).toBeLessThan(days / 2);
    // At least 20 a run's day (its row), at most a day in stages: 2,000 runs over the days they ran.
    const runDays = 1024 * (plain.ranTo[0]! + 1) + 976 * (plain.ranTo[1]! + 1);
    expect(counted.spent).toBeGreaterThan(20 * runDays);
    expect(counted.spent).toBeLessThan((delay.stages + 4) * 8 * runDays);
    expect(plain.spent).toBe(0);
  });

  it('past its budget stops with the refusal, saying how many runs had run whole', async () => {
    const whole = (await runGoal(ask({ budget: 1e12, ofDay, refusal: () => new Error('not reached') }), days, pause)).spent;
    // A budget of about 1.5 blocks' work: the second block passes it, the first 1,024 runs whole before it.
    const said: { runs: number; spent: number }[] = [];
    const refused = runGoal(ask({ budget: whole * 0.75, ofDay, refusal: (runs, spent) => (said.push({ runs, spent }), new Error(`refused after ${runs} runs`)) }), days, pause);
    await expect(refused).rejects.toThrow('refused after 1024 runs');
    expect(said).toHaveLength(1);
    expect(said[0]!.spent).toBeGreaterThan(whole * 0.75);
    expect(said[0]!.spent).toBeLessThan(whole);
  });
});

describe("the goal's line past its work (goalWorkRefusal)", () => {
  it('names --trials, the runs run, the work and the bound, and how many runs fit at that rate', async () => {
    const { goalWorkRefusal } = await import('../../src/cli/commands/goal-by-date-sampled.js');
    const after = goalWorkRefusal(20_000, 10_240, 6.1e9);
    expect(after.name).toBe('Refusal');
    // 10,240 runs took 6.1e9 steps: 6e9 allow 10,240 x 6e9 / 6.1e9 = 10,072.
    expect(after.message).toBe(
      '--trials 20,000 is too much work for this goal: its runs answer later than the expected run does, and after 10,240 runs they had taken about 6,100,000,000 weighted steps, past the 6,000,000,000 allowed as they go (16 an event and 20 a run\'s day, or a day in stages); ask for at most 10,072 runs, or a nearer --until',
    );
    // Within the first block: no count to give, and the block is as large as the runs asked.
    expect(goalWorkRefusal(500, 0, 6.2e9).message).toMatch(/and before its first 500 runs had all answered they had taken about 6,200,000,000 weighted steps, [^;]*; ask for a nearer --until$/);
  });
});
