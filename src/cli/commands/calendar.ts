import { compoundFactor } from '../../model/growth/compound.js';
import { treeFactor } from '../../model/growth/tree.js';
import { byPeriod } from '../../model/calendar/by-period.js';
import { calendarPeriods, cycleDays, dayDate, isoDate } from '../../model/calendar/dates.js';
import { customersOf } from '../../model/calendar/existing.js';
import { type Command, rateOf } from '../../model/calendar/run-calendar.js';
import type { Money } from '../../model/money.js';
import type { Report } from '../../output/render.js';
import { cycleAxis, partByPeriod, periodAxis } from '../../report/calendar.js';
import { periodReport, spreadReport } from '../../report/calendar-periods.js';
import { moneyPart } from '../../report/money.js';
import { type CompoundFlags, yearlyRows } from './compound.js';
import { compoundReport } from '../../report/compound.js';
import { type Io, UsageError } from '../io/io.js';
import { calendarOf, calendarSchemaOf } from '../flags/calendar.js';
import { bounds } from '../flags/options.js';
import { thousands } from '../flags/parse.js';
import { type SimulateParams, treeRows } from './simulate.js';
import { simulateReport } from '../../report/simulate.js';
import { pick } from '../flags/validate.js';
import { parseFlags } from '../flags/fields.js';
import type { TrialFlags } from '../flags/trials.js';
import type { Flags } from '../flags/flags.js';
import type { Plan } from '../plan.js';
import { billingByDay, leaveOf, cyclesWithin, datedMoney, moneyByPeriod, presentOfPeriods, renewalOf } from './calendar-parts.js';

/**
 * Calendar runs: `--cycle` with dates, `--start-date`, `--until`, `--cycle-spread` and `--by`
 * (the flags read by flags/calendar.ts, the reports built by report/calendar*.ts). This file
 * and date-fns load only when a calendar flag is given.
 */

/**
 * `fans simulate|compound` with calendar flags: the model's rows with a date column, rows
 * by calendar period (`--by`), or, with `--cycle-spread`, the day-by-day renewal equation
 * (see model/calendar/renewal.ts) summed by period. With `--trials`, the sampled runs on
 * the same calendar.
 */
