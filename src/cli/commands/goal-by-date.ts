import { compoundFactor } from '../../model/growth/compound.js';
import { treeFactor } from '../../model/growth/tree.js';
import { cycleDate, dayDate, daysBetween, isoDate } from '../../model/calendar/dates.js';
import { customersOf, existingArrivals } from '../../model/calendar/existing.js';
import { type Calendar, type Command, rateOf } from '../../model/calendar/run-calendar.js';
import type { Money } from '../../model/money.js';
import { Amount } from '../../output/amount.js';
import type { Report, Style } from '../../output/render.js';
import type { ChartData } from '../../output/scale.js';
import { calendarCaption, calendarJson, calendarLines } from '../../report/calendar.js';
import { goalChart, goalParameters } from '../../report/calendar-periods.js';
import { moneyParameters, moneyText } from '../../report/money.js';
import { type Io, UsageError } from '../io/io.js';
import { calendarOf, calendarSchemaOf, dateFlag } from '../flags/calendar.js';
import { flagName, goalByDateOptions } from '../flags/options.js';
import { pick } from '../flags/validate.js';
import { parseFlags } from '../flags/fields.js';
import type { TrialFlags } from '../flags/trials.js';
import type { Plan } from '../plan.js';
import { expectedTotals } from './calendar-parts.js';
import { fittedOnCalendar, refuseWithSpread, withinMarket } from './calendar.js';
import { sampledGoalByDate } from './goal-by-date-sampled.js';
import type { CompoundFlags } from './compound.js';
import type { SimulateParams } from './simulate.js';

/**
 * `fans goal TARGET --by-date`: the date the expected total reaches the target, with
 * --fanout (tree) or --rate (compound) and the calendar flags; with --trials, the
 * percentiles of that date over sampled runs and, with --deadline, the chance of reaching
 * the target by then. The horizon: --until, --depth cycles or --years years, else 10 years.
 */
export async function calendarGoal(io: Io, plan: Plan & { command: 'goal' }): Promise<Report> {
  const { flags, trials: t, money } = plan;
  const targetText = plan.args[0];
  const { parseTarget } = await import('./goal.js');
  if (flags.byDate === undefined) {
    const stray = goalByDateOptions.find((name) => flags[name] !== undefined)!;
    throw new UsageError(`${flagName(stray)} goes with --by-date: fans goal TARGET --by-date answers when the target is reached`);
  }
  if (flags.maxReward !== undefined) throw new UsageError('--max-reward finds a reward, not a date: leave out --by-date, or ask for the date a cumulative net is reached (--net X --by-date)');
  // A money target (--net X, --revenue X): the date the cumulative net or revenue reaches it.
  const moneyGoal = flags.net !== undefined || flags.revenue !== undefined ? ((await import('./goal-money.js')).moneyTarget(flags, targetText, money) as { kind: 'net' | 'revenue'; minor: number }) : null;
  const target = moneyGoal ? 0 : parseTarget(targetText);
  const g = plan.model;
  // With --fit the records give K: the model is the tree, or the compound model where --years or --churn says so.
  const fit = flags.fit !== undefined;
  if (fit && t === null) throw new UsageError('--fit applies to sampled runs only: add --trials N');
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
  const fitted = fit ? await fittedOnCalendar(io, command, p as SimulateParams & CompoundFlags, t!, flags) : null;
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
  if (moneyGoal) return moneyGoalByDate(io, { command, p, t, c: end, k, rate, goal: moneyGoal, money: money!, deadline, deadlineDay, fitted, drawn: plan.drawn });
  // Days (from the start) on which totals are known, and the expected total on each.
  const { days, totals } = expectedTotals(command, p, end, k);
  const hit = totals.findIndex((total) => total >= target);
  const dateOfDay = (day: number) => isoDate(dayDate(end.start, day));
  const answer = hit < 0 ? null : dateOfDay(days[hit]!);
  const lastTotal = totals.at(-1)!;
  // With money: the expected run's cumulative net and revenue, for what the fans are worth by
  // the date the target is reached (or by the horizon), and for the picture's money panel.
  const paths = money ? await expectedWorth(command, p, end, k, money) : null;
  const worth = paths ? worthByDate(paths, end, money!, hit < 0 ? null : days[hit]!) : null;
  const net = paths ? { currency: money!.currency, cumulative: days.map((day) => paths.net(day) / 10 ** money!.digits) } : undefined;
  const chartThrough = (date: string | null) => ({ ...goalChart(command, target, days.map(dateOfDay), totals, hit, date === null ? -1 : days.findIndex((day) => dateOfDay(day) >= date), net), caption: calendarCaption(command, p, end, { target, ...(dated ? { customersOf: fitted!.about.fileName } : {}) }) });
  const chart = chartThrough(null);
  const parameters = { ...goalParameters(command, p, end), ...(worth ? worth.parameters : {}) };
  if (t === null) {
    if (deadline !== null) throw new UsageError('--deadline gives the chance of reaching the target by a date: add --trials N');
    return {
      columns: ['target', 'date', 'total'],
      rows: [{ target, date: answer ?? '', total: hit < 0 ? lastTotal : totals[hit]! }],
      summary: (style: Style) => [style.words.calendar.goalDate(style.numbers, { target, date: answer, until: isoDate(end.end), total: hit < 0 ? lastTotal : totals[hit]!, atStart: hit === 0 ? p.start : null }), ...(worth ? [worth.line(style)] : []), ...calendarLines(end, p.start, lastTotal, rate)(style).slice(1)],
      chart,
      ...(worth ? { currency: money!.currency } : {}),
      json: { command: 'goal', target, byDate: answer, total: hit < 0 ? lastTotal : totals[hit]!, ...(worth ? { money: worth.json } : {}), parameters, calendar: calendarJson(end, rate) },
    };
  }
  return sampledGoalByDate(io, { command, p, t, c: end, rate, target, deadlineDay, expectedDate: answer, expectedTotal: hit < 0 ? lastTotal : totals[hit]!, parameters, chart, drawn: plan.drawn, chartThrough, fitted, ...(worth ? { worth: { line: worth.line, json: worth.json } } : {}) });
}

