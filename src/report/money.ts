import type { Count } from '../model/count.js';
import { type Lifetime, lifetimeBilled } from '../model/lifetime.js';
import { type Money, type PeriodCounts, amplification, effectiveAcquisitionCost, moneyRows, moneySummary, presentCounts } from '../model/money.js';
import { Refusal } from '../model/refusal.js';
import { durationText } from '../model/calendar/duration-text.js';
import { Amount, amountFormat } from '../output/amount.js';
import type { Cell } from '../output/delimited.js';
import type { Style } from '../output/report.js';
import type { ReportPart } from './part.js';

/**
 * The money of a run in its report: per period revenue, rewards, cost, net and the cumulative
 * net; the summary's sentences (return, payback, break-even reward, one fan's worth, what a
 * customer may cost); the amounts in the parameter list and in JSON.
 */

/** What money needs to know of the run beyond its rows. */
export interface MoneyContext {
  tree: boolean;
  /** Referral factor per period (level or year). */
  k: number;
  churn: number;
  /** New fans one fan brings in within the horizon, directly or not (exact where the model is); null past what a double holds. */
  descendants: Count | null;
  /** A tree with K < 1: the new fans one fan brings in the end, K / (1 - K). */
  descendantsInTheEnd: number | null;
  /** Calendar periods (rows by --by): each row's name, the run's last date, and each period's share of a cycle's fixed cost. */
  dated?: { names: readonly string[]; until: string; costShares: readonly number[]; from?: number };
  /** A market: one fan's worth is then its share of the run (the run's referred fans and billed periods over its starting fans). */
  market?: { start: number };
  /** With --per: one fan's own customer-periods billed within the horizon and its line's (the fans its referrals bring), for its worth; and one customer's lifetime. */
  recurring?: { oneFanBilled: number; lifetime: Lifetime };
  /**
   * With --discount: each row's discount factor (from its period's end), one lifetime step's
   * (`step`), and one fan's line by row (its referred fans and billed periods, period 0 its
   * own) for its present worth; null where that line passes what a double holds.
   */
  present?: { factors: readonly number[]; step: number; oneLine: readonly PeriodCounts[] | null };
}

/**
 * One fan's line in a run with a market: the run's referred fans (and billed periods) shared
 * over its starting fans, where the fan's own tree without the market would count fans the
 * market does not hold (3 fans of a fanout-2 tree in a market of 10 reach 6.77 more in all,
 * 2.26 each, not 62).
 */
function withinMarket(context: MoneyContext, counts: readonly PeriodCounts[], start: number): MoneyContext {
  if (!(start > 0)) return context;
  // Period 0 holds the starting fans (levels and years); calendar periods count from the first, the starting fans left out already.
  const from = context.dated ? 0 : 1;
  const referred = counts.reduce((sum, c, t) => sum + (t < from ? 0 : Number(c.referred)), 0) / start;
  const descendants = context.descendants === null ? referred : Math.min(Number(context.descendants), referred);
  const billed = counts.reduce((sum, c) => sum + (c.billed ?? 0), 0) / start;
  return { ...context, descendants, descendantsInTheEnd: null, ...(context.recurring ? { recurring: { ...context.recurring, oneFanBilled: Math.min(context.recurring.oneFanBilled, billed) } } : {}) };
}

/** Money columns of the rows: JSON keys and CSV headers. */
export const moneyColumns = ['revenue', 'rewards', 'cost', 'net', 'cumulativeNet'] as const;

/**
 * A run's money as a part of its report: per period revenue, rewards, cost, net and the
 * cumulative net (`counts` holds the run's periods, one a row); in the summary the return, the
 * payback period, the break-even reward, the value of one raving fan and the effective
 * acquisition cost against --cac; all of it in JSON, the amounts in the parameters.
 */
