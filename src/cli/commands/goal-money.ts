import { compoundYears } from '../../model/growth/compound.js';
import { GrowthOverflowError } from '../../model/count.js';
import { type Amounts, moneyRows, presentCounts } from '../../model/money.js';
import { treeLevels } from '../../model/growth/tree.js';
import type { Report, Style } from '../../output/render.js';
import { Amount } from '../../output/amount.js';
import { yearlyRows } from './compound.js';
import { compoundReport } from '../../report/compound.js';
import { type GoalFlags, type SolvedFor, treeOf, yearlyOf } from './goal.js';
import { UsageError } from '../io/io.js';
import { type Money, stepFactors } from '../../model/money.js';
import { moneyText } from '../../report/money.js';
import { billingRatio, stepYears } from '../flags/money.js';
import { treeMoney, yearlyMoney } from './money.js';
import { bounds } from '../flags/options.js';
import { type AmountText, amount, isInvalid, quoted } from '../flags/parse.js';
import { treeRows } from './simulate.js';
import type { Flags } from '../flags/flags.js';
import { simulateReport } from '../../report/simulate.js';

/** A money target: a cumulative net or revenue to reach, or the break-even reward to find. */
export type MoneyTarget = { kind: 'net' | 'revenue'; minor: number } | { kind: 'maxReward' };

/**
 * The money target of `fans goal`'s flags, or null: `--net X` or `--revenue X` (amounts in
 * the run's currency) in place of the target count, or `--max-reward`.
 */
export function moneyTarget(flags: Flags, target: string | undefined, money: Money | null): MoneyTarget | null {
  const asked = (['net', 'revenue'] as const).filter((name) => flags[name] !== undefined);
  const maxReward = flags.maxReward === true;
  if (asked.length + (maxReward ? 1 : 0) === 0) return null;
  if (asked.length + (maxReward ? 1 : 0) > 1) throw new UsageError(`${[...asked.map((a) => `--${a}`), ...(maxReward ? ['--max-reward'] : [])].join(' and ')} given together: give one target`);
  if (target !== undefined) throw new UsageError(`a target count (${quoted(target)}) and a money target given together: give one`);
  if (money === null || !money.given.has('value')) throw new UsageError(`${maxReward ? '--max-reward' : `--${asked[0]}`} needs --value, what one new fan is worth`);
  if (maxReward) return { kind: 'maxReward' };
  const name = asked[0]!;
  const parsed = amount(String(flags[name]));
  if (isInvalid(parsed)) throw new UsageError(`--${name} ${parsed.invalid} (got ${quoted(flags[name])})`);
  const minor = Math.round((parsed as AmountText).units * 10 ** money.digits);
  // A net of 0 asks when it pays back; a revenue of 0 is had from the start.
  if (minor < 0 || (minor === 0 && name === 'revenue')) throw new UsageError(`--${name} must be ${name === 'net' ? '0 or more (0: when it pays back)' : 'above 0'} (got ${quoted(flags[name])})`);
  return { kind: name, minor };
}

/** The cumulative net or revenue per period of a model's counts, as doubles (a search, not the shown figures). */
function metricPath(counts: readonly { new: unknown; paid: unknown; total: unknown }[], amounts: Amounts, kind: 'net' | 'revenue', ratio: number, factors: readonly number[] | null): number[] {
  const periods = counts.map((r, t) => ({ referred: Number(r.new) - Number(r.paid), paid: Number(r.paid), billed: t === 0 ? 0 : Number(r.total) * ratio }));
  // With --discount, present values: each period's counts and cost at its factor.
  const present = factors ? presentCounts(periods, factors, undefined, 1) : null;
  const rows = moneyRows(present?.counts ?? periods, amounts, present?.costShares);
  let revenue = 0;
  return rows.map((m) => (kind === 'net' ? Number(m.cumulative) : (revenue += Number(m.revenue))));
}

/**
 * Periods 0..last of the tree or compound model for a value of the solved-for flag, as
 * doubles; fewer where the expected fans pass what a double holds (1.8e308) first: the
 * search looks no further than the money can be counted (a fractional fanout or rate that
 * grows without end passes it within the 5,000 levels or 10,000 years searched).
 */
function path(f: GoalFlags, tree: boolean, rate: number, last: number) {
  const generator = tree ? treeLevels({ ...treeOf(f), fanout: rate }) : compoundYears({ ...yearlyOf(f), rate });
  const rows: { new: unknown; paid: unknown; total: unknown }[] = [];
  try {
    for (let t = 0; t <= last; t++) rows.push(generator.next().value);
  } catch (error) {
    if (!(error instanceof GrowthOverflowError)) throw error;
  }
  return rows;
}

/**
 * `fans goal` with a money target: the smallest depth or years whose cumulative net (or
 * revenue) reaches it, given the fanout or rate; or the smallest fanout or rate reaching it
 * within the depth or years, by bisection (the money at each period grows with the fanout
 * while a referred fan is worth more than its rewards; otherwise refused); or, with both of
 * a pair given, the break-even reward.
 */
