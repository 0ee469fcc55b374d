import type { CycleLength } from './calendar/dates.js';
import { type Count, subtractCounts } from './count.js';

/**
 * Money in a currency's minor units (cents): a `bigint` where the counts are exact and the
 * amounts whole cents, so sums are exact at any size; a `number` (cents, possibly
 * fractional) where the counts are expected values.
 */
export type Minor = number | bigint;

/** What a programme's money is, in minor units (whole numbers): see {@link moneyRows}. */
export interface Amounts {
  /** What one new fan is worth. */
  value: number;
  /** Paid to the referrer for each new fan they bring. */
  reward: number;
  /** Paid to each referred new fan (double-sided programmes). */
  refereeReward: number;
  /** The programme's fixed cost per period (from period 1 on). */
  cost: number;
  /** What one customer costs through paid channels; bought fans (`paid`) cost this each. */
  cac: number | null;
  /** Paid per billed customer-period while a customer stays (`--value` with `--per`); 0 or absent for none. */
  recurring?: number;
  /** The share of revenue that is profit (0..1; 1 when absent): the net counts revenue × margin. */
  margin?: number;
}

/** One period's new fans: those referred and those bought. */
export interface PeriodCounts {
  referred: Count;
  paid: Count;
  /** Customer-periods billed in the period (customers on the books times the period's length over --per's), for a recurring value. */
  billed?: number;
}

/** One period's money. */
export interface MoneyRow {
  revenue: Minor;
  rewards: Minor;
  cost: Minor;
  net: Minor;
  cumulative: Minor;
}

/**
 * The money of each period, from period 0 (the starting fans, already customers: nothing)
 * on: revenue = value × new fans (referred and bought) + recurring × billed customer-periods
 * (`--per`); rewards = (reward + referee reward) ×
 * referred fans; cost = the fixed cost (times `costShares[t]`, the share of a cycle in period
 * t, for calendar periods: pro rata) + CAC × bought fans; net = revenue × margin - rewards - cost;
 * and the cumulative net. Exact (bigint) when every count is a bigint. Calendar periods
 * (`from` 0) carry money from the first: its new fans are those referred after day 0.
 *
 * @example moneyRows([{ referred: 0n, paid: 0n }, { referred: 10n, paid: 0n }], { value: 60000, reward: 4000, refereeReward: 0, cost: 0, cac: null })[1].net // => 560000n (10 fans × 560.00)
 */
export function moneyRows(periods: readonly PeriodCounts[], a: Amounts, costShares?: readonly number[], from = 1): MoneyRow[] {
  const exact = costShares === undefined && !a.recurring && (a.margin ?? 1) === 1 && periods.every((p) => typeof p.referred === 'bigint' && typeof p.paid === 'bigint');
  if (exact) {
    const [value, perReferral, cost, cac] = [BigInt(a.value), BigInt(a.reward + a.refereeReward), BigInt(a.cost), BigInt(a.cac ?? 0)];
    let cumulative = 0n;
    return periods.map((p, t) => {
      const referred = t === 0 ? 0n : (p.referred as bigint);
      const paid = t === 0 ? 0n : (p.paid as bigint);
      const revenue = value * (referred + paid);
      const rewards = perReferral * referred;
      const spent = t === 0 ? 0n : cost + cac * paid;
      const net = revenue - rewards - spent;
      cumulative += net;
      return { revenue, rewards, cost: spent, net, cumulative };
    });
  }
  let cumulative = 0;
  return periods.map((p, t) => {
    const referred = t < from ? 0 : Number(p.referred);
    const paid = t < from ? 0 : Number(p.paid);
    const revenue = a.value * (referred + paid) + (t < from ? 0 : (a.recurring ?? 0) * (p.billed ?? 0));
    const rewards = (a.reward + a.refereeReward) * referred;
    const spent = t < from ? 0 : a.cost * (costShares?.[t] ?? 1) + (a.cac ?? 0) * paid;
    // Net is profit: the revenue's margin, less rewards and costs.
    const net = revenue * (a.margin ?? 1) - rewards - spent;
    cumulative += net;
    return { revenue, rewards, cost: spent, net, cumulative };
  });
}

/**
 * The discount factor of an amount `years` after the start at a yearly `rate`: (1 + rate)^-years.
 *
 * @example discountFactor(0.1, 2) // => 0.8264462809917354 (1 / 1.21, to the last digit or two)
 */
export const discountFactor = (rate: number, years: number): number => Math.exp(-years * Math.log1p(rate));

