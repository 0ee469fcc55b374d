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
 * x the law's weight by stages; see withinWork for runs by events): about 20 seconds on one
 * core here (see docs/limits.md).
 */
export const calendarWork = 2e9;

/** What a run by events costs an event, in weighted stage steps (see switchAt, events.ts): about 16 (measured 19). */
const eventCost = 16;

/** What a run costs at each row's end (its total kept, sketched, checked): measured about 20 weighted stage steps (90 ns). */
const rowCost = 20;

/**
 * A run's expected events, from the expected run: the tree's fans and their referrals'
 * delays, (1 + K) x fans reached; the compound model's fans, their leavings with churn, and
 * their referral moments, one a mean delay for each referrer on the books (nonreferrers'
 * share taken off the customers, summed over the days). With Poisson referrals the engine
 * skips the moments that bring nobody (events.ts), but each moment it keeps costs more (its
 * skipped delays drawn, a zero-truncated count): counted here as every moment, which
 * measured about 1.3 x what those runs cost (K = 0.59), so the bound stays on the safe side.
 *
 * @example expectedEvents('simulate', { fresh: [1, 2], totals: [1, 3] }, 2, 1, 30, false) // => 9
 */
export function expectedEvents(command: Command, run: { fresh: readonly number[]; totals: readonly number[] }, k: number, refers: number, meanDays: number, churn: boolean): number {
  const reached = run.fresh.reduce((sum, n) => sum + n, 0);
  if (command === 'simulate') return (1 + k) * reached;
  const customerDays = run.totals.reduce((sum, n) => sum + n, 0);
  return reached * (churn ? 2 : 1) + (refers * customerDays) / meanDays;
}

/**
 * Refuses a sampled calendar run past {@link calendarWork}: runs x the smaller of 16 x a
 * run's expected events plus 20 a row (what each row's end costs it), and days x (stages
 * + 4) x the law's weight (a run by events goes on in stages when it grows, and the mean cost
 * of runs is at most this, their cost being concave in their events); or past `mostSteps`
 * run-steps: one line saying how many runs the horizon allows.
 */
export function withinWork(trials: number, steps: number, unit: 'days' | 'cycles', stages: number, weight: number, mostSteps = Infinity, cohorts = 0, events: { perRun: number; rows: number } | null = null): void {
  // A dated forecast's customers cost a run a step per cohort (a day of joining) at its start.
  const byStages = (steps + cohorts) * (stages + 4) * weight;
  // Expected events past what a double holds (a K whose expected totals overflow) leave the stages' bound.
  const byEvents = events === null ? Infinity : eventCost * events.perRun + rowCost * events.rows;
  const perRun = byEvents < byStages ? byEvents : byStages;
  const most = Math.min(Math.floor(calendarWork / perRun), Math.floor(mostSteps / steps));
  if (trials <= most) return;
  const delay = unit === 'days' ? ` with a delay of ${stages} ${stages === 1 ? 'stage' : 'stages'}` : '';
  const whole = weight > 8 ? ` x ${weight} (whole fans move through the stages, and churn takes from each)` : weight > 1 ? ` x ${weight} (whole fans move through the stages)` : '';
  const runSteps = Number.isFinite(mostSteps) ? `, runs x ${unit} at most ${thousands(mostSteps)}` : '';
  const cost = events === null || !Number.isFinite(byEvents) ? `runs x ${unit}${cohorts > 0 ? ' and days of joining' : ''} x (stages + 4)${whole}` : `runs x the smaller of 16 x ${thousands(Math.round(events.perRun))} expected events a run plus 20 x ${thousands(events.rows)} rows, and ${unit} x (stages + 4)${whole}`;
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