export function moneyPart(money: Money, counts: readonly PeriodCounts[], context: MoneyContext): ReportPart {
  const dated = context.dated;
  const from = dated ? (dated.from ?? 0) : 1;
  const present = money.discount === null ? null : context.present;
  if (present === undefined) throw new Error('a discounted run without its discount factors');
  // With --discount, money is counted in present values: each period's counts (and share of the cost) times its factor.
  const discounted = present ? presentCounts(counts, present.factors, dated?.costShares, from) : null;
  const counted = discounted?.counts ?? counts;
  // In a market the run reaches, one fan's line is its share of the run, not its tree without the market (which would count fans the market does not hold).
  if (context.market) context = withinMarket(context, counted, context.market.start);
  const rows = moneyRows(counted, money.amounts, discounted?.costShares ?? dated?.costShares, from);
  const values = rows.flatMap((r) => [r.revenue, r.rewards, r.cost, r.net, r.cumulative]);
  if (values.some((v) => typeof v === 'number' && !Number.isFinite(v))) {
    throw new Refusal(`the money of this run passes what a double holds (1.8e308 cents): shorten ${context.tree ? '--depth' : '--years'}, or use smaller amounts`);
  }
  const summary = moneySummary(rows, counted, money.amounts, from);
  const cell = (minor: number | bigint) => new Amount(minor, money.digits);
  const a = money.amounts;
  const perReferral = a.reward + a.refereeReward;
  const margin = a.margin ?? 1;
  // Discounted, one fan's line is counted period by period (within the market, at most its share of the run's).
  const presentLine = present?.oneLine ? presentOne(present.oneLine, present.factors, from, context.market ? { run: counted, start: context.market.start } : null) : null;
  const oneFan = present
    ? presentLine === null
      ? null
      : margin * (a.value * presentLine.referred + (a.recurring ?? 0) * presentLine.billed)
    : context.recurring !== undefined
      ? margin * (a.value * Number(context.descendants ?? 0) + (a.recurring ?? 0) * context.recurring.oneFanBilled)
      : context.descendants === null
        ? null
        : typeof context.descendants === 'bigint' && margin === 1
          ? BigInt(a.value) * context.descendants
          : margin * a.value * Number(context.descendants);
  const lifetime = context.recurring ? lifetimeBilled({ ...context.recurring.lifetime, ...(present ? { discount: present.step } : {}) }) : null;
  // One customer's worth with --per: within the horizon, and over an expected lifetime (none without churn).
  const worth = lifetime ? { within: margin * (a.recurring ?? 0) * lifetime.within, unbounded: lifetime.unbounded === null ? null : margin * (a.recurring ?? 0) * lifetime.unbounded } : null;
  // A break-even reward is paid per referred fan: none to say where nobody is referred.
  const showBreakEven = (perReferral > 0 || a.value > 0 || (a.recurring ?? 0) > 0) && counts.some((c, t) => t >= from && Number(c.referred) > 0);
  const showOneFan = (a.value > 0 || context.recurring !== undefined) && oneFan !== null && context.descendants !== null;
  // The most a customer may cost to acquire and still break even within the horizon: what they pay themselves, and with the
  // referrals they bring (their line's worth less the rewards paid for it).
  const referredByOne = presentLine ? presentLine.referred : Number(context.descendants ?? 0);
  const own = worth ? worth.within : margin * a.value;
  const maxCac = !showOneFan
    ? null
    : typeof oneFan === 'bigint' && typeof context.descendants === 'bigint'
      ? // Exact counts: in integers (one fan's line may pass what a double holds).
        { alone: own, withReferrals: BigInt(own) + oneFan - BigInt(perReferral) * context.descendants }
      : { alone: own, withReferrals: own + Math.max(0, Number(oneFan) - (worth ? own : 0)) - perReferral * referredByOne };
  const lifetimeK = context.tree ? context.k : context.churn > 0 ? context.k / context.churn : Infinity;
  const effective = a.cac === null ? null : effectiveAcquisitionCost(a.cac, perReferral, lifetimeK);
  const amplified = amplification(lifetimeK);
  const unit = context.tree ? 'level' : 'year';
  // A tree with K < 1 ends: its new fans in the end K + K² + … = K / (1 - K), discounted level by level Kv / (1 - Kv).
  const inTheEnd = context.descendantsInTheEnd === null ? null : present ? (context.k * present.step < 1 ? (margin * a.value * context.k * present.step) / (1 - context.k * present.step) : null) : margin * a.value * context.descendantsInTheEnd;
  const lines = ({ words, numbers }: Style, amountText: (minor: number | bigint) => string) => {
    const m = words.money;
    const discounting = money.discount === null ? [] : [m.discounted(numbers, { rate: money.discount })];
    const customer = worth ? [m.lifetime(numbers, { within: amountText(worth.within), unbounded: worth.unbounded === null ? null : amountText(worth.unbounded), margin: margin === 1 ? null : margin })] : [];
    if (dated) {
      const reward = summary.breakEvenReward === null ? null : amountText(summary.breakEvenReward);
      return [
        m.totals(numbers, { revenue: amountText(summary.revenue), spend: amountText(summary.spend), net: amountText(summary.net), ratio: summary.return }),
        ...discounting,
        ...customer,
        m.paybackBy(numbers, { period: summary.payback === null ? null : dated.names[summary.payback]!, until: dated.until }),
        ...(showBreakEven ? [m.breakEvenBy(numbers, { reward, until: dated.until })] : []),
        ...(showOneFan ? [m.oneFanBy(numbers, { value: amountText(oneFan!), descendants: Number(context.descendants), until: dated.until })] : []),
        ...(maxCac ? [m.maxAcquisition(numbers, { alone: amountText(maxCac.alone), withReferrals: amountText(maxCac.withReferrals), until: dated.until })] : []),
      ];
    }
    return [
      m.totals(numbers, { revenue: amountText(summary.revenue), spend: amountText(summary.spend), net: amountText(summary.net), ratio: summary.return }),
      ...discounting,
      ...customer,
      m.payback(numbers, { period: summary.payback, unit, horizon: rows.length - 1 }),
      ...(showBreakEven ? [m.breakEven(numbers, { reward: summary.breakEvenReward === null ? null : amountText(summary.breakEvenReward), unit, horizon: rows.length - 1 })] : []),
      ...(showOneFan
        ? [m.oneFan(numbers, { value: amountText(oneFan!), descendants: context.descendants!, unit, horizon: rows.length - 1, inTheEnd: context.descendantsInTheEnd, valueInTheEnd: inTheEnd === null ? null : amountText(inTheEnd) })]
        : []),
      ...(maxCac ? [m.maxAcquisition(numbers, { alone: amountText(maxCac.alone), withReferrals: amountText(maxCac.withReferrals), until: null })] : []),
      ...(a.cac !== null ? [m.acquisition(numbers, { effective: effective === null ? null : amountText(effective), cac: amountText(a.cac), fans: amplified })] : []),
    ];
  };
  const json = (minor: number | bigint | null) => (minor === null ? null : cell(minor));
  return {
    columns: moneyColumns,
    cells: (t) => {
      const m = rows[t]!;
      return { revenue: cell(m.revenue), rewards: cell(m.rewards), cost: cell(m.cost), net: cell(m.net), cumulativeNet: cell(m.cumulative) };
    },
    currency: money.currency,
    // The total line stands under the last column, which is money now: the total is in the rows and the summary.
    dropsTotal: true,
    summary: (style) => lines(style, moneyText(style, money)),
    json: {
      // The money's assumptions beside the model's: the HTML and xlsx parameters list them.
      parameters: moneyParameters(money),
      money: {
        currency: money.currency,
        value: json(money.per ? (a.recurring ?? 0) : a.value),
        reward: json(a.reward),
        refereeReward: json(a.refereeReward),
        cost: json(a.cost),
        cac: json(a.cac),
        ...(money.per ? { per: durationText(money.per), recurring: json(a.recurring ?? 0) } : {}),
        ...((a.margin ?? 1) !== 1 ? { margin: a.margin! } : {}),
        ...(money.discount !== null ? { discount: money.discount, discounting: 'end of period' } : {}),
        ...(worth ? { customerValue: { withinHorizon: json(worth.within), lifetime: json(worth.unbounded) } } : {}),
        revenue: json(summary.revenue),
        spend: json(summary.spend),
        net: json(summary.net),
        return: summary.return,
        payback: dated ? (summary.payback === null ? null : dated.names[summary.payback]!) : summary.payback,
        breakEvenReward: json(summary.breakEvenReward),
        valueOfOneFan: oneFan === null || (typeof oneFan === 'number' && !Number.isFinite(oneFan)) ? null : json(oneFan),
        effectiveAcquisitionCost: json(effective),
        maxAcquisitionCost: maxCac ? { alone: json(maxCac.alone), withReferrals: json(maxCac.withReferrals) } : null,
        fansPerBoughtFan: amplified,
      },
    },
  };
}

