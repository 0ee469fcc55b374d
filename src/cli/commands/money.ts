import { type Count, subtractCounts } from '../../model/count.js';
import { type TreeParams, type TreeRow, treeFactor, treeGrowth } from '../../model/growth/tree.js';
import { type ChainParams, type TrialRow, theoryByPeriod } from '../../model/chains/montecarlo.js';
import { chainFactor } from '../../model/chains/offspring.js';
import { type CompoundParams, type CompoundRow, compoundFactor, compoundGrowth } from '../../model/growth/compound.js';
import type { Payback } from '../../model/chains/payback.js';
import { type Amounts, type PeriodCounts, amplification, discountFactor, effectiveAcquisitionCost, moneyRows, moneySummary, presentCounts } from '../../model/money.js';
import { Amount, amountFormat } from '../../output/amount.js';
import type { Cell } from '../../output/delimited.js';
import type { Report, Style } from '../../output/render.js';
import { UsageError } from '../io/io.js';
import { type OptionName, flagName, moneyOptions, optionSpecs } from '../flags/options.js';
import { type AmountText, type Duration, durationText, isInvalid, minorUnits, quoted } from '../flags/parse.js';
import { cycleDays } from '../../model/calendar/dates.js';

/** The currency of a region, for the default of --currency: the euro area, and the usual others. */
const regionCurrency: Record<string, string> = {
  ...Object.fromEntries(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'].map((r) => [r, 'EUR'])),
  US: 'USD', GB: 'GBP', IN: 'INR', JP: 'JPY', CH: 'CHF', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', BR: 'BRL', MX: 'MXN', CN: 'CNY', ZA: 'ZAR', SG: 'SGD',
};

/** The default currency of a locale: its region's (nl-NL: EUR), or null where none is known. */
export function localeCurrency(locale: string): string | null {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return (region && regionCurrency[region]) ?? null;
  } catch {
    return null;
  }
}

/** A run's money: its currency, the currency's minor digits, and the amounts in minor units. */
export interface Money {
  currency: string | null;
  digits: number;
  amounts: Amounts;
  /** Which amounts were given. */
  given: ReadonlySet<string>;
  /** --per: the value is paid per this period while a customer stays; null for once on joining. */
  per: Duration | null;
  /** --discount: the yearly rate every amount is discounted at (present values, each from its period's end); null for none. */
  discount: number | null;
}

const amountFlags = ['value', 'reward', 'refereeReward', 'cost', 'cac'] as const;

/**
 * The money flags, checked: each amount in the run's currency (a symbol or code written with
 * it must be that currency's), in whole minor units, as minor units. null when no amount is
 * given. `parsed` holds the flags as the option specs parse them.
 */
