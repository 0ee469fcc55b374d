import { type ChainParams, PeriodSketches, blockCount, blockSize } from '../chains/montecarlo.js';
import { runTrialsBlock } from '../chains/engine.js';
import type { RunMoney } from '../chains/sink.js';

/**
 * The sampled runs of a goal by date (`fans goal TARGET --by-date --trials N`), block by
 * block: how many runs have reached the target by each day, and the band of the runs around
 * the expected curve. Runs by day stop once the question is answered (#33): when every run
 * of a block has reached the target (or its money target) or can no longer (died out, its
 * amount no longer growing), and the band's days have been run.
 */

/**
 * A goal's band: the runs' totals (a count goal) or their amounts less the target (a money
 * goal: the positive and negative parts sketched apart, as TrialSummary does) on every
 * `every`-th day and the last; before `from` (the day the money starts) none.
 */
export interface GoalBand {
  totals: PeriodSketches | null;
  amounts: { above: PeriodSketches; below: PeriodSketches; up: Float64Array; down: Float64Array } | null;
  every: number;
  lastDay: number;
  from: number;
  /** A money goal's target in minor units: the runs keep their amount less it, and it is added back. */
  goalMinor: number;
}

/**
 * The band's sketches for days 0..lastDay, one every `every` days and the last: of the
 * totals, or for a money goal of the amounts; none when `banded` is false.
 *
 * @example goalBand(3652, 4, true, false).totals // a PeriodSketches of 914 days
 */
export function goalBand(lastDay: number, every: number, banded: boolean, money: boolean): Pick<GoalBand, 'totals' | 'amounts' | 'every' | 'lastDay'> {
  const lastSketch = Math.ceil(lastDay / every);
  return {
    totals: money || !banded ? null : new PeriodSketches(lastSketch),
    amounts: money && banded ? { above: new PeriodSketches(lastSketch), below: new PeriodSketches(lastSketch), up: new Float64Array(blockSize), down: new Float64Array(blockSize) } : null,
    every,
    lastDay,
  };
}

/** What a goal's runs are asked. */
export interface GoalRunsAsk {
  chain: ChainParams;
  seed: number;
  trials: number;
  /** A count goal's target (a money goal's is in its payback: `money`). */
  target: number;
  /** A money goal: its runs' payback flags say they reached it; with a recurring value a died-out run's amount still grows. */
  money: { recurring: boolean } | null;
  band: GoalBand | null;
  /** Each block runs at least to this day (the band's days); stopsEarly false: to the last day. */
  bandTo: number;
  stopsEarly: boolean;
  /**
   * The work the runs may take, counted as they go (runs by events: checked up front only to
   * the day they are expected to stop, work.ts): `ofDay` weighs a day of `count` runs from
   * their summed new fans and totals (work.ts's dayWork), and past `budget` the run stops with
   * `refusal(runs, spent)`, `runs` those run whole before. Null: no count (runs by day,
   * bounded up front to the horizon).
   */
  work: { budget: number; ofDay: (fresh: number, total: number, count: number) => number; refusal: (runs: number, spent: number) => Error } | null;
}

/**
 * The work a goal's runs have taken so far, for {@link GoalRunsAsk.work}: `day` adds a day of
 * a block's runs (their totals and fans reached), and throws the refusal past the budget.
 */
function workCounter(work: GoalRunsAsk['work'], from: number): { spent(): number; block(first: number): void; day(count: number, total: number, ever: number): void; runs(count: number, totals: Float64Array, reached: Float64Array | undefined): void } {
  let spent = from;
  let before = 0;
  let runs = 0;
  const counter = {
    spent: () => spent,
    block(first: number) {
      before = 0;
      runs = first;
    },
    /** A day of `count` runs, from their summed totals and fans ever reached. */
    day(count: number, total: number, ever: number) {
      if (work === null) return;
      spent += work.ofDay(ever - before, total, count);
      before = ever;
      if (spent > work.budget) throw work.refusal(runs, spent);
    },
    /** The same, summing the runs' totals and fans reached here. */
    runs(count: number, totals: Float64Array, reached: Float64Array | undefined) {
      if (work === null) return;
      let total = 0;
      let ever = 0;
      for (let i = 0; i < count; i++) {
        total += totals[i]!;
        ever += reached === undefined ? totals[i]! : reached[i]!;
      }
      counter.day(count, total, ever);
    },
  };
  return counter;
}

