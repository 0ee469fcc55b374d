import { thousands } from '../limits.js';
import { Refusal } from '../refusal.js';
import type { Calendar, Command } from './run-calendar.js';

/**
 * What a sampled calendar run may cost, checked before it runs (docs/limits.md): its work
 * in weighted steps, from the expected run's events or its days and stages, and expected
 * totals a double still holds.
 */

/**
 * Work a sampled calendar run may take, in weighted stage steps (runs x days x (stages + 4)
 * x the law's weight by stages; see {@link runWork} for runs by events): at most about 21
 * seconds on one thread here, measured at the bound (docs/limits.md).
 */
export const calendarWork = 3e9;

/** What a run by events costs an event, in weighted stage steps (see switchAt, events.ts): about 16 (measured 19). */
const eventCost = 16;

/** What a run costs at each row's end (its total kept, sketched, checked): measured about 20 weighted stage steps (90 ns). */
const rowCost = 20;

/**
 * A run's expected events before each day, from the expected run: `events[s]` those of days
 * 0..s - 1 (`events[0]` = 0, the last all of them). The tree's fans and their referrals'
 * delays, (1 + K) x fans reached; the compound model's fans, their leavings with churn, and
 * their referral moments, one a mean delay for each referrer on the books (nonreferrers'
 * share taken off the customers, summed over the days). With Poisson referrals the engine
 * skips the moments that bring nobody (events.ts), but each moment it keeps costs more (a
 * zero-truncated count drawn): counted here as every moment, so the bound stays on the safe side.
 *
 * @example expectedEvents('simulate', { fresh: [1, 2], totals: [1, 3] }, 2, 1, 30, false) // => [0, 3, 9]
 */
export function expectedEvents(command: Command, run: { fresh: readonly number[]; totals: readonly number[] }, k: number, refers: number, meanDays: number, churn: boolean): Float64Array {
  const events = new Float64Array(run.fresh.length + 1);
  for (let t = 0; t < run.fresh.length; t++) events[t + 1] = events[t]! + dayEvents(command, run.fresh[t]!, run.totals[t]!, k, refers, meanDays, churn);
  return events;
}

/**
 * A day's events, by the rule of {@link expectedEvents}, from its new fans and its total.
 *
 * @example dayEvents('compound', 10, 365, 0.59, 1, 365, false) // => 11: 10 fans and one referral moment
 */
export function dayEvents(command: Command, fresh: number, total: number, k: number, refers: number, meanDays: number, churn: boolean): number {
  return command === 'simulate' ? (1 + k) * fresh : fresh * (churn ? 2 : 1) + (refers * total) / meanDays;
}

/**
 * The work of a day of `count` runs, counted as they go (a goal by date's runs, which stop
 * once answered: see goal-runs.ts), by the rule of {@link runWork}: 16 an event and 20 a run
 * (its row), or, where less, every run's day in stages. From the runs' summed new fans and
 * totals, so the events of all runs are counted as one run's (the least of the sums is at
 * least the sum of each run's least: on the safe side).
 *
 * @example dayWork('compound', 0.59, 1, 365, false, 100, 8)(10, 365, 1) // => 196: 11 events and a row (a day in 100 stages: 832)
 */
export function dayWork(command: Command, k: number, refers: number, meanDays: number, churn: boolean, stages: number, weight: number): (fresh: number, total: number, count: number) => number {
  const day = (stages + 4) * weight;
  return (fresh, total, count) => Math.min(eventCost * dayEvents(command, fresh, total, k, refers, meanDays, churn) + rowCost * count, count * day);
}

/**
 * What a run by events (events.ts) is bounded to cost, in weighted stage steps: the least,
 * over the day s it might go on in stages, of 16 x its expected events before s plus 20 a
 * row (what each row's end costs it), and its days from s on x (stages + 4) x the law's
 * weight; s = 0, all in stages, costs the days alone (the rows' ends within the 4). A run
 * goes on in stages where its events due on a day come to cost what a day of stages does
 * ({@link switchAt}), so it costs about the least of these for its own growth; and the mean
 * over runs of each run's least is at most the least of the mean, which this is (the expected
 * events being the runs' mean). Null where the expected events are past what a double holds.
 *
 * @example runWork(Float64Array.of(0, 10, 1e6), 2, 5, 1, 3) // => 2 x 9 = 18: all in stages
 */