export function moneyOf(flags: Record<string, unknown>, locale: string, where = (name: string) => flagName(name)): Money | null {
  const parsed: Partial<Record<(typeof moneyOptions)[number], AmountText | string | null>> = {};
  for (const name of moneyOptions) {
    const text = flags[name];
    if (text === undefined || text === null) continue;
    const spec = optionSpecs[name as OptionName] as { parse: (t: string | number) => unknown };
    const value = spec.parse(typeof text === 'number' ? text : String(text));
    if (isInvalid(value)) throw new UsageError(`${where(name)} ${value.invalid} (got ${quoted(text)})`);
    parsed[name] = value as AmountText | string | null;
  }
  const given = amountFlags.filter((name) => parsed[name] !== undefined && parsed[name] !== null);
  const per = (parsed.per ?? null) as unknown as Duration | null;
  const margin = (parsed.margin ?? null) as unknown as number | null;
  const discount = (parsed.discount ?? null) as unknown as number | null;
  if (per !== null && !given.includes('value')) throw new UsageError(`${where('per')} says how often --value is paid: give --value too`);
  if (given.length === 0) {
    if (parsed.currency) throw new UsageError(`${where('currency')} names the currency of --value, --reward, --referee-reward, --cost or --cac: give one of them`);
    if (margin !== null) throw new UsageError(`${where('margin')} is the share of revenue that is profit: give --value too`);
    if (discount !== null) throw new UsageError(`${where('discount')} discounts the run's amounts: give --value, --reward, --cost or --cac too`);
    return null;
  }
  const currency = (parsed.currency as string | null | undefined) ?? localeCurrency(locale);
  const digits = currency ? new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2 : 2;
  const marks = currency ? currencyMarks(currency, locale) : [];
  const minor = (name: (typeof amountFlags)[number]): number => {
    const a = parsed[name] as AmountText | null | undefined;
    if (!a) return 0;
    if (a.mark !== null) {
      if (!currency) throw new UsageError(`${where(name)} is written with ${quoted(a.mark)}, but no currency is set: add --currency CODE`);
      if (!marks.includes(a.mark.toUpperCase())) throw new UsageError(`${where(name)} is written in another currency than ${currency} (${quoted(a.mark)}): write the amount in ${currency}, or set --currency`);
    }
    // From the digits as typed, not through a double: 999999999999.99 is 99999999999999 cents.
    const whole = minorUnits(a.decimal, digits);
    if (whole === null) throw new UsageError(`${where(name)} has more decimals than ${currency ?? 'an amount'} has (${digits}) (got ${quoted(flags[name])})`);
    if (whole > BigInt(Number.MAX_SAFE_INTEGER)) {
      const most = new Amount(BigInt(Number.MAX_SAFE_INTEGER), digits).decimal();
      throw new UsageError(`${where(name)} must be at most ${most}${currency ? ` ${currency}` : ''} (2^53 - 1 minor units, the most that a double holds exactly) (got ${quoted(flags[name])})`);
    }
    return Number(whole);
  };
  const value = minor('value');
  return {
    currency,
    digits,
    // With --per the value is paid per period while a customer stays, not once on joining.
    amounts: { value: per ? 0 : value, recurring: per ? value : 0, margin: margin ?? 1, reward: minor('reward'), refereeReward: minor('refereeReward'), cost: minor('cost'), cac: given.includes('cac') ? minor('cac') : null },
    given: new Set(given),
    per,
    discount,
  };
}

/**
 * The customer-periods one customer on the books at a period's end pays for: the period's
 * length over --per's (a yearly cycle with --per month: 12), 0 without --per. A tree's level
 * has no length without --cycle: refused there.
 */
export function billingRatio(money: Money, cycle: Duration | null, tree: boolean): number {
  if (money.per === null) return 0;
  if (cycle === null) {
    if (tree) throw new UsageError('--per bills each customer per period of time, and a tree level has no length: give --cycle (e.g. --cycle 1m)');
    return cycleDays({ amount: 1, unit: 'y' }) / cycleDays(money.per);
  }
  return cycleDays(cycle) / cycleDays(money.per);
}

/**
 * The years one step of a run lasts, for --discount: a compound year (1) or the cycle's
 * length (`1m` is 1/12 of a year, `30d` 30/365.2425). A tree's level has no length without
 * --cycle: refused there.
 *
 * @example stepYears({ amount: 3, unit: 'm' }, true) // => 0.25
 */
export function stepYears(cycle: Duration | null, tree: boolean): number {
  if (cycle === null) {
    if (tree) throw new UsageError('--discount counts time, and a tree level has no length: give --cycle (e.g. --cycle 1m)');
    return 1;
  }
  return cycle.unit === 'y' ? cycle.amount : cycle.unit === 'm' ? cycle.amount / 12 : cycleDays(cycle) / cycleDays({ amount: 1, unit: 'y' });
}

/** Each step's discount factor at --discount's rate, steps 0..last of `years` each (none without --discount). */
export const stepFactors = (money: Money, last: number, years: number): number[] | null => (money.discount === null ? null : Array.from({ length: last + 1 }, (_, t) => discountFactor(money.discount!, t * years)));

/** With --discount, what money needs of a run by steps (levels, years, cycles): each step's factor, one step's, and one fan's line; nothing without. */
export function presentOfSteps(money: Money, last: number, cycle: Duration | null, tree: boolean, oneLine: readonly PeriodCounts[] | null): { present?: NonNullable<MoneyContext['present']> } {
  if (money.discount === null) return {};
  const years = stepYears(cycle, tree);
  return { present: { factors: stepFactors(money, last, years)!, step: discountFactor(money.discount, years), oneLine } };
}