/**
 * The expected run's cumulative net and revenue (goal-net-date.ts's money path: by cycle, or
 * by day with a spread), each read on a day as the last value on or before it, in minor units.
 */
async function expectedWorth(command: Command, p: SimulateParams & CompoundFlags, c: Calendar, k: number, money: Money) {
  const { expectedMoneyPaths, measured } = await import('./goal-net-date.js');
  const paths = expectedMoneyPaths(command, p, c, k, money, [money.amounts, measured('revenue', money.amounts)]);
  // The last of the path's days on or before `day` (the first for a day before them all), by bisection.
  const at = (day: number) => {
    let [low, high] = [0, paths.days.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (paths.days[mid]! <= day) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const onDay = (path: readonly number[]) => (day: number) => path[at(day)]!;
  return { net: onDay(paths.cumulative[0]!), revenue: onDay(paths.cumulative[1]!) };
}

/** What a count goal's fans are worth on the expected date the target is reached (`day`), or by the horizon where it is not. */
function worthByDate(paths: Awaited<ReturnType<typeof expectedWorth>>, c: Calendar, money: Money, day: number | null) {
  const [net, revenue] = [paths.net, paths.revenue].map((path) => new Amount(path(day ?? c.days), money.digits)) as [Amount, Amount];
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
  g: { command: Command; p: SimulateParams & CompoundFlags; t: TrialFlags | null; c: Calendar; k: number; rate: number | null; goal: { kind: 'net' | 'revenue'; minor: number }; money: Money; deadline: Date | null; deadlineDay: number | null; fitted: Awaited<ReturnType<typeof fittedOnCalendar>> | null; drawn: boolean },
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
  if (g.t === null) {
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
  const report = await sampledGoalByDate(io, {
    command,
    p,
    t: g.t,
    c,
    rate: g.rate,
    target: 0,
    deadlineDay: g.deadlineDay,
    expectedDate: answer,
    expectedTotal: 0,
    parameters,
    chart,
    drawn: g.drawn,
    fitted: g.fitted,
    money: { kind: goal.kind, amount: new Amount(goal.minor, money.digits), payback: (chain, bands) => targetPayback(chain, c, money, a, goal.minor, bands), text, expected: reached },
  });
  return { ...report, currency: money.currency };
}

/** A tree goal's calendar without a horizon of its own: 10 years from the start. */
function tenYears(c: Calendar): Calendar {
  const end = cycleDate(c.start, { amount: 10, unit: 'y' }, 1);
  return { ...c, end, days: daysBetween(c.start, end), horizonFlag: '--until' };
}