/** Sketches one day of a block's runs for the band. */
function sketchDay(band: GoalBand | null, period: number, count: number, totals: Float64Array, money: RunMoney | undefined): void {
  if (band === null || !(period % band.every === 0 || period === band.lastDay)) return;
  const { amounts } = band;
  if (amounts) {
    // Before the money starts (day 0) every run stands where the expected one does: the curve is the band there.
    if (period < band.from || !money?.nets) return;
    const { up, down } = amounts;
    for (let i = 0; i < count; i++) {
      const amount = money.nets[i]! + band.goalMinor;
      up[i] = amount > 0 ? amount : 0;
      down[i] = amount < 0 ? -amount : 0;
    }
    amounts.above.add(Math.ceil(period / band.every), up, count);
    amounts.below.add(Math.ceil(period / band.every), down, count);
  } else if (band.totals) band.totals.add(Math.ceil(period / band.every), totals, count);
}

/**
 * Runs a goal's blocks: `reached[day]`, the runs at the target by each day (a run that
 * reached it stays counted), and the last day each block ran (`ranTo`: where it stopped
 * early, the band's later days lack its runs), and the work they took (`spent`, with
 * `ask.work`). `pause` runs between blocks (the CLI yields to its event loop there and
 * throws on Ctrl-C).
 */
export async function runGoal(ask: GoalRunsAsk, lastDay: number, pause: () => Promise<void>): Promise<{ reached: Float64Array; ranTo: number[]; spent: number }> {
  const { chain, seed, trials } = ask;
  const reached = new Float64Array(lastDay + 1);
  const ranTo: number[] = [];
  const spent = workCounter(ask.work, 0);
  for (let block = 0; block < blockCount(trials); block++) {
    await pause();
    const count = Math.min(blockSize, trials - block * blockSize);
    spent.block(block * blockSize);
    // Each run's first day at the target (a count goal): once reached, reached.
    const hit = new Uint8Array(count);
    let hits = 0;
    let last = lastDay;
    runTrialsBlock(chain, seed, block, count, (period, totals, fans, money, live) => {
      sketchDay(ask.band, period, count, totals, money);
      const done = ask.money ? money!.paid : hit;
      if (ask.money) {
        spent.runs(count, totals, fans);
        hits = 0;
        for (let i = 0; i < count; i++) hits += done[i]!;
      } else {
        // The runs at the target, and the day's work counted in the same pass.
        let total = 0;
        let ever = 0;
        for (let i = 0; i < count; i++) {
          const n = totals[i]!;
          total += n;
          ever += fans === undefined ? n : fans[i]!;
          if (hit[i] === 0 && n >= ask.target) {
            hit[i] = 1;
            hits++;
          }
        }
        spent.day(count, total, ever);
      }
      reached[period]! += hits;
      if (!ask.stopsEarly || period < ask.bandTo || period === lastDay) return false;
      // A run that has died out no longer grows (nor does its money, without a recurring value).
      for (let i = 0; i < count; i++) if (done[i] === 0 && (live === undefined || live[i] === 1 || ask.money?.recurring)) return false;
      last = period;
      return true;
    });
    // After a block stopped, its runs stand where they were: the count at the target does not change.
    for (let period = last + 1; period <= lastDay; period++) reached[period]! += hits;
    ranTo.push(last);
  }
  return { reached, ranTo, spent: spent.spent() };
}

/**
 * Runs again, with the same draws (the same runs), each block that stopped before
 * `through`, sketching its days after where it stopped: the band's later days (a chart
 * drawn through the latest percentile date) then hold every run.
 */
export async function bandThrough(ask: GoalRunsAsk, ranTo: readonly number[], through: number, pause: () => Promise<void>, spentBefore = 0): Promise<void> {
  // Its work counts on from the first pass's (`spentBefore`): it runs those blocks' days again.
  const spent = workCounter(ask.work, spentBefore);
  for (const [block, to] of ranTo.entries()) {
    if (to >= through) continue;
    await pause();
    const count = Math.min(blockSize, ask.trials - block * blockSize);
    // Every run has answered by now: a refusal here counts the runs before this block as run.
    spent.block(block * blockSize);
    runTrialsBlock(ask.chain, ask.seed, block, count, (period, totals, fans, money) => {
      spent.runs(count, totals, fans);
      if (period > to) sketchDay(ask.band, period, count, totals, money);
      return period >= through;
    });
  }
}
