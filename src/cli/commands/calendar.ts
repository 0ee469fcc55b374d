import * as z from 'zod/mini';
import { type Count, addCounts, toNumber } from '../../model/count.js';
import { compoundFactor } from '../../model/growth/compound.js';
import { treeFactor } from '../../model/growth/tree.js';
import { type CalendarPeriod, type CycleLength, type PeriodKind, calendarPeriods, cycleDate, cycleDays, dateOf, dayDate, daysBetween, isoDate, periodCount } from '../../model/calendar/dates.js';
import { growthRate, largestSpread, pascalDelay, pascalGrowthRate } from '../../model/calendar/delays.js';
import { customersOf, existingArrivals } from '../../model/calendar/existing.js';
import type { Cell } from '../../output/delimited.js';
import type { Report, Style } from '../../output/render.js';
import type { ChartData } from '../../output/scale.js';
import { type CompoundFlags, compoundReport, compoundSchema, yearlyRows } from './compound.js';
import { type Io, UsageError } from '../io/io.js';
import { bounds, calendarOptions, fields, flagName, goalByDateOptions } from '../flags/options.js';
import { type Duration, quoted, thousands } from '../flags/parse.js';
import { durationText } from '../../model/calendar/duration-text.js';

import { type SimulateParams, simulateReport, simulateSchema, treeRows } from './simulate.js';
import { once, parseFlags, pick } from '../flags/validate.js';
import type { Money } from '../../model/money.js';
import { moneyParameters, moneyText, withMoney } from '../../report/money.js';
import { type ScenarioInput, compareReport, currencyOf, netColumn, scenarioRows } from './compare.js';
import { Amount, amountFormat } from '../../output/amount.js';
import { billingByDay, leaveOf, cyclesWithin, datedMoney, moneyByPeriod, presentOfPeriods, renewalOf } from './calendar-parts.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { addAmounts, calendarCaption, calendarJson, calendarLines, calendarParameters, withDates } from '../../report/calendar.js';

/**
 * Calendar runs: `--cycle` with dates, `--start-date`, `--until`, `--cycle-spread` and `--by`.
 * Calendar arithmetic is date-fns's (see model/calendar/dates.ts); this file and date-fns
 * load only when a calendar flag is given.
 */

/** The longest calendar run: 100 years of days (the model's bound, which the library checks too). */
export const maxDays = bounds.days;
/** The most rows a calendar run prints: a daily run of about 27 years. */
export const maxRows = 10_000;
/** The most stages a spread-out delay has: enough for a spread of a tenth of a month-long cycle. */
export const maxStages = bounds.stages;

/**
 * Today: SOURCE_DATE_EPOCH (seconds, for repeatable output: the reproducible-builds
 * convention) as a UTC date, else the local date.
 */
