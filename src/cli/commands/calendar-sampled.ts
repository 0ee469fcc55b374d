import type { ChainParams, TrialRow } from '../../model/chains/montecarlo.js';
import { stageWeight } from '../../model/calendar/engine.js';
import type { CompoundFlags } from './compound.js';
import { type CalendarPeriod, calendarPeriods, cycleDays, dayDate, isoDate, periodCount } from '../../model/calendar/dates.js';
import { existingArrivals } from '../../model/calendar/existing.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { expectedEvents, refuseOverflow, withinWork } from '../../model/calendar/work.js';
import type { Report } from '../../output/render.js';
import { billingByDay, leaveOf, datedMoney, cyclesWithin, moneyByPeriod, presentOfPeriods, renewalOf } from './calendar-parts.js';
import { cycleAxis, periodAxis } from '../../report/calendar.js';
import { periodTrialReport } from '../../report/calendar-sampled.js';
import type { Io } from '../io/io.js';
import { bounds } from '../flags/options.js';
import type { Money } from '../../model/money.js';
import { moneyPayback } from '../../model/chains/money-payback.js';
import { moneyPart } from '../../report/money.js';
import { moneyBandsPart } from '../../report/money-bands.js';
import type { ReportPart } from '../../report/part.js';
import { type fittedChain, chainFor, sampledReport } from './sampled.js';
import type { TrialFlags } from '../flags/trials.js';
import type { Flags } from '../flags/flags.js';
import type { SimulateParams } from './simulate.js';
import { runTrials } from '../io/trials.js';
import { threadsFor } from '../io/threads.js';
import { chainFactor } from '../../model/chains/offspring.js';

/**
 * `--trials` on the calendar. Without a spread, the model's sampled runs by cycle, each
 * cycle on its date (by period: the totals of the last cycle in each period). With a
 * spread, runs day by day (model/calendar/engine.ts), a row per calendar period.
 */
export async function sampledCalendarReport(
  io: Io,
  command: Command,
  p: SimulateParams | CompoundFlags,
  t: TrialFlags,
  flags: Flags,
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
    // Each cycle on its date, or (--by) the runs as they stand at each period's last cycle.
    const axis = c.by === null ? cycleAxis(command, c, rate, cycles.map((day) => isoDate(dayDate(c.start, day)))) : periodAxis(command, c, rate, cycles);
    return sampledReport(io, model as never, t, flags, money?.amounts ?? null, c.cycle, axis);
  }
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
  const events = existing ? null : { byDay: expectedEvents(command, largest, most, 1 - (p.nonreferrers ?? 0), delay.stages / delay.chance, leaveOf(command, tree ? 0 : (p as CompoundFlags).churn, c) > 0), rows: rowEnds };
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
  const report = (parts: readonly ReportPart[] = []) => periodTrialReport(command, p, c, rate, periods, rows, { trials, seed, quantiles: t.quantiles, ...law, k, chain, fitted: fitted?.about ?? null }, parts);
  if (!money) return report();
  // The expected money: from the renewal equation where it is the runs' expectation (no market), else from the runs' mean new fans.
  const ever = (row: TrialRow) => row.reached ?? row.mean;
  const renewal = p.market === null ? renewalOf(command, withArrivals(k), c, k) : null;
  const fresh = renewal ? byPeriodSums(periods, renewal.fresh) : rows.map((row, i) => (i === 0 ? ever(row) : ever(row) - ever(rows[i - 1]!)));
  const one = oneRun!.fresh.reduce((sum, n) => sum + n, 0) - 1;
  // With --per: customer-days over --per's days, from the renewal equation (no market) or the runs' mean customer-days.
  const billing = perDays ? billingByDay(periods, renewal?.totals ?? null, oneRun!.totals, leaveOf(command, churn, c), c.days, perDays) : null;
  const billed = billing ? (billing.billed ?? rows.map((row, i) => (row.customerDays! - (i === 0 ? 0 : rows[i - 1]!.customerDays!)) / perDays!)) : null;
  const counts = fresh.map((n, i) => ({ referred: Math.max(0, n - (i === 0 ? p.start : 0)), paid: 0, ...(billed ? { billed: billed[i]! } : {}) }));
  const expected = moneyPart(money.amounts, counts, { tree, k, churn, descendants: one, descendantsInTheEnd: null, dated: dated!, ...(billing ? { recurring: billing.recurring } : {}), ...(p.market !== null ? { market: { start: p.start } } : {}), ...present });
  const until = isoDate(c.end);
  const bands = moneyBandsPart(chain, rows, t.quantiles, money.amounts, {
    band: (style, s) => style.words.money.bandBy(style.numbers, { until, ...s }),
    paidBack: (style, s) => style.words.money.paidBack(style.numbers, { until, ...s }),
    periodBands: (style, s) => style.words.money.periodBands(style.numbers, { ...s, period: periods.at(-1)!.name, unit: null }),
    flag: c.horizonFlag,
    trials,
  });
  return report([expected, bands]);
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