/**
 * Present values of a run's counts at the start: each period's referred fans, bought fans and
 * billed customer-periods times its discount factor, and its share of the fixed cost likewise
 * (1 a period from `from` on where `costShares` is absent). Money is linear in these, so
 * {@link moneyRows} of the result is each period's money discounted from the period's end,
 * and {@link moneySummary}'s break-even reward the one whose present net is 0 or more.
 *
 * @example presentCounts([{ referred: 0, paid: 0 }, { referred: 10, paid: 0 }], [1, 0.5], undefined, 1).counts[1].referred // => 5
 */
export function presentCounts(periods: readonly PeriodCounts[], factors: readonly number[], costShares: readonly number[] | undefined, from: number): { counts: PeriodCounts[]; costShares: number[] } {
  return {
    counts: periods.map((p, t) => ({ referred: Number(p.referred) * factors[t]!, paid: Number(p.paid) * factors[t]!, ...(p.billed !== undefined ? { billed: p.billed * factors[t]! } : {}) })),
    costShares: periods.map((_, t) => (t < from ? 0 : (costShares?.[t] ?? 1) * factors[t]!)),
  };
}

/** What the money of a run adds up to. */
export interface MoneySummary {
  revenue: Minor;
  spend: Minor;
  net: Minor;
  /** Net over spend; null without spending. */
  return: number | null;
  /** The first period whose cumulative net is 0 or more; null when none is (within the horizon). */
  payback: number | null;
  /**
   * The largest reward per referred fan (whole minor units, the referee reward kept) with which
   * the cumulative net at the horizon (the last period) is still 0 or more; null when nobody was
   * referred, or when even a reward of 0 leaves it below 0.
   */
  breakEvenReward: Minor | null;
}

const toNumber = (m: Minor) => Number(m);

/**
 * a / b of two exact sums as the nearest double's neighbour (to 2^-63 relative): both may pass
 * what a double holds, and a fixed number of decimals would round a tiny return to 0. The
 * quotient is taken in integers with 64 bits to spare, then scaled back.
 *
 * @example bigRatio(-11290249727577n, 10n ** 22n) // => -1.1290249727577e-9
 */
export function bigRatio(a: bigint, b: bigint): number {
  const bits = (n: bigint) => (n < 0n ? -n : n).toString(2).length;
  const shift = Math.max(0, 64 + bits(b) - bits(a));
  const quotient = (a << BigInt(shift)) / b;
  // Scaled back in two steps, so that 2^shift past a double's range does not overflow.
  const half = Math.floor(shift / 2);
  return Number(quotient) / 2 ** half / 2 ** (shift - half);
}

/**
 * Totals, return, payback period and break-even reward of {@link moneyRows}. The break-even
 * reward in closed form: with R, C and F the cumulative revenue (after the margin), cost and
 * referred fans at the horizon, the cumulative net there is R - (r + referee) F - C ≥ 0 for
 * reward r up to ⌊(R - C) / F⌋ - referee. At the horizon, not at whichever period is best: a
 * run whose customers pay from the first day (--per) would otherwise "pay back" in its first
 * days with any reward, its few referred fans dividing nearly nothing.
 *
 * @example moneySummary(moneyRows([{ referred: 0n, paid: 0n }, { referred: 10n, paid: 0n }], { value: 100, reward: 10, refereeReward: 0, cost: 500, cac: null }), [{ referred: 0n, paid: 0n }, { referred: 10n, paid: 0n }], { value: 100, reward: 10, refereeReward: 0, cost: 500, cac: null }).breakEvenReward // => 50
 */
