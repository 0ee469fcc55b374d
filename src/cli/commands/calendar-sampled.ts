import { type ChainParams, type TrialRow, PeriodSketches, blockCount, blockSize } from '../../model/chains/montecarlo.js';
import { runTrialsBlock } from '../../model/chains/engine.js';
import { stageWeight } from '../../model/calendar/engine.js';
import type { Json } from '../../output/json.js';
import type { Payback } from '../../model/chains/payback.js';
import type { RunMoney } from '../../model/chains/sink.js';
import type { ChartData } from '../../output/scale.js';
import type { CompoundFlags } from './compound.js';
import { type CalendarPeriod, calendarPeriods, cycleDays, dayDate, isoDate, periodCount } from '../../model/calendar/dates.js';
import { existingArrivals } from '../../model/calendar/existing.js';
import type { Report, Style } from '../../output/render.js';
import { Amount } from '../../output/amount.js';
import { billingByDay, leaveOf, datedMoney, cyclesWithin, moneyByPeriod, presentOfPeriods, renewalOf } from './calendar-parts.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { calendarJson, calendarLines, withDates } from '../../report/calendar.js';
import { bandReader, cyclesByPeriod, fitJson, fitLines, periodTrialReport, withBand } from '../../report/calendar-sampled.js';
import { type Io, type StopSignal, UsageError } from '../io/io.js';
import { bounds } from '../flags/options.js';
import { thousands } from '../flags/parse.js';

import type { Money } from '../../model/money.js';
import { moneyPayback } from '../../model/chains/money-payback.js';
import { withMoney } from '../../report/money.js';
import { withMoneyBands } from '../../report/money-bands.js';
import { type fittedChain, chainFor, sampledReport, trialSchema } from './sampled.js';
import { lawName } from '../../report/sampled.js';
import type { SimulateParams } from './simulate.js';
import { Interrupted, runTrials } from '../io/trials.js';
import { threadsFor } from '../io/threads.js';
import { parseFlags, pick } from '../flags/validate.js';
import { chainFactor } from '../../model/chains/offspring.js';

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
 * Refuses sampled runs whose expected totals pass 1e290 by the horizon, where sampled counts
 * leave what a double holds; with a fit, `fittedK` is the largest K a run can draw (the one
 * the expected run was worked out at).
 */
