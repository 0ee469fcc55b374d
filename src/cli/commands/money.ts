import type { Count } from '../../model/count.js';
import { type TreeParams, type TreeRow, treeFactor, treeGrowth } from '../../model/growth/tree.js';
import { type ChainParams, type TrialRow, theoryByPeriod } from '../../model/chains/montecarlo.js';
import { chainFactor } from '../../model/chains/offspring.js';
import { type CompoundParams, type CompoundRow, compoundFactor, compoundGrowth } from '../../model/growth/compound.js';
import { type Money, type PeriodCounts, billedOf, discountFactor, periodCounts, stepFactors } from '../../model/money.js';
import { type MoneyContext, moneyPart } from '../../report/money.js';
import { moneyBandsPart } from '../../report/money-bands.js';
import type { ReportPart } from '../../report/part.js';
import { billingRatio, rewardsPayable, stepYears } from '../flags/money.js';
import type { Duration } from '../flags/parse.js';

/**
 * The money of a run by steps (levels, years, cycles), from its rows: what one fan's line
 * brings, what a customer pays while they stay and each step's discount, handed to the
 * report's money (report/money.ts).
 */

/** With --discount, what money needs of a run by steps (levels, years, cycles): each step's factor, one step's, and one fan's line; nothing without. */
export function presentOfSteps(money: Money, last: number, cycle: Duration | null, tree: boolean, oneLine: readonly PeriodCounts[] | null): { present?: NonNullable<MoneyContext['present']> } {
  if (money.discount === null) return {};
  const years = stepYears(cycle, tree);
  return { present: { factors: stepFactors(money, last, years)!, step: discountFactor(money.discount, years), oneLine } };
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

/** The tree model's money, a part of its report: one fan's descendants are its tree's levels 1..depth. */
export function treeMoney(p: TreeParams & { depth: number }, rows: readonly TreeRow[], money: Money, cycle: Duration | null = null): ReportPart {
  const k = treeFactor(p);
  rewardsPayable(money, k, p.depth, '--depth');
  const ratio = billingRatio(money, cycle, true);
  // One fan's tree without the market's limit may pass what a double holds where the run (with its market) does not.
  const one = unlessOverflow(() => treeGrowth({ ...p, start: 1, paid: 0, market: null }));
  const last = one?.at(-1)!.total;
  const descendants = last === undefined ? null : typeof last === 'bigint' ? last - 1n : last - 1;
  const recurring = ratio > 0 && one ? { oneFanBilled: billedOf(one.map((r) => r.total), ratio).reduce((a, b) => a + b, 0), lifetime: { perStep: ratio, stay: 1, steps: p.depth } } : undefined;
  const present = presentOfSteps(money, rows.length - 1, cycle, true, one ? periodCounts(one, ratio) : null);
  return moneyPart(money, periodCounts(rows, ratio), { tree: true, k, churn: 0, descendants, descendantsInTheEnd: k < 1 ? k / (1 - k) : null, ...(recurring ? { recurring } : {}), ...(p.market !== null ? { market: { start: p.start } } : {}), ...present });
}

/** The compound model's money, a part of its report: one fan's descendants are all who join its line within the years. */
export function yearlyMoney(p: CompoundParams & { years: number }, rows: readonly CompoundRow[], money: Money, cycle: Duration | null = null): ReportPart {
  const k = compoundFactor(p);
  rewardsPayable(money, k, p.years, '--years');
  const ratio = billingRatio(money, cycle, false);
  const one = unlessOverflow(() => compoundGrowth({ ...p, start: 1, paid: 0, market: null }));
  const descendants = one === null ? null : one.slice(1).reduce<Count>((sum, r) => (typeof sum === 'bigint' && typeof r.new === 'bigint' ? sum + r.new : Number(sum) + Number(r.new)), typeof one[0]!.new === 'bigint' ? 0n : 0);
  const recurring = ratio > 0 && one ? { oneFanBilled: billedOf(one.map((r) => r.total), ratio).reduce((a, b) => a + b, 0), lifetime: { perStep: ratio, stay: 1 - p.churn, steps: p.years } } : undefined;
  const present = presentOfSteps(money, rows.length - 1, cycle, false, one ? periodCounts(one, ratio) : null);
  return moneyPart(money, periodCounts(rows, ratio), { tree: false, k, churn: p.churn, descendants, descendantsInTheEnd: null, ...(recurring ? { recurring } : {}), ...(p.market !== null ? { market: { start: p.start } } : {}), ...present });
}

/**
 * A sampled run's money, two parts of its report: the expected money per period from the expected
 * path (money is linear in the counts, so the mean of the money is the money of the means):
 * the exact expected totals where theory has them (no market, no drawn K, none bought), the
 * same money as the run without --trials and as the value of one raving fan, else the runs'
 * means; and
 * the cumulative net at each percentile of the totals (the net is a monotone function of the
 * total: (value - rewards per referral) x (total - start) plus what the bought fans bring and
 * cost, less the fixed cost; where it falls with the total the percentiles swap ends), and the
 * share of runs that have paid back by each period (counted run by run as they ran).
 */
export function sampledMoney(chain: ChainParams, rows: readonly TrialRow[], quantiles: readonly number[], money: Money, trials: number, ratio = 0, cycle: Duration | null = null): ReportPart[] {
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
  const expected = moneyPart(money, counts, { tree, k, churn: chain.churn, descendants, descendantsInTheEnd: tree && k < 1 ? k / (1 - k) : null, ...(recurring ? { recurring } : {}), ...(chain.market !== null ? { market: { start: chain.start } } : {}), ...present });
  const unit = tree ? 'level' : 'year';
  const bands = moneyBandsPart(chain, rows, quantiles, money, {
    band: (style, s) => style.words.money.band(style.numbers, { unit, period: chain.periods, ...s }),
    paidBack: (style, s) => style.words.money.paidBackWithin(style.numbers, { ...s, unit, horizon: chain.periods }),
    periodBands: (style, s) => style.words.money.periodBands(style.numbers, { ...s, period: style.numbers.count(chain.periods), unit }),
    flag: tree ? '--depth' : '--years',
    trials,
  });
  return [expected, bands];
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