export function moneyGoalReport(target: MoneyTarget, f: GoalFlags, money: Money): Report {
  const a = money.amounts;
  const format = (minor: number | bigint) => (style: Style) => moneyText(style, money)(minor);
  if (target.kind === 'maxReward') {
    const tree = f.fanout !== undefined && f.depth !== undefined;
    if (!tree && (f.rate === undefined || f.years === undefined)) throw new UsageError('--max-reward takes a whole scenario: give --fanout and --depth, or --rate and --years');
    const horizon = tree ? f.depth! : f.years!;
    const report = scenario(f, tree, tree ? f.fanout! : f.rate!, horizon, money);
    // The scenario's money summary has the break-even reward already.
    const answer = (report.json.money as { breakEvenReward: Amount | null }).breakEvenReward;
    return {
      ...report,
      summary: (style) => [style.words.money.maxReward(style.numbers, { reward: answer === null ? null : format(answer.minor)(style), unit: tree ? 'level' : 'year', horizon }), ...report.summary(style)],
      json: { ...report.json, command: 'goal', target: 'maxReward', model: tree ? 'simulate' : 'compound', value: answer, reachable: answer !== null },
    };
  }
  const given = (['fanout', 'depth', 'rate', 'years'] as const).filter((name) => f[name] !== undefined);
  if (given.length !== 1) throw new UsageError('give one of --fanout (solves for depth), --depth (for fanout), --rate (for years) or --years (for rate)');
  const solved: SolvedFor = ({ fanout: 'depth', depth: 'fanout', rate: 'years', years: 'rate' } as const)[given[0]!];
  const tree = solved === 'depth' || solved === 'fanout';
  // With --per, customers on the books pay each period: billed customer-periods from the totals.
  const ratio = billingRatio(money, tree ? f.cycle : null, tree);
  const periodWord = tree ? 'level' : 'year';
  // With --discount, each level's or year's factor (a level's length is --cycle's).
  const years = money.discount === null ? 0 : stepYears(tree ? f.cycle : null, tree);
  const factors = (last: number) => stepFactors(money, last, years);
  let value: number | null;
  let reachedAt: number | null;
  let shown: { rate: number; last: number };
  if (solved === 'depth' || solved === 'years') {
    const rate = tree ? f.fanout! : f.rate!;
    const last = tree ? bounds.depth : bounds.years;
    const metric = metricPath(path(f, tree, rate, last), a, target.kind, ratio, factors(last));
    const at = metric.findIndex((m, t) => t >= 1 && m >= target.minor);
    const best = metric.reduce((b, m, t) => (m > metric[b]! ? t : b), 0);
    [value, reachedAt, shown] = at >= 0 ? [at, at, { rate, last: at }] : [null, null, { rate, last: Math.min(best, 200) }];
  } else {
    const last = tree ? f.depth! : f.years!;
    const max = tree ? bounds.fanout : bounds.rate;
    if (a.value < a.reward + a.refereeReward && target.kind === 'net' && !a.recurring) throw new UsageError('each referred fan costs more in rewards than it is worth (--value): a larger fanout or rate lowers the net, so none is solved for');
    // Paid per period, a fan brings its worth only over time: the net by a horizon need not grow with the fanout or rate while rewards are paid at once.
    if (a.recurring && a.reward + a.refereeReward > 0 && target.kind === 'net') {
      throw new UsageError('with --per a referred fan pays over time while its reward is paid at once, so the net by the horizon need not grow with the fanout or rate: give the fanout (or rate) and solve for the depth (or years) instead');
    }
    const reaches = (x: number) => {
      const metric = metricPath(path(f, tree, x, last), a, target.kind, ratio, factors(last));
      const at = metric.findIndex((m, t) => t >= 1 && m >= target.minor);
      return at;
    };
    if (reaches(max) < 0) [value, reachedAt, shown] = [null, null, { rate: max, last }];
    else {
      let lo = 0;
      let hi: number = max;
      if (reaches(0) >= 0) hi = 0;
      for (let i = 0; i < 200 && hi > 0; i++) {
        const mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        if (reaches(mid) >= 0) hi = mid;
        else lo = mid;
      }
      const at = reaches(hi);
      [value, reachedAt, shown] = [hi, at, { rate: hi, last: at }];
    }
  }
  const report = scenario(f, tree, shown.rate, shown.last, money);
  return {
    ...report,
    summary: (style) => [
      style.words.money.goal(style.numbers, { kind: target.kind, target: format(target.minor)(style), solved, value, unit: periodWord, at: reachedAt, horizon: tree ? f.depth ?? bounds.depth : f.years ?? bounds.years }),
      ...report.summary(style),
    ],
    json: {
      ...report.json,
      command: 'goal',
      model: tree ? 'simulate' : 'compound',
      target: { [target.kind]: new Amount(target.minor, money.digits) },
      solvedFor: solved,
      value,
      reachable: value !== null,
      reachedAt,
    },
  };
}

/**
 * The scenario shown with a money goal: its rows and money, as `simulate` or `compound` shows
 * them, with their checks (exact rows past 40 million digits, expected values past a double).
 */
function scenario(f: GoalFlags, tree: boolean, rate: number, last: number, money: Money): Report {
  if (tree) {
    const p = { ...treeOf(f), fanout: rate, depth: last };
    const rows = treeRows(p);
    return simulateReport(p, rows, [treeMoney(p, rows, money, f.cycle)]);
  }
  const p = { ...yearlyOf(f), rate, years: last };
  const rows = yearlyRows(p);
  return compoundReport(p, rows, [yearlyMoney(p, rows, money)]);
}