function refuseOverflow(run: { totals: readonly number[] }, c: Calendar, fittedK: number | null): void {
  if (run.totals.at(-1)! < 1e290) return;
  throw new UsageError(`${c.horizonFlag} is too long for --trials with these parameters: expected totals would pass 1e290${fittedK !== null ? ` with K as large as the fit's uncertainty allows (${thousands(Math.round(fittedK))})` : ''}, where sampled counts leave what a double holds`);
}

/**
 * Refuses a sampled calendar run past {@link calendarWork}: runs x the smaller of 16 x a
 * run's expected events plus 20 a row (what each row's end costs it), and days x (stages
 * + 4) x the law's weight (a run by events goes on in stages when it grows, and the mean cost
 * of runs is at most this, their cost being concave in their events); or past `mostSteps`
 * run-steps: one line saying how many runs the horizon allows.
 */
function withinWork(trials: number, steps: number, unit: 'days' | 'cycles', stages: number, weight: number, mostSteps = Infinity, cohorts = 0, events: { perRun: number; rows: number } | null = null): void {
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
  throw new UsageError(
    `--trials ${thousands(trials)} over ${thousands(steps)} ${unit}${delay}${cohorts > 0 ? ` from ${thousands(cohorts)} days of joining customers` : ''} is too much work: at most ${thousands(Math.max(1, most))} runs for this horizon (${cost} may be at most ${thousands(calendarWork)}${runSteps})`,
  );
}

/**
 * `--trials` on the calendar. Without a spread, the model's sampled runs by cycle, each
 * cycle on its date (by period: the totals of the last cycle in each period). With a
 * spread, runs day by day (model/calendar/engine.ts), a row per calendar period.
 */
export async function sampledCalendarReport(
  io: Io,
  command: Command,
  p: SimulateParams | CompoundFlags,
  flags: Record<string, unknown>,
  c: Calendar,
  rate: number | null,
  money: { amounts: Money } | null,
  fitted: Awaited<ReturnType<typeof fittedChain>> | null = null,
): Promise<Report> {
  const tree = command === 'simulate';
  if (!c.spread) {
    const cycles = cyclesWithin(c, tree ? bounds.depth : bounds.years);
    const last = cycles.length - 1;
    const model = tree ? { command, p: { ...(p as SimulateParams), depth: last } } : { command, p: { ...(p as CompoundFlags), years: last } };
    const report = await sampledReport(io, model as never, flags, money?.amounts ?? null, c.cycle);
    const mean = Number(report.rows.at(-1)!.mean);
    if (c.by === null) return withDates(report, command, c, cycles.map((day) => isoDate(dayDate(c.start, day))), rate, p.start, mean);
    return cyclesByPeriod(report, c, cycles, rate, p.start);
  }
  const t = parseFlags(trialSchema(), pick(flags, trialSchema().shape));
  const trials = t.trials!;
  // With --fit, each run draws its own K and k from the fit (as the runs by cycle do).
  const base = fitted ? fitted.chain : chainFor(tree ? { command: 'simulate', p: { ...(p as SimulateParams), depth: 0 } } : { command: 'compound', p: { ...(p as CompoundFlags), years: 0 } }, t);
  const { delay } = c.spread;
  // Dated records: the file's customers, part way through their referrals (existing.ts); each cohort costs a run what a day does.
  const existing = fitted?.about.dated?.existing ?? null;
  const withArrivals = (K: number) => (existing ? { ...p, arrivals: existingArrivals(existing, delay, K, base.offspring.dispersion, c.days) } : p);
  // Expected totals past 1e290 would leave what a double holds in the runs (with a fit, at the largest K a run can draw).
  const k = chainFactor(base);
  const most = fitted ? fitted.upper * (1 - fitted.fields.nonreferrers) : k;
  const largest = renewalOf(command, withArrivals(most), c, most);
  // Runs from a dated export's customers go day by day; others by events (at the largest K a run can draw).
  // Each row's end costs every run; a recurring value by day, each day.
  const rowEnds = periodCount(c.start, c.days, c.by!) + (money?.amounts.per ? c.days : 0);
  const events = existing ? null : { perRun: expectedEvents(command, largest, most, 1 - (p.nonreferrers ?? 0), delay.stages / delay.chance, leaveOf(command, tree ? 0 : (p as CompoundFlags).churn, c) > 0), rows: rowEnds };
  withinWork(trials, c.days + 1, 'days', delay.stages, stageWeight(base), Infinity, existing?.ages.length ?? 0, events);
  refuseOverflow(largest, c, fitted ? most : null);
  const periods = calendarPeriods(c.start, c.days, c.by!);
  const plain: ChainParams = { ...base, start: p.start, periods: periods.length - 1, calendar: { delay, days: c.days, ends: periods.map((period) => period.last), leave: leaveOf(command, tree ? 0 : (p as CompoundFlags).churn, c), ...(existing ? { existing } : {}) } };
  // Money: each run is checked for payback as it runs, the fixed cost pro rata by each period's days.
  const dated = money ? datedMoney(c, periods) : null;
  const perDays = money?.amounts.per ? cycleDays(money.amounts.per) : null;
  const churn = tree ? 0 : (p as CompoundFlags).churn;
  // One fan's own run (without the market's limit), for its worth; with --discount, each period's amounts from its end.
  const oneRun = money ? renewalOf(command, { start: 1, market: null, churn }, c, k) : null;
  const present = money ? presentOfPeriods(money.amounts, c, periods, money.amounts.discount === null ? null : moneyByPeriod(periods, oneRun!, 1, perDays)) : {};
  const chain = money ? { ...plain, payback: moneyPayback(plain, money.amounts, dated!.costShares, perDays ? { perDays } : undefined, present.present?.factors, true, dated!.from) } : plain;
  const seed = t.seed ?? (await import('node:crypto')).randomInt(0, bounds.seed);
  const threads = threadsFor(trials, c.days * (delay.stages + 4), t.threads);
  const rows = (await runTrials(io, chain, trials, seed, threads)).rows(t.quantiles.map((q) => q / 100));
  const law = fitted ? { distribution: base.offspring.distribution, dispersion: base.offspring.distribution === 'negbin' ? base.offspring.dispersion : null } : { distribution: t.distribution, dispersion: t.dispersion };
  const report = periodTrialReport(command, p, c, rate, periods, rows, { trials, seed, quantiles: t.quantiles, ...law, k, chain, fitted: fitted?.about ?? null });
  if (!money) return report;
  // The expected money: from the renewal equation where it is the runs' expectation (no market), else from the runs' mean new fans.
  const ever = (row: TrialRow) => row.reached ?? row.mean;
  const renewal = p.market === null ? renewalOf(command, withArrivals(k), c, k) : null;
  const fresh = renewal ? byPeriodSums(periods, renewal.fresh) : rows.map((row, i) => (i === 0 ? ever(row) : ever(row) - ever(rows[i - 1]!)));
  const one = oneRun!.fresh.reduce((sum, n) => sum + n, 0) - 1;
  // With --per: customer-days over --per's days, from the renewal equation (no market) or the runs' mean customer-days.
  const billing = perDays ? billingByDay(periods, renewal?.totals ?? null, oneRun!.totals, leaveOf(command, churn, c), c.days, perDays) : null;
  const billed = billing ? (billing.billed ?? rows.map((row, i) => (row.customerDays! - (i === 0 ? 0 : rows[i - 1]!.customerDays!)) / perDays!)) : null;
  const counts = fresh.map((n, i) => ({ referred: Math.max(0, n - (i === 0 ? p.start : 0)), paid: 0, ...(billed ? { billed: billed[i]! } : {}) }));
  const expected = withMoney(report, money.amounts, counts, { tree, k, churn, descendants: one, descendantsInTheEnd: null, dated: dated!, ...(billing ? { recurring: billing.recurring } : {}), ...(p.market !== null ? { market: { start: p.start } } : {}), ...present });
  const until = isoDate(c.end);
  return withMoneyBands(expected, chain, rows, t.quantiles, money.amounts, {
    band: (style, s) => style.words.money.bandBy(style.numbers, { until, ...s }),
    paidBack: (style, s) => style.words.money.paidBack(style.numbers, { until, ...s }),
    periodBands: (style, s) => style.words.money.periodBands(style.numbers, { ...s, period: periods.at(-1)!.name, unit: null }),
    flag: c.horizonFlag,
    trials,
  });
}

/** Day-by-day counts summed by calendar period. */
function byPeriodSums(periods: readonly CalendarPeriod[], days: readonly number[]): number[] {
  let at = 0;
  return periods.map((period) => {
    let sum = 0;
    for (; at < days.length && at <= period.last; at++) sum += days[at]!;
    return sum;
  });
}

/**
 * A sampled goal's chart with its uncertainty marked on the target line: the percentile dates
 * (p5, p50, p95 by default) and the deadline with the share of runs reaching the target by
 * then; drawn through the latest of them.
 */
function markedChart(g: GoalRun, dates: readonly { q: number; date: string | null }[], deadline: { date: string; share: number } | null): ChartData {
  const latest = [...dates.map((d) => d.date), deadline?.date ?? null].reduce<string | null>((most, date) => (date !== null && (most === null || date > most) ? date : most), null);
  const chart = g.chartThrough ? g.chartThrough(latest) : g.chart;
  const xDates = chart.xDates ?? [];
  // The first drawn date on or after a date (the chart is thinned to at most a thousand points); none past its end.
  const at = (date: string) => xDates.findIndex((x) => x >= date);
  const marks = [
    ...dates.flatMap((d) => (d.date !== null && at(d.date) >= 0 ? [{ at: at(d.date), kind: 'percentile' as const, q: d.q, date: d.date }] : [])),
    ...(deadline !== null && at(deadline.date) >= 0 ? [{ at: at(deadline.date), kind: 'deadline' as const, share: deadline.share, date: deadline.date }] : []),
  ];
  return marks.length > 0 ? { ...chart, marks } : chart;
}

/** The most days a goal's band is sketched on: about as many as its chart draws (calendar.ts thins it to 1,000 points). */
const maxBandDays = 1000;

/** What a sampled goal by date needs from calendar.ts. */
interface GoalRun {
  command: Command;
  p: SimulateParams & CompoundFlags;
  flags: Record<string, unknown>;
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
export async function sampledGoalReport(io: Io, g: GoalRun): Promise<Report> {
  const t = parseFlags(trialSchema(), pick(g.flags, trialSchema().shape));
  const tree = g.command === 'simulate';
  const trials = t.trials!;
  const base = g.fitted ? g.fitted.chain : chainFor(tree ? { command: 'simulate', p: { ...g.p, depth: 0 } } : { command: 'compound', p: { ...g.p, years: 0 } }, t);
  const law = g.fitted ? { distribution: base.offspring.distribution, dispersion: base.offspring.distribution === 'negbin' ? base.offspring.dispersion : null } : { distribution: t.distribution, dispersion: t.dispersion };
  const c = g.c;
  // The days totals are looked at: every day with a spread, else each cycle's day.
  const days = c.spread ? Array.from({ length: c.days + 1 }, (_, day) => day) : cyclesWithin(c, tree ? bounds.depth : bounds.years);
  if (c.spread) {
    const existingAges = g.fitted?.about.dated?.existing.ages.length ?? 0;
    const K = g.fitted ? g.fitted.upper * (1 - g.fitted.fields.nonreferrers) : chainFactor(base);
    // A goal's runs stop once answered; their work is bounded as if they ran to the horizon.
    const expected = renewalOf(g.command, g.p, c, K);
    const perRun = expectedEvents(g.command, expected, K, 1 - (g.p.nonreferrers ?? 0), c.spread.delay.stages / c.spread.delay.chance, leaveOf(g.command, g.p.churn, c) > 0);
    const events = existingAges > 0 ? null : { perRun, rows: days.length };
    withinWork(trials, days.length, 'days', c.spread.delay.stages, stageWeight(base), bounds.trialPeriods, existingAges, events);
    // As for simulate and compound (they crashed the goal).
    if (existingAges === 0) refuseOverflow(expected, c, g.fitted ? K : null);
  }
  else withinWork(trials, days.length, 'cycles', 1, 1, bounds.trialPeriods);
  const existing = g.fitted?.about.dated?.existing;
  const runs: ChainParams = c.spread
    ? { ...base, start: g.p.start, periods: days.length - 1, calendar: { delay: c.spread.delay, days: c.days, ends: days, leave: leaveOf(g.command, g.p.churn, c), ...(existing ? { existing } : {}) } }
    : { ...base, periods: days.length - 1 };
  const seed = t.seed ?? (await import('node:crypto')).randomInt(0, bounds.seed);
  const reached = new Float64Array(days.length);
  // The band around the expected curve: the runs' totals (a count goal) or their cumulative
  // net or revenue (a money goal) sketched on every `every`-th day (at most about 1,000 of
  // them, as many as the chart draws) and the last, their lowest and highest percentiles drawn.
  const every = Math.max(1, Math.ceil(days.length / maxBandDays));
  const lastDay = days.length - 1;
  const banded = t.quantiles.length >= 2;
  // The sketches' last index: the last day's.
  const lastSketch = Math.ceil(lastDay / every);
  const sketches = g.money || !banded ? null : new PeriodSketches(lastSketch);
  // Amounts take either sign: their positive and negative parts are sketched apart, as TrialSummary does.
  const amounts = g.money && banded ? { above: new PeriodSketches(lastSketch), below: new PeriodSketches(lastSketch), up: new Float64Array(blockSize), down: new Float64Array(blockSize) } : null;
  // A money target: the runs count, day by day, those whose cumulative net has reached it.
  const chain = g.money ? { ...runs, payback: g.money.payback(runs, amounts !== null) } : runs;
  // A money goal's runs keep their amount less the target (the payback's offsets hold it): it is added back.
  const goalMinor = g.money ? Number(g.money.amount.minor) : 0;
  const from = chain.payback?.from ?? 0;
  const dateOfDay = (day: number) => isoDate(dayDate(c.start, day));
  // Each day's date, written once (ascending, so the first day on or after a date is a search).
  const dayDates = days.map(dateOfDay);
  const firstOnOrAfter = (date: string) => dayDates.findIndex((d) => d >= date);
  // Runs by day stop once the question is answered (#33): when every run of a block has reached
  // the target (or its money target), or can no longer (died out, its amount no longer growing),
  // and the days the chart draws the band over are run: to a quarter past the expected date
  // (calendar.ts's goalChart) and the deadline.
  const expectedAt = g.expectedDate === null ? -1 : firstOnOrAfter(g.expectedDate);
  let bandTo = expectedAt < 0 ? lastDay : Math.min(lastDay, Math.max(expectedAt + 1, Math.ceil(expectedAt * 1.25)));
  if (g.deadlineDay !== null) bandTo = Math.max(bandTo, Math.min(lastDay, days.findLastIndex((day) => day <= g.deadlineDay!)));
  // A day between sketches is read from the sketches either side: run to the next sketched day.
  const sketchedFrom = (day: number) => Math.min(lastDay, Math.ceil(day / every) * every);
  bandTo = sketchedFrom(bandTo);
  // FANS_RUN_TO_HORIZON=1 runs every day to the horizon, as before: a check that stopping changes nothing (tested).
  const stopsEarly = c.spread !== null && io.env.FANS_RUN_TO_HORIZON !== '1';
  const recurring = chain.payback !== undefined && (chain.payback.perCustomer !== undefined || chain.payback.perDay !== undefined);
  /** Sketches one day of a block's runs for the band. */
  const sketch = (period: number, count: number, totals: Float64Array, money: RunMoney | undefined) => {
    if (!(period % every === 0 || period === lastDay)) return;
    if (amounts) {
      // Before the money starts (day 0) every run stands where the expected one does: the curve is the band there.
      if (period < from || !money?.nets) return;
      const { up, down } = amounts;
      for (let i = 0; i < count; i++) {
        const amount = money.nets[i]! + goalMinor;
        up[i] = amount > 0 ? amount : 0;
        down[i] = amount < 0 ? -amount : 0;
      }
      amounts.above.add(Math.ceil(period / every), up, count);
      amounts.below.add(Math.ceil(period / every), down, count);
    } else if (sketches) sketches.add(Math.ceil(period / every), totals, count);
  };
  /** The last day each block ran (where it stopped early, the band's later days lack its runs). */
  const ranTo: number[] = [];
  let interrupted: StopSignal | null = null;
  const stop = io.onInterrupt((signal) => (interrupted = signal));
  try {
    for (let block = 0; block < blockCount(trials); block++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (interrupted) throw new Interrupted(interrupted);
      const count = Math.min(blockSize, trials - block * blockSize);
      // Each run's first day at the target (a count goal): once reached, reached.
      const hit = new Uint8Array(count);
      let hits = 0;
      let last = lastDay;
      runTrialsBlock(chain, seed, block, count, (period, totals, _reached, money, live) => {
        sketch(period, count, totals, money);
        const done = g.money ? money!.paid : hit;
        if (g.money) {
          hits = 0;
          for (let i = 0; i < count; i++) hits += done[i]!;
        } else {
          for (let i = 0; i < count; i++) {
            if (hit[i] === 0 && totals[i]! >= g.target) {
              hit[i] = 1;
              hits++;
            }
          }
        }
        reached[period]! += hits;
        if (!stopsEarly || period < bandTo || period === lastDay) return false;
        // A run that has died out no longer grows (nor does its money, without a recurring value).
        for (let i = 0; i < count; i++) if (done[i] === 0 && (live === undefined || live[i] === 1 || (g.money && recurring))) return false;
        last = period;
        return true;
      });
      // After a block stopped, its runs stand where they were: the count at the target does not change.
      for (let period = last + 1; period <= lastDay; period++) reached[period]! += hits;
      ranTo.push(last);
    }
  } finally {
    stop();
  }
  const dates = t.quantiles.map((q) => {
    const needed = Math.ceil((q / 100) * trials - 1e-9);
    const at = reached.findIndex((n) => n >= Math.max(1, needed));
    return { q, date: at < 0 ? null : dayDates[at]! };
  });
  const share = reached.at(-1)! / trials;
  let deadline: { date: string; share: number; error: number } | null = null;
  if (g.deadlineDay !== null) {
    let at = 0;
    while (at + 1 < days.length && days[at + 1]! <= g.deadlineDay) at++;
    const s = reached[at]! / trials;
    deadline = { date: dateOfDay(g.deadlineDay), share: s, error: Math.sqrt((s * (1 - s)) / trials) };
  }
  // The chart is drawn through the latest percentile date too (markedChart): a block that stopped
  // before it runs again to it (the same draws: the same runs), for the band's later days.
  const latestAt = Math.max(-1, ...dates.map((d) => (d.date === null ? -1 : firstOnOrAfter(d.date))));
  const bandThrough = sketchedFrom(Math.max(bandTo, latestAt));
  if (sketches || amounts) {
    const stopped = ranTo.flatMap((to, block) => (to < bandThrough ? [{ block, to }] : []));
    const again = io.onInterrupt((signal) => (interrupted = signal));
    try {
      for (const { block, to } of stopped) {
        await new Promise((resolve) => setImmediate(resolve));
        if (interrupted) throw new Interrupted(interrupted);
        const count = Math.min(blockSize, trials - block * blockSize);
        runTrialsBlock(chain, seed, block, count, (period, totals, _reached, money) => {
          if (period > to) sketch(period, count, totals, money);
          return period >= bandThrough;
        });
      }
    } finally {
      again();
    }
  }
  const ranLast = Math.max(...ranTo, ranTo.some((to) => to < bandThrough) && (sketches || amounts) ? bandThrough : 0);
  const stoppedOn = ranLast < lastDay ? dayDates[ranLast]! : null;
  const until = isoDate(c.end);
  const k = chainFactor(base);
  const summary = (style: Style) => {
    const { words, numbers } = style;
    return [
      words.sampled.runs(numbers, { trials, distribution: lawName(style, law.distribution, law.dispersion), k, yearly: false, seed }),
      ...fitLines(style, g.fitted?.about ?? null),
      ...(g.money
        ? [
            words.money.goalDates(numbers, { kind: g.money.kind, target: g.money.text(style), trials, dates, reached: share, until }),
            ...(deadline ? [words.money.deadline(numbers, { kind: g.money.kind, target: g.money.text(style), deadline: deadline.date, share: deadline.share, error: deadline.error, trials })] : []),
            words.money.goalDate(numbers, { kind: g.money.kind, target: g.money.text(style), date: g.expectedDate, until, reached: g.money.expected(style) }),
          ]
        : [
            words.calendar.goalDates(numbers, { target: g.target, trials, dates, reached: share, until }),
            ...(deadline ? [words.calendar.deadline(numbers, { target: g.target, deadline: deadline.date, share: deadline.share, error: deadline.error, trials })] : []),
            words.calendar.goalDate(numbers, { target: g.target, date: g.expectedDate, until, total: g.expectedTotal }),
            ...(g.worth ? [g.worth.line(style)] : []),
          ]),
      ...calendarLines(c, g.p.start, 0, g.rate)(style).slice(1),
    ];
  };
  return {
    columns: ['percentile', 'date'],
    // A percentile past the horizon has no date: empty in CSV and xlsx, null in JSON, and `after 2037-01-01` in the reader's words in a table.
    rows: dates.map((d) => ({ percentile: `p${d.q}`, date: d.date })),
    blank: (words) => words.calendar.after(until),
    constants: { seed },
    summary,
    chart: withBand(markedChart(g, dates, deadline), bandReader(sketches, amounts, from, every, g.money ? 10 ** g.money.amount.digits : 1), every, dayDates, [t.quantiles[0]!, t.quantiles.at(-1)!]),
    json: {
      command: 'goal',
      target: g.money ? { [g.money.kind]: g.money.amount } : g.target,
      parameters: { ...g.parameters, trials, seed, ...law, quantiles: [...t.quantiles] },
      ...(g.fitted ? { fit: fitJson(g.fitted.about) } : {}),
      dates: Object.fromEntries(dates.map((d) => [`p${d.q}`, d.date])),
      reachedShare: share,
      deadline: deadline ? { date: deadline.date, share: deadline.share, standardError: deadline.error } : null,
      ...(g.worth ? { money: g.worth.json } : {}),
      expectedDate: g.expectedDate,
      // The last day run: before the horizon where every run had answered the question (null: to the horizon).
      runsStoppedOn: stoppedOn,
      calendar: calendarJson(c, g.rate),
    },
  };
}
