import type { ChainParams } from '../../model/chains/montecarlo.js';
import type { Payback } from '../../model/chains/payback.js';
import { chainFactor } from '../../model/chains/offspring.js';
import { stageWeight } from '../../model/calendar/engine.js';
import { dayDate, isoDate } from '../../model/calendar/dates.js';
import { type GoalBand, type GoalRunsAsk, bandThrough, goalBand, runGoal } from '../../model/calendar/goal-runs.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { calendarWork, dayWork, expectedEvents, refuseOverflow, withinWork } from '../../model/calendar/work.js';
import { Refusal } from '../../model/refusal.js';
import { blockSize } from '../../model/chains/blocks.js';
import { thousands } from '../../model/limits.js';
import type { PascalDelay } from '../../model/calendar/delays.js';
import type { Amount } from '../../output/amount.js';
import type { Json } from '../../output/json.js';
import type { Report, Style } from '../../output/render.js';
import type { ChartData } from '../../output/scale.js';
import { bandReader } from '../../report/calendar-sampled.js';
import { sampledGoalReport } from '../../report/goal-by-date.js';
import type { StopSignal } from '../io/io.js';
import { type Io } from '../io/io.js';
import { Interrupted } from '../io/trials.js';
import { bounds } from '../flags/options.js';
import { cyclesWithin, leaveOf, renewalOf } from './calendar-parts.js';
import type { CompoundFlags } from './compound.js';
import { type fittedChain, chainFor } from './sampled.js';
import type { TrialFlags } from '../flags/trials.js';
import type { SimulateParams } from './simulate.js';

/**
 * What a goal's runs with a spread may cost: the expected run at the largest K a run can draw,
 * its events by day (work.ts), and a day's work of the sampled runs counted as they go.
 */
function workOf(g: GoalRun, base: ChainParams, delay: PascalDelay) {
  const existingAges = g.fitted?.about.dated?.existing.ages.length ?? 0;
  const K = g.fitted ? g.fitted.upper * (1 - g.fitted.fields.nonreferrers) : chainFactor(base);
  const expected = renewalOf(g.command, g.p, g.c, K);
  const refers = 1 - (g.p.nonreferrers ?? 0);
  const meanDays = delay.stages / delay.chance;
  const churn = leaveOf(g.command, g.p.churn, g.c) > 0;
  const weight = stageWeight(base);
  return {
    existingAges,
    K,
    expected,
    stages: delay.stages,
    weight,
    byDay: expectedEvents(g.command, expected, K, refers, meanDays, churn),
    ofDay: dayWork(g.command, K, refers, meanDays, churn, delay.stages, weight),
  };
}

/**
 * The line of a goal whose runs, counted as they go, passed twice the work bound: after
 * `runs` whole runs (a block's 1,024 at a time), `spent` weighted steps.
 *
 * @example goalWorkRefusal(20_000, 10_240, 6.1e9).message // '--trials 20,000 is too much work for this goal: ... ask for at most 10,072 runs, or a nearer --until'
 */
export function goalWorkRefusal(trials: number, runs: number, spent: number): Refusal {
  const had = runs === 0 ? `before its first ${thousands(Math.min(blockSize, trials))} runs had all answered` : `after ${thousands(runs)} runs`;
  const ask = runs === 0 ? 'ask for a nearer --until' : `ask for at most ${thousands(Math.floor((runs * 2 * calendarWork) / spent))} runs, or a nearer --until`;
  return new Refusal(`--trials ${thousands(trials)} is too much work for this goal: its runs answer later than the expected run does, and ${had} they had taken about ${thousands(Math.round(spent))} weighted steps, past the ${thousands(2 * calendarWork)} allowed as they go (16 an event and 20 a run's day, or a day in stages); ${ask}`);
}

/** The most days a goal's band is sketched on: about as many as its chart draws (calendar.ts thins it to 1,000 points). */
const maxBandDays = 1000;