export async function calendarReport(io: Io, plan: Plan & { command: Command }, money: { amounts: Money; module: typeof import('./money.js') } | null): Promise<Report> {
  const { command, flags, trials } = plan;
  let p: SimulateParams | CompoundFlags = plan.model;
  const calendarFlags = parseFlags(calendarSchemaOf(), pick(flags, calendarSchemaOf().shape));
  const c = calendarOf(command, { ...calendarFlags, cycle: 'cycle' in p ? p.cycle : (calendarFlags.cycle ?? null), depth: (p as SimulateParams).depth, years: (p as CompoundFlags).years }, flags, io.env);
  const tree = command === 'simulate';
  // A forecast from --fit: K (and the non-referrers) from the records, for the growth rate and the expected run; the runs draw their own.
  const fitted = trials?.fit != null ? await fittedOnCalendar(io, command, p, trials, flags) : null;
  if (fitted) p = { ...p, ...fitted.fields } as SimulateParams | CompoundFlags;
  // Dated records: the forecast starts from the file's customers (dated-forecast.ts).
  if (fitted?.about.dated) p = { ...p, start: withinMarket(customersOf(fitted.about.dated.existing), p.market, fitted.about.file) };
  const k = tree ? treeFactor(p as SimulateParams) : compoundFactor(p as CompoundFlags);
  const churn = tree ? 0 : (p as CompoundFlags).churn;
  const rate = rateOf(command, k, churn, c);
  if (c.spread) refuseWithSpread(p.paid);
  if (trials) return (await import('./calendar-sampled.js')).sampledCalendarReport(io, command, p, trials, flags, c, rate, money, fitted);
  if (c.spread) {
    const run = renewalOf(command, p, c, k);
    const periods = calendarPeriods(c.start, c.days, c.by!);
    if (!money) return spreadReport(command, p, c, rate, k, run, periods);
    // One fan's referrals by the last date, without the market's limit: its own run, less itself.
    const oneRun = renewalOf(command, { start: 1, market: null, churn }, c, k);
    const one = oneRun.fresh.reduce((sum, n) => sum + n, 0) - 1;
    // With --per, customers pay for each day they are on the books: customer-days over --per's days.
    const perDays = money.amounts.per ? cycleDays(money.amounts.per) : null;
    const billing = perDays ? billingByDay(periods, null, oneRun.totals, leaveOf(command, churn, c), c.days, perDays) : null;
    // Each period's referred fans (the starting fans left out) and billed customer-periods.
    const counts = moneyByPeriod(periods, run, p.start, perDays);
    // With --discount, one fan's line by period, for its present worth.
    const oneLine = money.amounts.discount === null ? null : moneyByPeriod(periods, oneRun, 1, perDays);
    const part = moneyPart(money.amounts, counts, {
      tree,
      k,
      churn,
      descendants: one,
      descendantsInTheEnd: null,
      dated: datedMoney(c, periods),
      ...(billing ? { recurring: billing.recurring } : {}),
      ...(p.market !== null ? { market: { start: p.start } } : {}),
      ...presentOfPeriods(money.amounts, c, periods, oneLine),
    });
    return spreadReport(command, p, c, rate, k, run, periods, [part]);
  }
  // Referrals exactly a cycle apart: the model's own rows, each on its cycle's date.
  const cycles = cyclesWithin(c, tree ? bounds.depth : bounds.years);
  const last = cycles.length - 1;
  const model = tree ? { ...(p as SimulateParams), depth: last } : { ...(p as CompoundFlags), years: last };
  const rows = tree ? treeRows(model as SimulateParams, c.horizonFlag) : yearlyRows(model as CompoundFlags, c.horizonFlag);
  const dates = cycles.map((day) => isoDate(dayDate(c.start, day)));
  // Money by cycle, the model's own: by calendar period it is summed into periods.
  const part = !money
    ? null
    : tree
      ? money.module.treeMoney(model as SimulateParams, rows as ReturnType<typeof treeRows>, money.amounts, c.cycle)
      : money.module.yearlyMoney(model as CompoundFlags, rows as ReturnType<typeof yearlyRows>, money.amounts, c.cycle);
  if (c.by) {
    const { periods, picks } = periodAxis(command, c, rate, cycles);
    const values = byPeriod(periods, cycles, rows.map((r) => r.new), rows.map((r) => r.total));
    return periodReport(command, p, c, rate, k, periods, values, false, part ? [partByPeriod(part, picks)] : []);
  }
  const parts = part ? [part] : [];
  const axis = cycleAxis(command, c, rate, dates);
  return tree ? simulateReport(model as SimulateParams, rows as ReturnType<typeof treeRows>, parts, axis) : compoundReport(model as CompoundFlags, rows as ReturnType<typeof yearlyRows>, parts, axis);
}

/** A dated forecast's customers, the run's starting fans: a market holds at least them. */
export function withinMarket(customers: number, market: number | null, file: string): number {
  if (market !== null && market < customers) throw new UsageError(`--market ${thousands(market)} is below the ${thousands(customers)} customers of ${file} the forecast starts from: a market holds at least them`);
  return customers;
}

/** The fit of `--fit FILE` for a calendar run: its chain (horizon to be set), what it says, and the model fields it gives. */
export async function fittedOnCalendar(io: Io, command: Command, p: SimulateParams | CompoundFlags, t: TrialFlags, flags: Flags) {
  const { fittedChain } = await import('./sampled.js');
  const model = command === 'simulate' ? { command, p: { ...(p as SimulateParams), depth: 0 } } : { command, p: { ...(p as CompoundFlags), years: 0 } };
  return fittedChain(io, model as never, t, flags);
}

/** --paid buys fans every cycle: spread-out referrals have no cycles to buy in (a true limit of the model, not a gap). */
export function refuseWithSpread(paid: number): void {
  if (paid > 0) throw new UsageError('--paid buys fans every cycle; with --cycle-spread there are no cycles to buy in: leave one out');
}