export function moneySummary(rows: readonly MoneyRow[], periods: readonly PeriodCounts[], a: Amounts, from = 1): MoneySummary {
  const exact = typeof rows[0]?.revenue === 'bigint';
  const sum = (pick: (r: MoneyRow) => Minor): Minor => (exact ? rows.reduce((s, r) => s + (pick(r) as bigint), 0n) : rows.reduce((s, r) => s + toNumber(pick(r)), 0));
  const revenue = sum((r) => r.revenue);
  const spend = exact ? (sum((r) => r.rewards) as bigint) + (sum((r) => r.cost) as bigint) : toNumber(sum((r) => r.rewards)) + toNumber(sum((r) => r.cost));
  const net = rows.at(-1)?.cumulative ?? 0;
  let payback: number | null = null;
  for (let t = from; t < rows.length; t++) {
    if (toNumber(rows[t]!.cumulative) >= 0) {
      payback = t;
      break;
    }
  }
  let best: Minor | null = null;
  if (exact) {
    // In integers: an exact run's sums pass what a double holds.
    let room = 0n;
    let referredSoFar = 0n;
    for (let t = from; t < rows.length; t++) {
      room += (rows[t]!.revenue as bigint) - (rows[t]!.cost as bigint);
      referredSoFar += periods[t]!.referred as bigint;
    }
    if (referredSoFar > 0n) {
      // The largest whole r with r F ≤ R - C: a floor (BigInt division truncates toward 0).
      const quotient = room / referredSoFar;
      const whole = room < 0n && quotient * referredSoFar !== room ? quotient - 1n : quotient;
      best = whole - BigInt(a.refereeReward);
    }
  } else {
    let revenueSoFar = 0;
    let costSoFar = 0;
    let referredSoFar = 0;
    for (let t = from; t < rows.length; t++) {
      revenueSoFar += toNumber(rows[t]!.revenue) * (a.margin ?? 1);
      costSoFar += toNumber(rows[t]!.cost);
      referredSoFar += Number(periods[t]!.referred);
    }
    if (referredSoFar > 0) {
      // The largest whole r with r F ≤ R - C: a floor, corrected where the division rounded across a whole number.
      // R and F are sums of doubles, worked out by different paths (a calendar run's by day and by
      // period): within 1e-12 of them is break-even, so a value with no costs breaks even at the value, not a cent below.
      const room = revenueSoFar - costSoFar + 1e-12 * (Math.abs(revenueSoFar) + Math.abs(costSoFar));
      let whole = Math.floor(room / referredSoFar);
      if ((whole + 1) * referredSoFar <= room) whole++;
      else if (whole * referredSoFar > room) whole--;
      best = whole - a.refereeReward;
    }
  }
  return {
    revenue,
    spend,
    net,
    // Exact sums may pass a double; their ratio need not: divide in integers to 12 decimals first.
    return: exact ? ((spend as bigint) > 0n ? bigRatio(net as bigint, spend as bigint) : null) : toNumber(spend) > 0 ? toNumber(net) / toNumber(spend) : null,
    payback,
    breakEvenReward: best === null || best < 0 ? null : best,
  };
}

/**
 * The effective cost of acquiring a customer when each bought customer starts a referral tree
 * (Morgan Brown's amplification, K < 1): a bought fan becomes 1 / (1 - K) fans in the end, at
 * CAC plus a reward per referred fan, so per fan CAC (1 - K) + reward × K. null for K ≥ 1
 * (the tree never ends).
 *
 * @example effectiveAcquisitionCost(100, 20, 0.7) // => 44
 */
export function effectiveAcquisitionCost(cac: number, rewardPerReferral: number, k: number): number | null {
  return k < 1 ? cac * (1 - k) + rewardPerReferral * k : null;
}

/**
 * Fans one bought (or starting) fan becomes in the end, itself included: 1 / (1 - K) for K < 1
 * (a geometric series), null otherwise.
 *
 * @example amplification(0.7) // => 3.3333333333333335
 */
export function amplification(k: number): number | null {
  return k < 1 ? 1 / (1 - k) : null;
}

/** A run's money: its currency, the currency's minor digits, and the amounts in minor units. */
export interface Money {
  currency: string | null;
  digits: number;
  amounts: Amounts;
  /** Which amounts were given. */
  given: ReadonlySet<string>;
  /** --per: the value is paid per this period while a customer stays; null for once on joining. */
  per: CycleLength | null;
  /** --discount: the yearly rate every amount is discounted at (present values, each from its period's end); null for none. */
  discount: number | null;
}

/** Each period's billed customer-periods: the customers on the books at its end times the billing ratio (none in period 0, the start). */
export const billedOf = (totals: readonly Count[], ratio: number): number[] => totals.map((total, t) => (t === 0 ? 0 : Number(total) * ratio));

/** Each period's new fans split into referred and bought, and (with --per, `ratio` > 0) the customer-periods billed: rows of the tree or compound model. */
export function periodCounts(rows: readonly { new: Count; paid: Count; total?: Count }[], ratio = 0): PeriodCounts[] {
  const billed = ratio > 0 ? billedOf(rows.map((r) => r.total ?? 0), ratio) : null;
  return rows.map((r, t) => ({ referred: subtractCounts(r.new, r.paid), paid: r.paid, ...(billed ? { billed: billed[t]! } : {}) }));
}

/** Each step's discount factor at --discount's rate, steps 0..last of `years` each (none without --discount). */
export const stepFactors = (money: Money, last: number, years: number): number[] | null => (money.discount === null ? null : Array.from({ length: last + 1 }, (_, t) => discountFactor(money.discount!, t * years)));