/** What a sampled goal by date needs from calendar.ts. */
export interface GoalRun {
  command: Command;
  p: SimulateParams & CompoundFlags;
  /** The run's trial flags, read by the plan. */
  t: TrialFlags;
  c: Calendar;
  rate: number | null;
  target: number;
  /** The day of --deadline, from the start. */
  deadlineDay: number | null;
  /** The date the expected total reaches the target. */
  expectedDate: string | null;
  /** The expected total on that date, or at the horizon. */
  expectedTotal: number;
  parameters: Record<string, Json>;
  /** The expected totals' chart, with the target. */
  chart: ChartData;
  /** Whether the chart is drawn: the runs then go on to the band's days, else they stop once the dates are known. */
  drawn: boolean;
  /** The chart drawn through a date (the latest percentile date), where the plain one would end before it. */
  chartThrough?: (date: string | null) => ChartData;
  /** A forecast from --fit: the fit's chain, each run drawing its own K and k. */
  fitted: Awaited<ReturnType<typeof fittedChain>> | null;
  /**
   * A money target (`--net X`, `--revenue X`): each run is checked for its cumulative net
   * reaching X (`payback`, see goal-net-date.ts) in place of its total reaching `target`;
   * `text` writes X, `expected` the expected run's amount on its date.
   */
  /** A count goal with money: what the fans are worth by the expected date (a summary line, and JSON). */
  worth?: { line: (style: Style) => string; json: Json };
  money?: { kind: 'net' | 'revenue'; amount: Amount; payback: (chain: ChainParams, bands?: boolean) => Payback; text: (style: Style) => string; expected: (style: Style) => string };
}

/**
 * `fans goal TARGET --by-date --trials N`: in each run, the first day its total reaches the
 * target; the percentiles of that day over the runs (a run that never reaches it counts as
 * later than any date), and the share of runs reaching it by --deadline. The runs are those
 * of `fans simulate|compound --trials` on the same calendar, on this thread.
 */
