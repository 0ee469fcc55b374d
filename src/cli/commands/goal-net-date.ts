import type { Payback } from '../../model/chains/payback.js';
import type { ChainParams } from '../../model/chains/montecarlo.js';
import { calendarPeriods, cycleDays, dayDate, yearsFrom } from '../../model/calendar/dates.js';
import { type Amounts, discountFactor, moneyRows, presentCounts } from '../../model/money.js';
import { Amount, amountFormat } from '../../output/amount.js';
import type { Style } from '../../output/render.js';
import type { CompoundFlags } from './compound.js';
import type { SimulateParams } from './simulate.js';
import { type Calendar, type Command, customerDaysByPeriod, cyclesWithin, datedMoney, renewalOf } from './calendar-parts.js';
import { type Money, billingRatio, moneyPayback, periodCounts, stepFactors, stepYears } from './money.js';
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

/** A money target by date: the cumulative net or revenue to reach, in minor units. */
export interface MoneyByDate {
  kind: 'net' | 'revenue';
  minor: number;
}

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
 * The expected run's cumulative net under `a`, on the days it changes: every day with a
 * spread (the renewal equation's days), else each cycle's day. The same money as
 * `fans simulate|compound` with `--by day` (spread) or by cycle (none).
 */
export function expectedMoneyPath(command: Command, p: SimulateParams & CompoundFlags, c: Calendar, k: number, money: Money, a: Amounts): { days: number[]; cumulative: number[] } {
  const tree = command === 'simulate';
  if (c.spread) {
    const run = renewalOf(command, p, c, k);
    const periods = calendarPeriods(c.start, c.days, 'day');
    const billed = money.per ? customerDaysByPeriod(periods, run.totals).map((customerDays) => customerDays / cycleDays(money.per!)) : null;
    const counts = run.fresh.map((n, day) => ({ referred: Math.max(0, n - (day === 0 ? p.start : 0)), paid: 0, ...(billed ? { billed: billed[day]! } : {}) }));
    const costShares = datedMoney(c, periods).costShares;
    // With --discount, each day's amounts from its end.
    const present = money.discount === null ? null : presentCounts(counts, dayFactors(c, money.discount), costShares, 0);
    const rows = moneyRows(present?.counts ?? counts, a, present?.costShares ?? costShares, 0);
    return { days: run.days, cumulative: rows.map((r) => Number(r.cumulative)) };
  }
  const days = cyclesWithin(c, tree ? bounds.depth : bounds.years);
  const last = days.length - 1;
  const rows = tree ? treeRows({ ...p, depth: last }, c.horizonFlag) : yearlyRows({ ...p, years: last }, c.horizonFlag);
  const ratio = billingRatio(money, c.cycle, tree);
  const counts = periodCounts(rows, ratio);
  const present = money.discount === null ? null : presentCounts(counts, stepFactors(money, last, stepYears(c.cycle, tree))!, undefined, 1);
  return { days, cumulative: moneyRows(present?.counts ?? counts, a, present?.costShares).map((r) => Number(r.cumulative)) };
}

/**
 * What each sampled run is checked for: its cumulative net under `a` reaching `minor`, on
 * the days of `chain` (every day with a spread, each cycle's day without): the payback of
 * model/chains/payback.ts with the target taken off every period's offset.
 */
export function targetPayback(chain: ChainParams, c: Calendar, money: Money, a: Amounts, minor: number): Payback {
  const asked: Money = { ...money, amounts: a };
  const tree = chain.model === 'tree';
  const factors = money.discount === null ? undefined : c.spread ? dayFactors(c, money.discount) : stepFactors(money, chain.periods, stepYears(c.cycle, tree))!;
  const payback = c.spread
    ? moneyPayback(chain, asked, datedMoney(c, calendarPeriods(c.start, c.days, 'day')).costShares, money.per ? { perDays: cycleDays(money.per) } : undefined, factors)
    : moneyPayback(chain, asked, undefined, money.per ? { ratio: billingRatio(money, c.cycle, tree) } : undefined, factors);
  const offsets = payback.offsets.map((offset) => offset - minor);
  // Checked after the start (the first day or cycle on): a net of 0 is no payback on day 0, before anything happened.
  return { ...payback, offsets, from: Math.max(1, payback.from) };
}

/** Each day's discount factor at a yearly rate, from its end (the next day's start): days 0..c.days. */
function dayFactors(c: Calendar, rate: number): number[] {
  return Array.from({ length: c.days + 1 }, (_, day) => discountFactor(rate, yearsFrom(c.start, dayDate(c.start, day + 1))));
}

/** The target as the reader's locale writes amounts. */
export const targetText = (money: Money, minor: number) => (style: Style) => amountFormat(style.locale, money.currency)(new Amount(minor, money.digits));