export function runWork(events: Float64Array, steps: number, stages: number, weight: number, rows: number): number | null {
  const day = (stages + 4) * weight;
  let least = steps * day;
  for (let s = 1; s <= steps && s < events.length; s++) {
    const cost = eventCost * events[s]! + rowCost * rows + (steps - s) * day;
    if (cost < least) least = cost;
  }
  return Number.isFinite(events.at(-1)!) ? least : null;
}

/** A count of expected events as the refusal writes it: whole, or in three figures past 1e15 (`2.55e+22`). */
const eventCount = (n: number) => (n < 1e15 ? thousands(Math.round(n)) : n.toPrecision(3));

/**
 * Refuses a sampled calendar run past {@link calendarWork}: runs x a run's work ({@link
 * runWork}, or with no events days x (stages + 4) x the law's weight); or past `mostSteps`
 * run-steps: one line saying how many runs the horizon allows. With `events.until`, the runs
 * are expected to stop on that day (a goal by date, once answered), and their work is
 * counted to it: past it, the runs count their own as they go (goal-runs.ts).
 */
export function withinWork(trials: number, steps: number, unit: 'days' | 'cycles', stages: number, weight: number, mostSteps = Infinity, cohorts = 0, events: { byDay: Float64Array; rows: number; until?: number } | null = null): void {
  // A dated forecast's customers cost a run a step per cohort (a day of joining) at its start.
  const byStages = (steps + cohorts) * (stages + 4) * weight;
  // Expected events past what a double holds (a K whose expected totals overflow) leave the stages' bound.
  const to = events?.until === undefined ? steps : Math.min(steps, events.until + 1);
  const byEvents = events === null ? null : runWork(events.byDay.subarray(0, to + 1), to, stages, weight, Math.min(events.rows, to));
  const perRun = byEvents ?? byStages;
  const most = Math.min(Math.floor(calendarWork / perRun), Math.floor(mostSteps / steps));
  if (trials <= most) return;
  const delay = unit === 'days' ? ` with a delay of ${stages} ${stages === 1 ? 'stage' : 'stages'}` : '';
  const whole = weight > 8 ? ` x ${weight} (whole fans move through the stages, and churn takes from each)` : weight > 1 ? ` x ${weight} (whole fans move through the stages)` : '';
  const runSteps = Number.isFinite(mostSteps) ? `, runs x ${unit} at most ${thousands(mostSteps)}` : '';
  const until = to < steps ? ` to day ${thousands(to - 1)}, where the runs are expected to have answered` : '';
  const cost = byEvents === null ? `runs x ${unit}${cohorts > 0 ? ' and days of joining' : ''} x (stages + 4)${whole}` : `runs x ${thousands(Math.round(byEvents))} a run${until}: the least, over the day a run goes on in stages, of 16 x its expected events before it (${eventCount(events!.byDay[to]!)} in all) plus 20 x ${thousands(Math.min(events!.rows, to))} rows, and its ${unit} from then on x (stages + 4)${whole}`;
  throw new Refusal(
    `--trials ${thousands(trials)} over ${thousands(steps)} ${unit}${delay}${cohorts > 0 ? ` from ${thousands(cohorts)} days of joining customers` : ''} is too much work: at most ${thousands(Math.max(1, most))} runs for this horizon (${cost} may be at most ${thousands(calendarWork)}${runSteps})`,
  );
}

/**
 * Refuses sampled runs whose expected totals pass 1e290 by the horizon, where sampled counts
 * leave what a double holds; with a fit, `fittedK` is the largest K a run can draw (the one
 * the expected run was worked out at).
 */
export function refuseOverflow(run: { totals: readonly number[] }, c: Calendar, fittedK: number | null): void {
  if (run.totals.at(-1)! < 1e290) return;
  throw new Refusal(`${c.horizonFlag} is too long for --trials with these parameters: expected totals would pass 1e290${fittedK !== null ? ` with K as large as the fit's uncertainty allows (${thousands(Math.round(fittedK))})` : ''}, where sampled counts leave what a double holds`);
}
