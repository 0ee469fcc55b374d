import type { Payback } from '../../model/chains/payback.js';
import type { ChainParams } from '../../model/chains/montecarlo.js';
import { calendarPeriods, cycleDays } from '../../model/calendar/dates.js';
import { type Amounts, type PeriodCounts, moneyRows, presentCounts } from '../../model/money.js';
import type { CompoundFlags } from './compound.js';
import type { SimulateParams } from './simulate.js';
import { cyclesWithin, datedMoney, moneyByPeriod, presentOfPeriods, renewalOf } from './calendar-parts.js';
import type { Calendar, Command } from '../../model/calendar/run-calendar.js';
import { type Money, periodCounts, stepFactors } from '../../model/money.js';
import { moneyPayback } from '../../model/chains/money-payback.js';
import { billingRatio, stepYears } from '../flags/money.js';
import { treeRows } from './simulate.js';
import { yearlyRows } from './compound.js';
import { bounds } from '../flags/options.js';

/**
 * `fans goal --net X --by-date` (or `--revenue X`): the first date the cumulative net (or
 * revenue) reaches X, on the run's calendar. Amounts fall as the calendar reports them: by
 * cycle without a spread (value and rewards when the cycle's fans join, the fixed cost a
 * cycle), by day with one (rewards on the day of the referral, the fixed cost pro rata by
 * day, a recurring value for each day a customer is on the books).
 */

/**
 * The amounts whose cumulative net is the target's measure: the net as it is, or the revenue
 * (no rewards, costs or margin: what customers pay).
 *
 * @example measured('revenue', { value: 100, reward: 10, refereeReward: 0, cost: 500, cac: null, margin: 0.5 }).margin // => 1
 */
export function measured(kind: 'net' | 'revenue', a: Amounts): Amounts {
  return kind === 'net' ? a : { ...a, reward: 0, refereeReward: 0, cost: 0, cac: null, margin: 1 };
}

/**
 * The expected run's cumulative net under each of `amounts`, on the days it changes: every
 * day with a spread (the renewal equation's days), else each cycle's day. The same money as
 * `fans simulate|compound` with `--by day` (spread) or by cycle (none). The run and its
 * counts are worked out once, whatever the amounts.
 */
export function expectedMoneyPaths(command: Command, p: SimulateParams & CompoundFlags, c: Calendar, k: number, money: Money, amounts: readonly Amounts[]): { days: number[]; cumulative: number[][] } {
  const tree = command === 'simulate';
  let days: number[];
  let counts: PeriodCounts[];
  let costShares: number[] | undefined;
  let from = 1;
  if (c.spread) {
    const run = renewalOf(command, p, c, k);
    const periods = calendarPeriods(c.start, c.days, 'day');
    days = run.days;
    counts = moneyByPeriod(periods, run, p.start, money.per ? cycleDays(money.per) : null);
    costShares = datedMoney(c, periods).costShares;
    from = 0;
  } else {
    days = cyclesWithin(c, tree ? bounds.depth : bounds.years);
    const last = days.length - 1;
    const rows = tree ? treeRows({ ...p, depth: last }, c.horizonFlag) : yearlyRows({ ...p, years: last }, c.horizonFlag);
    counts = periodCounts(rows, billingRatio(money, c.cycle, tree));
  }
  // With --discount, each day's (or cycle's) amounts from its end.
  const factors = discountFactors(c, money, days.length - 1, tree);
  const present = factors ? presentCounts(counts, factors, costShares, from) : null;
  return { days, cumulative: amounts.map((a) => moneyRows(present?.counts ?? counts, a, present?.costShares ?? costShares, from).map((r) => Number(r.cumulative))) };
}

/**
 * The discount factors of a goal's days (with a spread: each day's from its end, as
 * presentOfPeriods takes a day's) or cycles (each cycle's, as the runs by cycle take them);
 * none without --discount.
 */
function discountFactors(c: Calendar, money: Money, last: number, tree: boolean): number[] | undefined {
  if (money.discount === null) return undefined;
  if (c.spread) return presentOfPeriods(money, c, calendarPeriods(c.start, c.days, 'day'), null).present!.factors;
  return stepFactors(money, last, stepYears(c.cycle, tree))!;
}

/**
 * What each sampled run is checked for: its cumulative net under `a` reaching `minor`, on
 * the days of `chain` (every day with a spread, each cycle's day without): the payback of
 * model/chains/payback.ts with the target taken off every period's offset.
 */
export function targetPayback(chain: ChainParams, c: Calendar, money: Money, a: Amounts, minor: number, bands = false): Payback {
  const asked: Money = { ...money, amounts: a };
  const tree = chain.model === 'tree';
  const factors = discountFactors(c, money, chain.periods, tree);
  const payback = c.spread
    ? moneyPayback(chain, asked, datedMoney(c, calendarPeriods(c.start, c.days, 'day')).costShares, money.per ? { perDays: cycleDays(money.per) } : undefined, factors, bands)
    : moneyPayback(chain, asked, undefined, money.per ? { ratio: billingRatio(money, c.cycle, tree) } : undefined, factors, bands);
  const offsets = payback.offsets.map((offset) => offset - minor);
  // Checked after the start (the first day or cycle on): a net of 0 is no payback on day 0, before anything happened.
  return { ...payback, offsets, from: Math.max(1, payback.from) };
}