export async function sampledGoalByDate(io: Io, g: GoalRun): Promise<Report> {
  const t = g.t;
  const tree = g.command === 'simulate';
  const trials = t.trials!;
  const base = g.fitted ? g.fitted.chain : chainFor(tree ? { command: 'simulate', p: { ...g.p, depth: 0 } } : { command: 'compound', p: { ...g.p, years: 0 } }, t);
  const law = g.fitted ? { distribution: base.offspring.distribution, dispersion: base.offspring.distribution === 'negbin' ? base.offspring.dispersion : null } : { distribution: t.distribution, dispersion: t.dispersion };
  const c = g.c;
  // The days totals are looked at: every day with a spread, else each cycle's day.
  const days = c.spread ? Array.from({ length: c.days + 1 }, (_, day) => day) : cyclesWithin(c, tree ? bounds.depth : bounds.years);
  // The work of the runs (with a spread): from the expected run at the largest K a run can draw.
  const work = c.spread ? workOf(g, base, c.spread.delay) : null;
  if (work === null) withinWork(trials, days.length, 'cycles', 1, 1, bounds.trialPeriods);
  // As for simulate and compound (they crashed the goal).
  else if (work.existingAges === 0) refuseOverflow(work.expected, c, g.fitted ? work.K : null);
  const existing = g.fitted?.about.dated?.existing;
  const runs: ChainParams = c.spread
    ? { ...base, start: g.p.start, periods: days.length - 1, calendar: { delay: c.spread.delay, days: c.days, ends: days, leave: leaveOf(g.command, g.p.churn, c), ...(existing ? { existing } : {}) } }
    : { ...base, periods: days.length - 1 };
  const seed = t.seed ?? (await import('node:crypto')).randomInt(0, bounds.seed);
  // The band around the expected curve: the runs' totals (a count goal) or their cumulative
  // net or revenue (a money goal) sketched on every `every`-th day (at most about 1,000 of
  // them, as many as the chart draws) and the last, their lowest and highest percentiles drawn.
  const every = Math.max(1, Math.ceil(days.length / maxBandDays));
  const lastDay = days.length - 1;
  const sketches = goalBand(lastDay, every, g.drawn && t.quantiles.length >= 2, g.money !== undefined);
  // A money target: the runs count, day by day, those whose cumulative net has reached it.
  const chain = g.money ? { ...runs, payback: g.money.payback(runs, sketches.amounts !== null) } : runs;
  const from = chain.payback?.from ?? 0;
  // A money goal's runs keep their amount less the target (the payback's offsets hold it): it is added back.
  const band: GoalBand | null = sketches.totals || sketches.amounts ? { ...sketches, from, goalMinor: g.money ? Number(g.money.amount.minor) : 0 } : null;
  const dateOfDay = (day: number) => isoDate(dayDate(c.start, day));
  // Each day's date, written once (ascending, so the first day on or after a date is a search).
  const dayDates = days.map(dateOfDay);
  const firstOnOrAfter = (date: string) => dayDates.findIndex((d) => d >= date);
  // The days the chart draws the band over are run: to a quarter past the expected date
  // (report/calendar-periods.ts's goalChart) and the deadline.
  const expectedAt = g.expectedDate === null ? -1 : firstOnOrAfter(g.expectedDate);
  let bandTo = expectedAt < 0 ? lastDay : Math.min(lastDay, Math.max(expectedAt + 1, Math.ceil(expectedAt * 1.25)));
  if (g.deadlineDay !== null) bandTo = Math.max(bandTo, Math.min(lastDay, days.findLastIndex((day) => day <= g.deadlineDay!)));
  // A day between sketches is read from the sketches either side: run to the next sketched day.
  const sketchedFrom = (day: number) => Math.min(lastDay, Math.ceil(day / every) * every);
  // Without a band to draw, no day needs running past the answer.
  bandTo = band === null ? 0 : sketchedFrom(bandTo);
  if (work !== null) {
    // Runs by events stop once answered (or at the band's last day): their work is checked up
    // front to a quarter past the day the expected run answers (as the band runs on: the runs
    // answer around it), and counted as they go (goal-runs.ts), to twice the bound at most.
    // Runs by day (customers already there) cost their days whatever they hold: to the horizon.
    const until = work.existingAges > 0 || expectedAt < 0 ? undefined : Math.min(lastDay, Math.max(Math.ceil(expectedAt * 1.25), bandTo));
    withinWork(trials, days.length, 'days', work.stages, work.weight, bounds.trialPeriods, work.existingAges, work.existingAges > 0 ? null : { byDay: work.byDay, rows: days.length, ...(until === undefined ? {} : { until }) });
  }
  const ask: GoalRunsAsk = {
    chain,
    seed,
    trials,
    target: g.target,
    money: g.money ? { recurring: chain.payback !== undefined && (chain.payback.perCustomer !== undefined || chain.payback.perDay !== undefined) } : null,
    band,
    bandTo,
    // FANS_RUN_TO_HORIZON=1 runs every day to the horizon, as before: a check that stopping changes nothing (tested).
    stopsEarly: c.spread !== null && io.env.FANS_RUN_TO_HORIZON !== '1',
    work:
      work === null || work.existingAges > 0
        ? null
        : {
            budget: 2 * calendarWork,
            ofDay: work.ofDay,
            refusal: (runs, spent) => goalWorkRefusal(trials, runs, spent),
          },
  };
  let interrupted: StopSignal | null = null;
  const pause = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (interrupted) throw new Interrupted(interrupted);
  };
  const stop = io.onInterrupt((signal) => (interrupted = signal));
  let reached: Float64Array;
  let ranTo: number[];
  let dates: { q: number; date: string | null }[];
  let through: number;
  try {
    let spent: number;
    ({ reached, ranTo, spent } = await runGoal(ask, lastDay, pause));
    dates = percentileDates(reached, t.quantiles, trials, dayDates);
    // The chart is drawn through the latest percentile date too (markedChart): a block that stopped
    // before it runs again to it (the same draws: the same runs), for the band's later days.
    const latestAt = Math.max(-1, ...dates.map((d) => (d.date === null ? -1 : firstOnOrAfter(d.date))));
    through = sketchedFrom(Math.max(bandTo, latestAt));
    if (band) await bandThrough(ask, ranTo, through, pause, spent);
  } finally {
    stop();
  }
  let deadline: { date: string; share: number; error: number } | null = null;
  if (g.deadlineDay !== null) {
    let at = 0;
    while (at + 1 < days.length && days[at + 1]! <= g.deadlineDay) at++;
    const s = reached[at]! / trials;
    deadline = { date: dateOfDay(g.deadlineDay), share: s, error: Math.sqrt((s * (1 - s)) / trials) };
  }
  const ranLast = Math.max(...ranTo, ranTo.some((to) => to < through) && band ? through : 0);
  return sampledGoalReport(
    { start: g.p.start, rate: g.rate, target: g.target, expectedDate: g.expectedDate, expectedTotal: g.expectedTotal, parameters: g.parameters, chart: g.chart, ...(g.chartThrough ? { chartThrough: g.chartThrough } : {}), fitted: g.fitted?.about ?? null, ...(g.worth ? { worth: g.worth } : {}), ...(g.money ? { money: g.money } : {}) },
    {
      c,
      trials,
      seed,
      law,
      quantiles: t.quantiles,
      k: chainFactor(base),
      dates,
      share: reached.at(-1)! / trials,
      deadline,
      stoppedOn: ranLast < lastDay ? dayDates[ranLast]! : null,
      band: bandReader(sketches.totals, sketches.amounts, from, every, g.money ? 10 ** g.money.amount.digits : 1),
      every,
      dayDates,
    },
  );
}

/** Each percentile's date: the first day on which that share of the runs had reached the target (null: none by the horizon). */
function percentileDates(reached: Float64Array, quantiles: readonly number[], trials: number, dayDates: readonly string[]): { q: number; date: string | null }[] {
  return quantiles.map((q) => {
    const needed = Math.ceil((q / 100) * trials - 1e-9);
    const at = reached.findIndex((n) => n >= Math.max(1, needed));
    return { q, date: at < 0 ? null : dayDates[at]! };
  });
}