/** Each period's billed customer-periods: the customers on the books at its end times the billing ratio (none in period 0, the start). */
export const billedOf = (totals: readonly Count[], ratio: number): number[] => totals.map((total, t) => (t === 0 ? 0 : Number(total) * ratio));

/** The marks a currency may be written with: its code and its symbols (en-US's and the locale's). */
function currencyMarks(currency: string, locale: string): string[] {
  // Its symbols, and its names, one and more (`euro`, `euros`, `dollars`), as the locale and en-US write them.
  const symbols = [locale, 'en-US'].flatMap((l) =>
    (['symbol', 'name'] as const).flatMap((display) =>
      [1, 2].flatMap((n) => {
        try {
          return new Intl.NumberFormat(l, { style: 'currency', currency, currencyDisplay: display }).formatToParts(n).filter((p) => p.type === 'currency').map((p) => p.value.trim().toUpperCase());
        } catch {
          return [];
        }
      }),
    ),
  );
  return [currency, ...new Set(symbols)];
}

/** Each period's new fans split into referred and bought, and (with --per, `ratio` > 0) the customer-periods billed: rows of the tree or compound model. */
export function periodCounts(rows: readonly { new: Count; paid: Count; total?: Count }[], ratio = 0): PeriodCounts[] {
  const billed = ratio > 0 ? billedOf(rows.map((r) => r.total ?? 0), ratio) : null;
  return rows.map((r, t) => ({ referred: subtractCounts(r.new, r.paid), paid: r.paid, ...(billed ? { billed: billed[t]! } : {}) }));
}

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

/** What one customer pays over their expected lifetime: billed customer-periods per step of the run while they stay (chance `stay` a step). */
export interface Lifetime {
  /** Customer-periods billed a step while on the books. */
  perStep: number;
  stay: number;
  /** Steps in the run's horizon. */
  steps: number;
  /** One step's discount factor (1 or absent: none). */
  discount?: number;
}

/**
 * The customer-periods one customer is billed for, each discounted from the end of its step:
 * with q = stay × discount a step, within the horizon Σ_(t=1..H) perStep q^t = perStep q (1 -
 * q^H) / (1 - q), and unbounded perStep q / (1 - q) (null for q = 1, without churn or
 * discount: it does not end). A customer pays for a step they are on the books at its end.
 * For yearly steps, churn c and a discount rate d, q = (1 - c) / (1 + d).
 *
 * @example lifetimeBilled({ perStep: 1, stay: 0.9, steps: 10 }) // => { within: 5.8618940391, unbounded: 9 } (to 10 decimals)
 */
export function lifetimeBilled(l: Lifetime): { within: number; unbounded: number | null } {
  const q = l.stay * (l.discount ?? 1);
  if (q >= 1) return { within: l.perStep * l.steps, unbounded: null };
  // 1 - q^H without cancellation: -expm1(H ln q).
  return { within: (l.perStep * q * -Math.expm1(l.steps * Math.log(q))) / (1 - q), unbounded: (l.perStep * q) / (1 - q) };
}

/** Money columns of the rows: JSON keys and CSV headers. */
export const moneyColumns = ['revenue', 'rewards', 'cost', 'net', 'cumulativeNet'] as const;

/**
 * A report with its money: per period revenue, rewards, cost, net and the cumulative net; in
 * the summary the return, the payback period, the break-even reward, the value of one raving
 * fan and the effective acquisition cost against --cac; all of it in JSON.
 */