export function today(env: Io['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Whole seconds since 1970 that fall on a date fans takes (before 3000): anything else is said, not ignored.
    const d = /^\d{1,11}$/.test(epoch) ? new Date(Number(epoch) * 1000) : null;
    if (d === null || d.getUTCFullYear() > 2999) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 before the year 3000, such as 1798761600 (got ${quoted(epoch)})`);
    return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** A date flag's value, a UsageError naming the flag when it is no date. */
export function dateFlag(flag: string, text: string): Date {
  const date = dateOf(text);
  if ('invalid' in date) throw new UsageError(`${flag} ${date.invalid} (got ${quoted(text)})`);
  return date;
}

/** A horizon past what a calendar run holds: one line naming the flag. */
function tooLong(flag: string, what: string): never {
  throw new UsageError(`${flag} makes ${what}: a run by day (--cycle-spread) or by period (--by) may span at most ${thousands(maxDays)} days (100 years) and ${thousands(maxRows)} rows`);
}

/**
 * The calendar of a run: the start, the cycle (the compound model's default is a year), the
 * spread, the rows and the horizon: `--until`, else --depth cycles (tree) or --years years
 * (compound). `given` are the flags as typed, to tell a default from a choice; `name` words a
 * field in messages: its flag (`--start-date`), or a scenario file's field (`startDate`).
 */
export function calendarOf(
  command: Command,
  flags: { cycle: Duration | null; startDate: string | null; until: string | null; cycleSpread: Duration | null; by: PeriodKind | null; depth?: number; years?: number },
  given: Record<string, unknown>,
  env: Io['env'],
  name: (key: string) => string = flagName,
): Calendar {
  const tree = command === 'simulate';
  if (tree && flags.cycle === null) {
    // The calendar flag that asked for dates (goal --by-date included); the tree has no default cycle.
    const stray = [...calendarOptions, 'byDate', 'deadline'].find((name) => given[name] !== undefined) ?? 'cycle';
    throw new UsageError(`${flagName(stray)} needs --cycle with the tree model: how long one referral step takes, e.g. --cycle 30d`);
  }
  const cycle: CycleLength = flags.cycle ?? { amount: 1, unit: 'y' };
  const start = flags.startDate === null ? today(env) : dateFlag(name('startDate'), flags.startDate);
  const periodFlag = name(tree ? 'depth' : 'years');
  if (flags.until !== null && given[tree ? 'depth' : 'years'] !== undefined) throw new UsageError(`${name('until')} and ${periodFlag} both set how long the run is: give one`);
  const end = flags.until !== null ? dateFlag(name('until'), flags.until) : tree ? cycleDate(start, cycle, flags.depth!) : cycleDate(start, { amount: 1, unit: 'y' }, flags.years!);
  const horizonFlag = flags.until !== null ? name('until') : periodFlag;
  const days = daysBetween(start, end);
  if (days < 0) throw new UsageError(`--until ${isoDate(end)} is before the start date, ${isoDate(start)}`);
  const meanDays = cycleDays(cycle);
  let spread: Calendar['spread'] = null;
  if (flags.cycleSpread !== null) {
    const asked = flags.cycleSpread;
    const sd = cycleDays(asked);
    const widest = largestSpread(meanDays);
    const delay = pascalDelay(meanDays, sd);
    if (widest < 1) throw new UsageError(`--cycle-spread needs a cycle longer than a day: delays are whole days, and a ${durationText(cycle)} cycle cannot spread (give a longer --cycle)`);
    // One stage (a geometric delay) is the widest; asking up to the next whole day past it gets it.
    if (delay === null || sd > Math.ceil(widest)) {
      throw new UsageError(
        `--cycle-spread ${durationText(asked)} is more than a ${durationText(cycle)} cycle can spread: at most ${Math.ceil(widest)}d (a geometric delay: most referrals in the first days, a few after years); a gamma that spread would put half its referrals within days and the rest far later`,
      );
    }
    spread = { asked, delay: delay.stages > maxStages ? { stages: maxStages, chance: maxStages / meanDays } : delay };
  }
  const by = flags.by ?? (spread ? 'month' : null);
  // Dates are written with four-digit years; runs by day (a spread) or by period at most 100 years.
  if (!Number.isFinite(days) || end.getFullYear() > 9999) throw new UsageError(`${horizonFlag} runs past the year 9999, where dates end: shorten the run, or leave out --cycle for levels without dates`);
  if ((spread !== null || by !== null) && days > maxDays) tooLong(horizonFlag, `${thousands(days)} days`);
  if (by !== null) {
    const rows = periodCount(start, days, by);
    if (rows > maxRows) tooLong(horizonFlag, `${thousands(rows)} rows by ${by}`);
  }
  return { start, cycle, spread, by, end, days, horizonFlag };
}

/**
 * Periods from values on days: per period, the sum of `fresh` on its days and the last
 * `total` on or before its last day.
 */
function byPeriod(periods: readonly CalendarPeriod[], days: readonly number[], fresh: readonly Count[], totals: readonly Count[], lost?: readonly number[]): { new: Count; lost?: number; total: Count }[] {
  const out: { new: Count; lost?: number; total: Count }[] = [];
  let at = 0;
  let total: Count = totals[0]!;
  for (const period of periods) {
    let added: Count = typeof fresh[0] === 'bigint' ? 0n : 0;
    let left = 0;
    while (at < days.length && days[at]! <= period.last) {
      added = addCounts(added, fresh[at]!);
      if (lost) left += lost[at]!;
      total = totals[at]!;
      at++;
    }
    out.push(lost ? { new: added, lost: left, total } : { new: added, total });
  }
  return out;
}

/** The daily growth rate of a run's referral factor and delay. */
function rateOf(command: Command, k: number, churn: number, c: Calendar): number | null {
  if (c.spread && command === 'compound' && churn > 0) {
    // Churn as a daily hazard h: a moment s days on needs the fan to stay, so the kernel is w(s) e^(-λs), λ = -ln(1 - h),
    // and (1 + K) E[e^(-(r + λ)T)] = 1: the rate without churn, less λ.
    if (churn === 1) return null;
    const rate = pascalGrowthRate(1 + k, c.spread.delay);
    return rate === null ? null : rate + Math.log1p(-churn) / cycleDays(c.cycle);
  }
  // Compound: each referral moment brings K and every fan goes on: 1 + K - churn a cycle.
  const factor = command === 'simulate' ? k : 1 + k - churn;
  return c.spread ? pascalGrowthRate(factor, c.spread.delay) : growthRate(factor, cycleDays(c.cycle), null);
}

/**
 * `fans simulate|compound` with calendar flags: the model's rows with a date column, rows
 * by calendar period (`--by`), or, with `--cycle-spread`, the day-by-day renewal equation
 * (see model/calendar/renewal.ts) summed by period. With `--trials`, the sampled runs on
 * the same calendar.
 */
export async function calendarReport(io: Io, command: Command, flags: Record<string, unknown>, money: { amounts: Money; module: typeof import('./money.js') } | null, trials: boolean): Promise<Report> {
  const schema = command === 'simulate' ? simulateSchema() : compoundSchema();
  let p = parseFlags(schema, pick(flags, schema.shape)) as SimulateParams | CompoundFlags;
  const calendarFlags = parseFlags(calendarSchemaOf(), pick(flags, calendarSchemaOf().shape));
  const c = calendarOf(command, { ...calendarFlags, cycle: 'cycle' in p ? p.cycle : (calendarFlags.cycle ?? null), depth: (p as SimulateParams).depth, years: (p as CompoundFlags).years }, flags, io.env);
  const tree = command === 'simulate';
  // A forecast from --fit: K (and the non-referrers) from the records, for the growth rate and the expected run; the runs draw their own.
  const fitted = trials && flags.fit !== undefined ? await fittedOnCalendar(io, command, p, flags) : null;
  if (fitted) p = { ...p, ...fitted.fields } as SimulateParams | CompoundFlags;
  // Dated records: the forecast starts from the file's customers (dated-forecast.ts).
  if (fitted?.about.dated) p = { ...p, start: withinMarket(customersOf(fitted.about.dated.existing), p.market, fitted.about.file) };
  const k = tree ? treeFactor(p as SimulateParams) : compoundFactor(p as CompoundFlags);
  const churn = tree ? 0 : (p as CompoundFlags).churn;
  const rate = rateOf(command, k, churn, c);
  if (c.spread) refuseWithSpread(p.paid);
  if (trials) return (await import('./calendar-sampled.js')).sampledCalendarReport(io, command, p, flags, c, rate, money, fitted);
  if (c.spread) {
    const run = renewalOf(command, p, c, k);
    const periods = calendarPeriods(c.start, c.days, c.by!);
    const report = spreadReport(command, p, c, rate, run, periods);
    if (!money) return report;
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
    return withMoney(report, money.amounts, counts, {
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
  }
  // Referrals exactly a cycle apart: the model's own rows, each on its cycle's date.
  const cycles = cyclesWithin(c, tree ? bounds.depth : bounds.years);
  const last = cycles.length - 1;
  const model = tree ? { ...(p as SimulateParams), depth: last } : { ...(p as CompoundFlags), years: last };
  const rows = tree ? treeRows(model as SimulateParams, c.horizonFlag) : yearlyRows(model as CompoundFlags, c.horizonFlag);
  const dates = cycles.map((day) => isoDate(dayDate(c.start, day)));
  const plain = tree ? simulateReport(model as SimulateParams, rows as ReturnType<typeof treeRows>) : compoundReport(model as CompoundFlags, rows as ReturnType<typeof yearlyRows>);
  const report = !money
    ? plain
    : tree
      ? money.module.treeWithMoney(plain, model as SimulateParams, rows as ReturnType<typeof treeRows>, money.amounts, c.cycle)
      : money.module.yearlyWithMoney(plain, model as CompoundFlags, rows as ReturnType<typeof yearlyRows>, money.amounts, c.cycle);
  if (c.by) {
    const periods = calendarPeriods(c.start, c.days, c.by);
    const values = byPeriod(periods, cycles, rows.map((r) => r.new), rows.map((r) => r.total));
    const byDate = periodReport(command, p, c, rate, periods, values, false);
    return money ? withPeriodMoney(byDate, report, plain, periods, cycles, moneyParameters(money.amounts)) : byDate;
  }
  return withDates(report, command, c, dates, rate, p.start, rows.at(-1)!.total);
}

/** A dated forecast's customers, the run's starting fans: a market holds at least them. */
function withinMarket(customers: number, market: number | null, file: string): number {
  if (market !== null && market < customers) throw new UsageError(`--market ${thousands(market)} is below the ${thousands(customers)} customers of ${file} the forecast starts from: a market holds at least them`);
  return customers;
}

/** The fit of `--fit FILE` for a calendar run: its chain (horizon to be set), what it says, and the model fields it gives. */
export async function fittedOnCalendar(io: Io, command: Command, p: SimulateParams | CompoundFlags, flags: Record<string, unknown>) {
  const { fittedChain, trialSchema } = await import('./sampled.js');
  const t = parseFlags(trialSchema(), pick(flags, trialSchema().shape));
  const model = command === 'simulate' ? { command, p: { ...(p as SimulateParams), depth: 0 } } : { command, p: { ...(p as CompoundFlags), years: 0 } };
  return fittedChain(io, model as never, t, flags);
}

/** --paid buys fans every cycle: spread-out referrals have no cycles to buy in (a true limit of the model, not a gap). */
function refuseWithSpread(paid: number): void {
  if (paid > 0) throw new UsageError('--paid buys fans every cycle; with --cycle-spread there are no cycles to buy in: leave one out');
}

/**
 * Money by calendar period: each period's revenue, rewards, cost and net are the sums of
 * its cycles' (from `levels`, the report by cycle with its money), its cumulative net that
 * of its last cycle; the money's summary and JSON are the cycles' (the payback names a level
 * or year). `plain` is the report by cycle without money, to tell its summary lines apart.
 */
function withPeriodMoney(byDate: Report, levels: Report, plain: Report, periods: readonly CalendarPeriod[], cycles: readonly number[], parameters: Record<string, Cell>): Report {
  const flows = ['revenue', 'rewards', 'cost', 'net'] as const;
  let at = 0;
  let cumulative: Cell = null;
  const rows = byDate.rows.map((row, i) => {
    const sums: Record<string, Amount | null> = {};
    for (const name of flows) sums[name] = null;
    while (at < cycles.length && cycles[at]! <= periods[i]!.last) {
      const level = levels.rows[at]!;
      for (const name of flows) sums[name] = addAmounts(sums[name] ?? null, level[name] as Amount);
      cumulative = level.cumulativeNet ?? null;
      at++;
    }
    const zero = (levels.rows[0]!.revenue as Amount).digits;
    return { ...row, ...Object.fromEntries(flows.map((name) => [name, sums[name] ?? new Amount(0, zero)])), cumulativeNet: cumulative } as Record<string, Cell>;
  });
  const { total: _, ...rest } = byDate;
  return {
    ...rest,
    columns: [...byDate.columns, ...flows, 'cumulativeNet'],
    rows,
    ...(levels.currency !== undefined ? { currency: levels.currency } : {}),
    summary: (style: Style) => [...byDate.summary(style), ...levels.summary(style).slice(plain.summary(style).length)],
    json: { ...byDate.json, parameters: { ...(byDate.json.parameters as Record<string, Cell>), ...parameters } as never, rows: rows as never, money: (levels.json as Record<string, unknown>).money as never },
  };
}

/** The day-by-day expected run with spread-out delays, a row per calendar period. */
function spreadReport(command: Command, p: SimulateParams | CompoundFlags, c: Calendar, rate: number | null, run: ReturnType<typeof renewalOf>, periods: readonly CalendarPeriod[]): Report {
  const { days, fresh, lost, totals } = run;
  const churn = command === 'compound' && (p as CompoundFlags).churn > 0;
  return periodReport(command, p, c, rate, periods, byPeriod(periods, days, fresh, totals, churn ? lost : undefined), true);
}

/** Rows by calendar period: `period`, `date` (its last day in the run), `new`, `total`. */
function periodReport(command: Command, p: SimulateParams | CompoundFlags, c: Calendar, rate: number | null, periods: readonly CalendarPeriod[], values: readonly { new: Count; lost?: number; total: Count }[], renewal: boolean): Report {
  const churn = values[0]?.lost !== undefined;
  const rows = periods.map((period, i) => ({ period: period.name, date: isoDate(dayDate(c.start, period.last)), new: values[i]!.new, ...(churn ? { lost: values[i]!.lost! } : {}), total: values[i]!.total }));
  const total = values.at(-1)!.total;
  const { depth: _depth, years: _years, paid: _paid, cycle: _cycle, ...parameters } = p as SimulateParams & CompoundFlags;
  return {
    columns: ['period', 'date', 'new', ...(churn ? ['lost'] : []), 'total'],
    rows,
    total: { value: total },
    summary: calendarLines(c, p.start, total, rate, false),
    chart: {
      caption: calendarCaption(command, p, c),
      title: `fans ${command} ${command === 'simulate' ? `--fanout ${(p as SimulateParams).fanout}` : `--rate ${(p as CompoundFlags).rate}`} --cycle ${durationText(c.cycle)}${c.spread ? ` --cycle-spread ${durationText(c.spread.asked)}` : ''} --by ${c.by}`,
      ...(p.market !== null ? { market: p.market } : {}),
      xLabel: 'period',
      xDates: rows.map((r) => r.period),
      series: [{ name: 'total', values: values.map((v) => v.total), role: 'total' }],
    },
    json: {
      command,
      parameters: { ...parameters, ...calendarParameters(c) },
      rows: rows as never,
      total,
      // Whether the rows come from the renewal equation by day (a spread), or from the model's cycles.
      renewal,
      referralFactor: command === 'simulate' ? treeFactor(p as SimulateParams) : compoundFactor(p as CompoundFlags),
      calendar: calendarJson(c, rate),
    },
  };
}

/** The calendar flags, checked once (--cycle too: compound takes it only on the calendar). */
export const calendarSchemaOf = once(() => z.strictObject(fields(['cycle', ...calendarOptions, 'deadline'])));

/**
 * `fans goal TARGET --by-date`: the date the expected total reaches the target, with
 * --fanout (tree) or --rate (compound) and the calendar flags; with --trials, the
 * percentiles of that date over sampled runs and, with --deadline, the chance of reaching
 * the target by then. The horizon: --until, --depth cycles or --years years, else 10 years.
 */
export async function calendarGoal(io: Io, targetText: string | undefined, flags: Record<string, unknown>, money: Money | null): Promise<Report> {
  const { goalSchema, parseTarget } = await import('./goal.js');
  if (flags.byDate === undefined) {
    const stray = goalByDateOptions.find((name) => flags[name] !== undefined)!;
    throw new UsageError(`${flagName(stray)} goes with --by-date: fans goal TARGET --by-date answers when the target is reached`);
  }
  if (flags.maxReward !== undefined) throw new UsageError('--max-reward finds a reward, not a date: leave out --by-date, or ask for the date a cumulative net is reached (--net X --by-date)');
  // A money target (--net X, --revenue X): the date the cumulative net or revenue reaches it.
  const moneyGoal = flags.net !== undefined || flags.revenue !== undefined ? ((await import('./goal-money.js')).moneyTarget(flags, targetText, money) as { kind: 'net' | 'revenue'; minor: number }) : null;
  const target = moneyGoal ? 0 : parseTarget(targetText);
  const g = parseFlags(goalSchema(), pick(flags, goalSchema().shape));
  // With --fit the records give K: the model is the tree, or the compound model where --years or --churn says so.
  const fit = flags.fit !== undefined;
  if (fit && flags.trials === undefined) throw new UsageError('--fit applies to sampled runs only: add --trials N');
  if (fit && (g.fanout !== undefined || g.rate !== undefined)) throw new UsageError(`--${g.fanout !== undefined ? 'fanout' : 'rate'} is what --fit takes from your records: leave it out, or leave out --fit`);
  if (!fit && g.fanout === undefined && g.rate === undefined) throw new UsageError('--by-date needs --fanout (the tree model) or --rate (the compound model), and the date is what it solves for');
  if (g.fanout !== undefined && g.rate !== undefined) throw new UsageError('--fanout and --rate given together: --by-date needs one model');
  const tree = fit ? g.years === undefined && g.churn === undefined : g.fanout !== undefined;
  const command: Command = tree ? 'simulate' : 'compound';
  if (tree && g.churn !== undefined) throw new UsageError('--churn applies to the compound model: give --rate with it');
  const calendarFlags = parseFlags(calendarSchemaOf(), pick(flags, calendarSchemaOf().shape));
  const horizonGiven = flags.until !== undefined || flags[tree ? 'depth' : 'years'] !== undefined;
  const defaultYears = 10;
  const c = calendarOf(
    command,
    // No rows by period: a goal answers a date (its runs by day are bounded by their days and work).
    { ...calendarFlags, by: null, depth: g.depth ?? 0, years: g.years ?? defaultYears },
    flags,
    io.env,
  );
  const end = tree && !horizonGiven ? tenYears(c) : c;
  // One parameter set for either model: each reads its own.
  let p = { start: g.start, fanout: g.fanout ?? 0, depth: 0, rate: g.rate ?? 0, years: 0, conversion: g.conversion, nonreferrers: g.nonreferrers, churn: g.churn ?? 0, market: g.market, cycle: end.cycle, paid: g.paid, arrivals: undefined as Float64Array | undefined };
  const fitted = fit ? await fittedOnCalendar(io, command, p as SimulateParams & CompoundFlags, flags) : null;
  if (fitted) p = { ...p, ...fitted.fields };
  // Dated records: the run starts from the file's customers, bringing what is still to come (dated-forecast.ts).
  const dated = fitted?.about.dated;
  if (dated && end.spread) p = { ...p, start: withinMarket(customersOf(dated.existing), p.market, fitted!.about.file), arrivals: existingArrivals(dated.existing, end.spread.delay, fitted!.fields.fanout!, fitted!.chain.offspring.dispersion, end.days) };
  const k = tree ? treeFactor(p as SimulateParams) : compoundFactor(p as CompoundFlags);
  const rate = rateOf(command, k, p.churn, end);
  if (end.spread) refuseWithSpread(p.paid);
  const deadline = calendarFlags.deadline === null ? null : dateFlag('--deadline', calendarFlags.deadline);
  const deadlineDay = deadline === null ? null : daysBetween(end.start, deadline);
  if (deadlineDay !== null && (deadlineDay < 0 || deadlineDay > end.days)) throw new UsageError(`--deadline ${isoDate(deadline!)} must fall within the run, ${isoDate(end.start)} to ${isoDate(end.end)} (set --until for a longer run)`);
  if (moneyGoal) return moneyGoalByDate(io, { command, p, flags, c: end, k, rate, goal: moneyGoal, money: money!, deadline, deadlineDay, fitted });
  // Days (from the start) on which totals are known, and the expected total on each.
  const { days, totals } = expectedTotals(command, p, end, k);
  const hit = totals.findIndex((total) => total >= target);
  const dateOfDay = (day: number) => isoDate(dayDate(end.start, day));
  const answer = hit < 0 ? null : dateOfDay(days[hit]!);
  const lastTotal = totals.at(-1)!;
  const chartThrough = (date: string | null) => ({ ...goalChart(command, target, days.map(dateOfDay), totals, hit, date === null ? -1 : days.findIndex((day) => dateOfDay(day) >= date)), caption: calendarCaption(command, p, end, { target, ...(dated ? { customersOf: fitted!.about.file } : {}) }) });
  const chart = chartThrough(null);
  // With money: what the fans are worth by the date the target is reached (or by the horizon).
  const worth = money ? await worthByDate(command, p, end, k, money, hit < 0 ? null : days[hit]!) : null;
  const parameters = { ...goalParameters(command, p, end), ...(worth ? worth.parameters : {}) };
  if (flags.trials === undefined) {
    if (deadline !== null) throw new UsageError('--deadline gives the chance of reaching the target by a date: add --trials N');
    return {
      columns: ['target', 'date', 'total'],
      rows: [{ target, date: answer ?? '', total: hit < 0 ? lastTotal : totals[hit]! }],
      summary: (style: Style) => [style.words.calendar.goalDate(style.numbers, { target, date: answer, until: isoDate(end.end), total: hit < 0 ? lastTotal : totals[hit]! }), ...(worth ? [worth.line(style)] : []), ...calendarLines(end, p.start, lastTotal, rate)(style).slice(1)],
      chart,
      ...(worth ? { currency: money!.currency } : {}),
      json: { command: 'goal', target, byDate: answer, total: hit < 0 ? lastTotal : totals[hit]!, ...(worth ? { money: worth.json } : {}), parameters, calendar: calendarJson(end, rate) },
    };
  }
  const sampled = await import('./calendar-sampled.js');
  return sampled.sampledGoalReport(io, { command, p, flags, c: end, rate, target, deadlineDay, expectedDate: answer, expectedTotal: hit < 0 ? lastTotal : totals[hit]!, parameters, chart, chartThrough, fitted, ...(worth ? { worth: { line: worth.line, json: worth.json } } : {}) });
}

/**
 * What a count goal's fans are worth by its date: the expected run's cumulative net and revenue
 * (goal-net-date.ts's money path: by cycle, or by day with a spread) on the expected date the
 * target is reached (`day`), or by the horizon where it is not.
 */
async function worthByDate(command: Command, p: SimulateParams & CompoundFlags, c: Calendar, k: number, money: Money, day: number | null) {
  const { expectedMoneyPaths, measured } = await import('./goal-net-date.js');
  // The net and the revenue of one expected run, on the last day (or cycle) on or before the date.
  const paths = expectedMoneyPaths(command, p, c, k, money, [money.amounts, measured('revenue', money.amounts)]);
  let i = 0;
  while (i + 1 < paths.days.length && paths.days[i + 1]! <= (day ?? c.days)) i++;
  const [net, revenue] = paths.cumulative.map((path) => new Amount(path[i]!, money.digits)) as [Amount, Amount];
  const date = isoDate(dayDate(c.start, day ?? c.days));
  const text = (style: Style, amount: Amount) => moneyText(style, money)(amount.minor);
  return {
    line: (style: Style) => style.words.money.worthByDate(style.numbers, { date, reached: day !== null, net: text(style, net), revenue: text(style, revenue), discounted: money.discount !== null }),
    json: { date, reached: day !== null, cumulativeNet: net, cumulativeRevenue: revenue },
    parameters: moneyParameters(money),
  };
}

/**
 * `fans goal --net X --by-date` (or `--revenue X`): the date the expected run's cumulative
 * net (or revenue) reaches X (see goal-net-date.ts); with --trials, the percentiles of that
 * date over the runs and the share reaching it by --deadline.
 */
async function moneyGoalByDate(
  io: Io,
  g: { command: Command; p: SimulateParams & CompoundFlags; flags: Record<string, unknown>; c: Calendar; k: number; rate: number | null; goal: { kind: 'net' | 'revenue'; minor: number }; money: Money; deadline: Date | null; deadlineDay: number | null; fitted: Awaited<ReturnType<typeof fittedOnCalendar>> | null },
): Promise<Report> {
  const { expectedMoneyPaths, measured, targetPayback } = await import('./goal-net-date.js');
  const { command, p, c, goal, money } = g;
  const a = measured(goal.kind, money.amounts);
  const { days, cumulative: [cumulative] } = expectedMoneyPaths(command, p, c, g.k, money, [a]) as { days: number[]; cumulative: [number[]] };
  // After the start: a net of 0 (the payback) is not reached on the first day, before anything happened.
  const hit = cumulative.findIndex((m, i) => i >= 1 && m >= goal.minor);
  const dateOfDay = (day: number) => isoDate(dayDate(c.start, day));
  const answer = hit < 0 ? null : dateOfDay(days[hit]!);
  const at = hit < 0 ? cumulative.at(-1)! : cumulative[hit]!;
  const unit = 10 ** money.digits;
  const column = goal.kind === 'net' ? 'cumulativeNet' : 'cumulativeRevenue';
  const flag = `--${goal.kind} ${new Amount(goal.minor, money.digits).decimal()}`;
  const plain = goalChart(command, goal.minor / unit, days.map(dateOfDay), cumulative.map((m) => m / unit), hit);
  const chart: ChartData = {
    ...plain,
    title: `fans goal ${flag} --by-date (${command === 'simulate' ? 'tree' : 'compound'})`,
    // Amounts, not fans: the line is named by its column and the axis says the currency.
    series: plain.series.map((s) => ({ name: column, values: s.values })),
    measure: { column, currency: money.currency },
    caption: calendarCaption(command, p, c),
  };
  const text = (style: Style) => moneyText(style, money)(goal.minor);
  const reached = (style: Style) => moneyText(style, money)(at);
  const parameters = { ...goalParameters(command, p, c), ...moneyParameters(money) };
  if (g.flags.trials === undefined) {
    if (g.deadline !== null) throw new UsageError('--deadline gives the chance of reaching the target by a date: add --trials N');
    const amount = new Amount(at, money.digits);
    return {
      columns: ['target', 'date', column],
      rows: [{ target: new Amount(goal.minor, money.digits), date: answer ?? '', [column]: amount }],
      currency: money.currency,
      summary: (style: Style) => [style.words.money.goalDate(style.numbers, { kind: goal.kind, target: text(style), date: answer, until: isoDate(c.end), reached: reached(style) }), ...calendarLines(c, p.start, 0, g.rate)(style).slice(1)],
      chart,
      json: { command: 'goal', target: { [goal.kind]: new Amount(goal.minor, money.digits) }, byDate: answer, [column]: amount, parameters, calendar: calendarJson(c, g.rate) },
    };
  }
  const sampled = await import('./calendar-sampled.js');
  const report = await sampled.sampledGoalReport(io, {
    command,
    p,
    flags: g.flags,
    c,
    rate: g.rate,
    target: 0,
    deadlineDay: g.deadlineDay,
    expectedDate: answer,
    expectedTotal: 0,
    parameters,
    chart,
    fitted: g.fitted,
    money: { kind: goal.kind, amount: new Amount(goal.minor, money.digits), payback: (chain, bands) => targetPayback(chain, c, money, a, goal.minor, bands), text, expected: reached },
  });
  return { ...report, currency: money.currency };
}

/** The most points a goal's chart draws: a run by day is thinned to about this many, keeping the day the target is reached. */
const maxChartPoints = 1000;

/**
 * A goal by date as a chart: the expected total on each date, and the target's line; up to
 * a quarter past the date it is reached (as a goal's levels end at the one that reaches it),
 * so that ten years of growth do not squash the target to the bottom; to the horizon when
 * it is not reached.
 */
function goalChart(command: Command, target: number, dates: readonly string[], totals: readonly number[], hit: number, through = -1): ChartData {
  // Through `through` too (a sampled goal's latest percentile date), so its mark is on the chart.
  const last = hit < 0 ? dates.length - 1 : Math.min(dates.length - 1, Math.max(hit + 1, Math.ceil(hit * 1.25), through));
  const step = Math.max(1, Math.ceil((last + 1) / maxChartPoints));
  const keep = dates.slice(0, last + 1).map((_, i) => i).filter((i) => i % step === 0 || i === hit || i === last);
  return {
    title: `fans goal ${target} --by-date (${command === 'simulate' ? 'tree' : 'compound'})`,
    xLabel: 'date',
    xDates: keep.map((i) => dates[i]!),
    series: [{ name: 'total', values: keep.map((i) => totals[i]!), role: 'total' }],
    target,
  };
}

/** A calendar goal's parameters as JSON writes them: the model's own, and the calendar. */
function goalParameters(command: Command, p: SimulateParams & CompoundFlags, c: Calendar) {
  const model: Record<string, number> = command === 'simulate' ? { fanout: p.fanout } : { rate: p.rate, churn: p.churn };
  return { start: p.start, ...model, conversion: p.conversion, nonreferrers: p.nonreferrers, market: p.market, paid: p.paid, ...calendarParameters(c) };
}

/** A tree goal's calendar without a horizon of its own: 10 years from the start. */
function tenYears(c: Calendar): Calendar {
  const end = cycleDate(c.start, { amount: 10, unit: 'y' }, 1);
  return { ...c, end, days: daysBetween(c.start, end), horizonFlag: '--until' };
}

/** The expected totals of a calendar run: by day with a spread, else on each cycle's day. */
export function expectedTotals(command: Command, p: SimulateParams & CompoundFlags, c: Calendar, k: number): { days: number[]; totals: number[] } {
  if (c.spread) return renewalOf(command, p, c, k);
  const days = cyclesWithin(c, command === 'simulate' ? bounds.depth : bounds.years);
  const last = days.length - 1;
  const rows = command === 'simulate' ? treeRows({ ...p, depth: last }, c.horizonFlag) : yearlyRows({ ...p, years: last }, c.horizonFlag);
  return { days, totals: rows.map((r) => toNumber(r.total)) };
}

/**
 * `fans compare` on one time axis: when a scenario gives a `cycle` or a `startDate`, every
 * scenario is placed on dates (its own start date, else today): a compound scenario's cycle
 * is a year unless it says otherwise, and its `years` stays the horizon in years; a tree
 * without a cycle is refused, named. A row per date on which some scenario has a cycle;
 * each scenario's total is that of its last cycle on or before the date (empty before it
 * starts and after its horizon).
 */
export function compareOnDates(inputs: readonly ScenarioInput[], file: string, env: Io['env']): Report {
  const placed = inputs.map((input) => {
    const tree = input.command === 'simulate';
    if (tree && input.p.cycle === null) {
      throw new UsageError(`${file}: ${input.where} (${quoted(input.title)}) has no "cycle": the file puts its scenarios on dates (another gives a cycle or a start date), and a tree needs a cycle to go there, e.g. "cycle": "30d"`);
    }
    const p = input.p as SimulateParams & CompoundFlags & { startDate: string | null };
    // In a file the calendar's words name the scenario's fields (startDate, years), and say which scenario.
    const inScenario = <T>(work: () => T): T => {
      try {
        return work();
      } catch (error) {
        if (error instanceof UsageError) throw new UsageError(`${file}: ${input.where} (${quoted(input.title)}): ${error.message}`);
        throw error;
      }
    };
    const c = inScenario(() => calendarOf(input.command, { cycle: p.cycle, startDate: p.startDate, until: null, cycleSpread: null, by: null, depth: p.depth, years: p.years }, {}, env, (key) => key));
    const cycles = inScenario(() => cyclesWithin(c, tree ? bounds.depth : bounds.years));
    const last = cycles.length - 1;
    return { input: { ...input, p: tree ? { ...p, depth: last } : { ...p, years: last } }, dates: cycles.map((day) => isoDate(dayDate(c.start, day))) };
  });
  const scenarios = scenarioRows(
    placed.map((s) => s.input),
    file,
  );
  const dates = [...new Set(placed.flatMap((s) => s.dates))].sort();
  if (dates.length > maxRows) throw new UsageError(`${file}: the scenarios' cycles fall on ${thousands(dates.length)} dates: at most ${thousands(maxRows)} rows (shorten the runs, or lengthen the cycles)`);
  // For each scenario, the index of its last cycle on or before each date; -1 before it starts and after it ends (its horizon).
  const at = placed.map((s) => {
    let i = -1;
    return dates.map((date) => {
      while (i + 1 < s.dates.length && s.dates[i + 1]! <= date) i++;
      return date > s.dates.at(-1)! ? -1 : i;
    });
  });
  const rows = dates.map(
    (date, row) =>
      Object.fromEntries([
        ['date', date],
        ...scenarios.map((s, j) => [s.name, at[j]![row]! < 0 ? null : s.totals[at[j]![row]!]!]),
        ...scenarios.flatMap((s, j) => (s.money ? [[netColumn(s), at[j]![row]! < 0 ? null : s.money.cumulative[at[j]![row]!]!]] : [])),
      ]) as Record<string, Cell>,
  );
  const summary = ({ words, numbers, locale }: Style) => {
    const money = amountFormat(locale, currencyOf(scenarios));
    return scenarios.map((s, j) => words.compare.dated(numbers, { name: s.name, total: s.totals.at(-1)!, date: placed[j]!.dates.at(-1)!, command: s.command, net: s.money ? money(s.money.cumulative.at(-1)!) : null }));
  };
  const report = compareReport(scenarios, file);
  return {
    ...report,
    columns: ['date', ...report.columns.slice(1)],
    rows,
    summary,
    chart: { ...report.chart!, xLabel: 'date', xDates: dates, series: scenarios.map((s, j) => ({ name: s.name, values: at[j]!.map((i) => (i < 0 ? null : s.totals[i]!)) })) },
    json: { ...report.json, rows: rows as never, calendar: { dates: dates.length, first: dates[0]!, last: dates.at(-1)! } },
  };
}