/**
 * One fan's line in present values: its referred fans and billed periods, each period's
 * times its discount factor, from `from` on (period 0 of levels and years holds the fan
 * itself); within a market, at most its share of the run's (`run`, already discounted).
 */
function presentOne(line: readonly PeriodCounts[], factors: readonly number[], from: number, market: { run: readonly PeriodCounts[]; start: number } | null): { referred: number; billed: number } {
  const sum = (counts: readonly PeriodCounts[], weight: (t: number) => number) => {
    let referred = 0;
    let billed = 0;
    for (let t = from; t < counts.length; t++) {
      referred += Number(counts[t]!.referred) * weight(t);
      billed += (counts[t]!.billed ?? 0) * weight(t);
    }
    return { referred, billed };
  };
  const own = sum(line, (t) => factors[t]!);
  if (market === null || !(market.start > 0)) return own;
  const run = sum(market.run, () => 1 / market.start);
  return { referred: Math.min(own.referred, run.referred), billed: Math.min(own.billed, run.billed) };
}

/** A run's money as its parameters list it (JSON, and the HTML and xlsx parameters): every amount, --per, --margin, --discount and the currency. */
export function moneyParameters(money: Money): Record<string, Cell> {
  const a = money.amounts;
  const amount = (minor: number) => new Amount(minor, money.digits);
  return {
    currency: money.currency,
    value: amount(money.per ? (a.recurring ?? 0) : a.value),
    ...(money.per ? { per: durationText(money.per) } : {}),
    ...((a.margin ?? 1) !== 1 ? { margin: a.margin! } : {}),
    ...(money.discount !== null ? { discount: money.discount } : {}),
    reward: amount(a.reward),
    refereeReward: amount(a.refereeReward),
    cost: amount(a.cost),
    cac: a.cac === null ? null : amount(a.cac),
  };
}

/** Amounts in sentences: as the table writes them. */
export function moneyText(style: Style, money: Money): (minor: number | bigint) => string {
  const format = amountFormat(style.locale, money.currency);
  return (minor) => format(new Amount(minor, money.digits));
}