export function withMoney(report: Report, money: Money, counts: readonly PeriodCounts[], context: MoneyContext): Report {
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
    throw new UsageError(`the money of this run passes what a double holds (1.8e308 cents): shorten ${context.tree ? '--depth' : '--years'}, or use smaller amounts`);
  }
  const summary = moneySummary(rows, counted, money.amounts, from);
  const cell = (minor: number | bigint) => new Amount(minor, money.digits);
  const table = report.rows.map((row, t) => {
    const m = rows[t]!;
    return { ...row, revenue: cell(m.revenue), rewards: cell(m.rewards), cost: cell(m.cost), net: cell(m.net), cumulativeNet: cell(m.cumulative) };
  });
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
  // The total line stands under the last column, which is money now: the total is in the rows and the summary.
  const { total: _, ...rest } = report;
  return {
    ...rest,
    columns: [...report.columns, ...moneyColumns],
    rows: table,
    currency: money.currency,
    summary: (style) => {
      const format = moneyText(style, money);
      return [...report.summary(style), ...lines(style, format)];
    },
    json: {
      ...report.json,
      // The money's assumptions beside the model's: the HTML and xlsx parameters list them.
      parameters: { ...((report.json.parameters ?? {}) as Record<string, Cell>), ...moneyParameters(money) } as never,
      rows: table as unknown as Cell[],
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

/** A model's rows, or null where its expected values pass what a double holds. */
function unlessOverflow<T>(rows: () => T): T | null {
  try {
    return rows();
  } catch (error) {
    if (error instanceof Error && error.name === 'GrowthOverflowError') return null;
    throw error;
  }
}

/** Refuses rewards where nobody is ever referred: nothing to pay them for. */
function rewardsPayable(money: Money, k: number, horizon: number, flag: string): void {
  const rewarded = ['reward', 'refereeReward'].find((name) => money.given.has(name));
  if (rewarded && (k === 0 || horizon === 0)) {
    throw new UsageError(`${flagName(rewarded)} pays for referred fans, and ${horizon === 0 ? `with ${flag} 0` : 'with K = 0'} nobody is referred`);
  }
}

/** The tree model's report with its money: one fan's descendants are its tree's levels 1..depth. */
export function treeWithMoney(report: Report, p: TreeParams & { depth: number }, rows: readonly TreeRow[], money: Money, cycle: Duration | null = null): Report {
  const k = treeFactor(p);
  rewardsPayable(money, k, p.depth, '--depth');
  const ratio = billingRatio(money, cycle, true);
  // One fan's tree without the market's limit may pass what a double holds where the run (with its market) does not.
  const one = unlessOverflow(() => treeGrowth({ ...p, start: 1, paid: 0, market: null }));
  const last = one?.at(-1)!.total;
  const descendants = last === undefined ? null : typeof last === 'bigint' ? last - 1n : last - 1;
  const recurring = ratio > 0 && one ? { oneFanBilled: billedOf(one.map((r) => r.total), ratio).reduce((a, b) => a + b, 0), lifetime: { perStep: ratio, stay: 1, steps: p.depth } } : undefined;
  const present = presentOfSteps(money, rows.length - 1, cycle, true, one ? periodCounts(one, ratio) : null);
  return withMoney(report, money, periodCounts(rows, ratio), { tree: true, k, churn: 0, descendants, descendantsInTheEnd: k < 1 ? k / (1 - k) : null, ...(recurring ? { recurring } : {}), ...(p.market !== null ? { market: { start: p.start } } : {}), ...present });
}

/** The compound model's report with its money: one fan's descendants are all who join its line within the years. */
export function yearlyWithMoney(report: Report, p: CompoundParams & { years: number }, rows: readonly CompoundRow[], money: Money, cycle: Duration | null = null): Report {
  const k = compoundFactor(p);
  rewardsPayable(money, k, p.years, '--years');
  const ratio = billingRatio(money, cycle, false);
  const one = unlessOverflow(() => compoundGrowth({ ...p, start: 1, paid: 0, market: null }));
  const descendants = one === null ? null : one.slice(1).reduce<Count>((sum, r) => (typeof sum === 'bigint' && typeof r.new === 'bigint' ? sum + r.new : Number(sum) + Number(r.new)), typeof one[0]!.new === 'bigint' ? 0n : 0);
  const recurring = ratio > 0 && one ? { oneFanBilled: billedOf(one.map((r) => r.total), ratio).reduce((a, b) => a + b, 0), lifetime: { perStep: ratio, stay: 1 - p.churn, steps: p.years } } : undefined;
  const present = presentOfSteps(money, rows.length - 1, cycle, false, one ? periodCounts(one, ratio) : null);
  return withMoney(report, money, periodCounts(rows, ratio), { tree: false, k, churn: p.churn, descendants, descendantsInTheEnd: null, ...(recurring ? { recurring } : {}), ...(p.market !== null ? { market: { start: p.start } } : {}), ...present });
}

/**
 * What the runs' money needs before they run: the payback each run is checked for (see
 * model/chains/payback.ts). The cumulative net is linear in the fans a run reached: (value -
 * rewards per referral) x (reached - start) plus what the bought fans bring less their CAC,
 * less the fixed cost (by cycle; on the calendar, pro rata by each period's days: `costShares`);
 * with --per, plus what the customers on the books pay (`billing`: by period, or by day).
 */
export function moneyPayback(chain: ChainParams, money: Money, costShares?: readonly number[], billing?: { ratio: number } | { perDays: number }, factors?: readonly number[], bands = false, from?: number): Payback {
  const a = money.amounts;
  const margin = a.margin ?? 1;
  const perReferral = a.reward + a.refereeReward;
  const bought = (perReferral - (a.cac ?? 0)) * (chain.paid ?? 0);
  const offsets = new Float64Array(chain.periods + 1);
  let rest = 0;
  for (let t = 0; t <= chain.periods; t++) {
    // Levels and years: nothing in period 0, then the fixed cost a period and the bought fans'
    // margin; calendar periods: the fixed cost pro rata from the first (none bought with a spread).
    // With --discount, each period's amounts at its factor.
    const factor = factors?.[t] ?? 1;
    if (costShares) rest -= a.cost * costShares[t]! * factor;
    else if (t > 0) rest += (bought - a.cost) * factor;
    offsets[t] = rest;
  }
  // With --per: each customer on the books pays value per billed customer-period (by period), or per customer-day on the calendar by day; the net counts it times the margin.
  const recurring = a.recurring ?? 0;
  const perCustomer = billing && 'ratio' in billing && recurring > 0 ? Float64Array.from({ length: chain.periods + 1 }, (_, t) => (t === 0 ? 0 : recurring * billing.ratio * (factors?.[t] ?? 1))) : undefined;
  const perDay = billing && 'perDays' in billing && recurring > 0 ? recurring / billing.perDays : undefined;
  return {
    slope: a.value * margin - perReferral,
    offsets,
    from: from ?? (costShares ? 0 : 1),
    ...(perCustomer ? { perCustomer } : {}),
    ...(perDay ? { perDay } : {}),
    ...(margin !== 1 ? { margin } : {}),
    ...(factors ? { factors: Float64Array.from(factors) } : {}),
    ...(bands ? { bands: { value: a.value } } : {}),
  };
}

/**
 * A sampled run's report with its money: the expected money per period from the expected
 * path (money is linear in the counts, so the mean of the money is the money of the means):
 * the exact expected totals where theory has them (no market, no drawn K, none bought), the
 * same money as the run without --trials and as the value of one raving fan, else the runs'
 * means; and
 * the cumulative net at each percentile of the totals (the net is a monotone function of the
 * total: (value - rewards per referral) x (total - start) plus what the bought fans bring and
 * cost, less the fixed cost; where it falls with the total the percentiles swap ends), and the
 * share of runs that have paid back by each period (counted run by run as they ran).
 */
export function sampledWithMoney(report: Report, chain: ChainParams, rows: readonly TrialRow[], quantiles: readonly number[], money: Money, trials: number, ratio = 0, cycle: Duration | null = null): Report {
  const tree = chain.model === 'tree';
  const paid = chain.paid ?? 0;
  const k = chainFactor(chain);
  rewardsPayable(money, k, chain.periods, tree ? '--depth' : '--years');
  const exact = chain.market === null && chain.draws === undefined && paid === 0;
  let counts: PeriodCounts[];
  if (!tree && chain.churn > 0) {
    // Money counts everyone who joined, the totals only those who stayed: the new fans of the compound model (its expectation), else the runs' mean fans reached.
    const fresh = exact ? compoundLine(chain, chain.start).map((r) => Number(r.new)) : rows.map((r, t) => (t === 0 ? 0 : r.reached! - rows[t - 1]!.reached! - paid));
    counts = fresh.map((n, t) => (t === 0 ? { referred: 0, paid: 0 } : { referred: n, paid }));
  } else {
    const theory = exact ? theoryByPeriod(chain).map((r) => r.mean) : [];
    const means = theory.length === rows.length && theory.every((m) => m !== null) ? (theory as number[]) : rows.map((r) => r.mean);
    counts = means.map((mean, t) => (t === 0 ? { referred: 0, paid: 0 } : { referred: mean - means[t - 1]! - paid, paid }));
  }
  // With --per the customers on the books pay each period: the mean totals (expectation), times the billing ratio.
  if (ratio > 0) {
    const totals = !tree && chain.churn > 0 && exact ? compoundLine(chain, chain.start).map((r) => Number(r.total)) : theoryMeansOr(chain, rows, exact);
    counts = counts.map((c, t) => ({ ...c, billed: t === 0 ? 0 : totals[t]! * ratio }));
  }
  // One fan's new fans within the horizon, without the market's limit: its tree's levels, or (compound) every new fan of its line, churn and all.
  let descendants = 0;
  if (tree) for (let g = 1; g <= chain.periods; g++) descendants += k ** g;
  else descendants = compoundLine(chain).slice(1).reduce((sum, r) => sum + Number(r.new), 0);
  const oneLine = tree ? Array.from({ length: chain.periods + 1 }, (_, g) => ((1 - k ** (g + 1)) / (1 - k) || g + 1)) : compoundLine(chain).map((r) => Number(r.total));
  const recurring = ratio > 0 ? { oneFanBilled: oneLine.reduce((sum, total, t) => sum + (t === 0 ? 0 : total * ratio), 0), lifetime: { perStep: ratio, stay: tree ? 1 : 1 - chain.churn, steps: chain.periods } } : undefined;
  // With --discount, one fan's line by period: its tree's levels (K^g new fans), or its compound line.
  const line = money.discount === null ? null : tree ? oneLine.map((total, g) => ({ referred: g === 0 ? 1 : k ** g, paid: 0, billed: g === 0 ? 0 : total * ratio })) : periodCounts(compoundLine(chain), ratio);
  const present = presentOfSteps(money, chain.periods, cycle, tree, line);
  const expected = withMoney(report, money, counts, { tree, k, churn: chain.churn, descendants, descendantsInTheEnd: tree && k < 1 ? k / (1 - k) : null, ...(recurring ? { recurring } : {}), ...(chain.market !== null ? { market: { start: chain.start } } : {}), ...present });
  const unit = tree ? 'level' : 'year';
  return withMoneyBands(expected, chain, rows, quantiles, money, {
    band: (style, s) => style.words.money.band(style.numbers, { unit, period: chain.periods, ...s }),
    paidBack: (style, s) => style.words.money.paidBackWithin(style.numbers, { ...s, unit, horizon: chain.periods }),
    periodBands: (style, s) => style.words.money.periodBands(style.numbers, { ...s, period: style.numbers.count(chain.periods), unit }),
    flag: tree ? '--depth' : '--years',
    trials,
  });
}

/** The expected totals of a sampled chain: theory's where it has them (tree, compound without churn), else the runs' means. */
function theoryMeansOr(chain: ChainParams, rows: readonly TrialRow[], exact: boolean): number[] {
  const theory = exact ? theoryByPeriod(chain).map((r) => r.mean) : [];
  return theory.length === rows.length && theory.every((m) => m !== null) ? (theory as number[]) : rows.map((r) => r.mean);
}

/** The compound model's expected rows for a sampled chain's parameters, without a market or bought fans, from `start` fans (1: one fan's line). */
function compoundLine(chain: ChainParams, start = 1): CompoundRow[] {
  const { introductions: rate, conversion } = chain.offspring;
  return compoundGrowth({ start, rate, years: chain.periods, conversion, churn: chain.churn, market: null, nonreferrers: chain.nonreferrers ?? 0 });
}

/**
 * The runs' side of money, beside the expected money of `expected`: the cumulative net at
 * each percentile of the fans reached (the totals, or with churn the fans reached sketched
 * apart: see sketchesReached) (`net_p5`, ...: the net is a monotone function of them,
 * see {@link moneyPayback}; where it falls with them the percentiles swap ends), and the share
 * of runs paid back by each period (`paidBack`), with a sentence for each at the last period.
 */
export function withMoneyBands(
  expected: Report,
  chain: ChainParams,
  rows: readonly TrialRow[],
  quantiles: readonly number[],
  money: Money,
  say: {
    band: (style: Style, s: { low: string; high: string; share: number }) => string;
    paidBack: (style: Style, s: { share: number; error: number }) => string;
    periodBands: (style: Style, s: { revenueLow: string; revenueHigh: string; netLow: string; netHigh: string; share: number }) => string;
    flag: string;
    trials: number;
  },
): Report {
  const pay = chain.payback!;
  const net = (t: number, reached: number) => pay.slope * (reached - chain.start) + pay.offsets[t]!;
  // Net at percentile q: where the net is a function of the fans reached alone (a one-off value, no discount), the percentile q of
  // the fans reached where the net grows with them, 100 - q where it falls; else (--per, --discount: it depends on how long each
  // customer stays and when the fans came) the runs' own nets, sketched run by run (see Payback.bands).
  const byRun = pay.perCustomer !== undefined || pay.perDay !== undefined || pay.factors !== undefined;
  const sources = quantiles.map((q) => quantiles.indexOf(pay.slope >= 0 ? q : 100 - q));
  const sketched = rows.every((row) => row.money !== undefined);
  const shown = byRun ? (sketched ? [...quantiles] : []) : quantiles.filter((_, i) => sources[i]! >= 0);
  const netAt = (t: number, q: number) =>
    byRun ? rows[t]!.money!.cumulative[quantiles.indexOf(q)]! : net(t, (rows[t]!.reachedQuantiles ?? rows[t]!.quantiles)[sources[quantiles.indexOf(q)]!]!);
  const table = expected.rows.map(
    (row, t) =>
      ({
        ...row,
        ...Object.fromEntries(shown.map((q) => [`net_p${q}`, new Amount(netAt(t, q), money.digits)])),
        paidBack: rows[t]!.paidBack ?? 0,
      }) as Record<string, Cell>,
  );
  // The runs' revenue and net in each period, and their cumulative net, at every percentile: in JSON, a band per period of the run.
  const bands = sketched
    ? rows.map((row, t) => {
        const at = (values: readonly number[]) => Object.fromEntries(quantiles.map((q, i) => [`p${q}`, new Amount(values[i]!, money.digits)]));
        return { period: t, revenue: at(row.money!.revenue), net: at(row.money!.net), cumulativeNet: at(row.money!.cumulative) };
      })
    : null;
  if (table.some((row) => shown.some((q) => !Number.isFinite(Number((row[`net_p${q}`] as Amount).minor))))) {
    throw new UsageError(`the money of these runs passes what a double holds (1.8e308 cents): shorten ${say.flag}, or use smaller amounts`);
  }
  const last = table.length - 1;
  const lowQ = shown[0];
  const highQ = shown.at(-1);
  const share = rows[last]!.paidBack ?? 0;
  return {
    ...expected,
    columns: [...expected.columns, ...shown.map((q) => `net_p${q}`), 'paidBack'],
    rows: table,
    shares: [...(expected.shares ?? []), 'paidBack'],
    summary: (style) => {
      const format = amountFormat(style.locale, money.currency);
      const text = (minor: number) => format(new Amount(minor, money.digits));
      const lines = [...expected.summary(style)];
      if (lowQ !== undefined && highQ !== undefined && lowQ !== highQ) {
        const row = table[last]!;
        lines.push(say.band(style, { low: text((row[`net_p${lowQ}`] as Amount).minor as number), high: text((row[`net_p${highQ}`] as Amount).minor as number), share: (highQ - lowQ) / 100 }));
      }
      const band = bands?.[last];
      if (band && quantiles.length > 1) {
        const [lo, hi] = [`p${quantiles[0]}`, `p${quantiles.at(-1)}`];
        lines.push(say.periodBands(style, { revenueLow: text(band.revenue[lo]!.minor as number), revenueHigh: text(band.revenue[hi]!.minor as number), netLow: text(band.net[lo]!.minor as number), netHigh: text(band.net[hi]!.minor as number), share: (quantiles.at(-1)! - quantiles[0]!) / 100 }));
      }
      lines.push(say.paidBack(style, { share, error: Math.sqrt((share * (1 - share)) / say.trials) }));
      return lines;
    },
    json: { ...expected.json, rows: table as unknown as Cell[], money: { ...((expected.json as Record<string, unknown>).money as object), paidBackShare: share, ...(bands ? { bands } : {}) } as never },
  };
}
