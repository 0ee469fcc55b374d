import { compoundGrowth } from '../../model/growth/compound.js';
import type { Count } from '../../model/count.js';
import { type GoalAnswer, depthToReach, fanoutToReach, rateToReach, yearsToReach } from '../../model/growth/goal.js';
import { treeGrowth } from '../../model/growth/tree.js';
import type { Report, Style } from '../../output/render.js';
import { compoundReport } from '../../report/compound.js';
import { UsageError } from '../io/io.js';
import { bounds } from '../flags/options.js';
import { simulateReport } from '../../report/simulate.js';
import { readTarget } from '../flags/target.js';
import { numbersFor } from '../../output/words/numbers.js';
import type { Money } from '../../model/money.js';
import { treeMoney, yearlyMoney } from './money.js';
import { en } from '../../output/words/en.js';

const englishNumbers = numbersFor('en-US');

export type { GoalFlags } from '../flags/models.js';
import type { GoalFlags } from '../flags/models.js';

/** What `fans goal` solves for, given which flag of the pair. */
export type SolvedFor = 'depth' | 'fanout' | 'years' | 'rate';
const solvesFor = { fanout: 'depth', depth: 'fanout', rate: 'years', years: 'rate' } as const;

/** The goal's target: a positive number up to 1e300. */
export function parseTarget(text: string | undefined): number {
  if (text === undefined) throw new UsageError('fans goal needs a target: a number of fans (fans goal 1000 ...), or --net, --revenue or --max-reward with --value');
  return readTarget(text, '<target>');
}

/** The tree model's flags of a goal, without the pair solved for. */
export const treeOf = (f: GoalFlags) => ({ start: f.start, conversion: f.conversion, nonreferrers: f.nonreferrers, market: f.market, cycle: f.cycle, paid: f.paid });
/** The compound model's flags of a goal, without the pair solved for. */
export const yearlyOf = (f: GoalFlags) => ({ start: f.start, conversion: f.conversion, nonreferrers: f.nonreferrers, churn: f.churn ?? 0, market: f.market, paid: f.paid });

/** Which of the four the flags solve for; exactly one of --fanout, --depth, --rate, --years. */
export function solvedFor(flags: GoalFlags): SolvedFor {
  const given = (['fanout', 'depth', 'rate', 'years'] as const).filter((name) => flags[name] !== undefined);
  const usage = 'give one of --fanout (solves for depth), --depth (for fanout), --rate (for years) or --years (for rate)';
  if (given.length === 0) throw new UsageError(`fans goal needs a pair's other half: ${usage}`);
  if (given.length > 1) throw new UsageError(`${given.map((g) => `--${g}`).join(' and ')} given together: ${usage}`);
  const solved = solvesFor[given[0]!];
  const tree = solved === 'depth' || solved === 'fanout';
  if (tree && flags.churn !== undefined) throw new UsageError('--churn applies to the compound model: give --rate or --years with it');
  if (!tree && flags.cycle !== null) throw new UsageError('--cycle applies to the tree model: give --fanout or --depth with it');
  return solved;
}

interface Solution {
  answer: GoalAnswer & { wholeValue?: number | null };
  /** The scenario shown: the answer's rows up to the period that reaches the target, or the best attempt's. */
  report: Report;
  /** What the value one less reaches, to show the answer is the least. */
  before: Count | null;
  /** A money report of the shown scenario, from its parameters and rows (the money flags). */
  withMoney?: (money: Money) => Report;
}

/**
 * Solves the goal and builds the rows of the scenario worth showing: the answer's, ending at
 * the first period that reaches the target, or, when the target cannot be reached, the best
 * attempt's (ending where the total peaks or levels off), so the evidence is never lost.
 */
export function solveGoal(target: number, solved: SolvedFor, f: GoalFlags): Solution {
  const tree = treeOf(f);
  const yearly = yearlyOf(f);
  switch (solved) {
    case 'depth': {
      const answer = depthToReach(target, { ...tree, fanout: f.fanout! }, bounds.depth);
      const p = { ...tree, fanout: f.fanout!, depth: answer.attempt.period };
      const rows = treeGrowth(p);
      const report = simulateReport(p, rows);
      return { answer, report, before: answer.reachable ? (rows.at(-2)?.total ?? null) : null, withMoney: (money) => simulateReport(p, rows, [treeMoney(p, rows, money, p.cycle)]) };
    }
    case 'fanout': {
      const answer = fanoutToReach(target, { ...tree, depth: f.depth! }, bounds.fanout);
      const p = { ...tree, fanout: answer.attempt.value, depth: answer.attempt.period };
      const whole = answer.wholeValue ?? 0;
      const below = answer.reachable && whole > 0 ? treeGrowth({ ...p, fanout: whole - 1 }).at(-1)!.total : null;
      const rows = treeGrowth(p);
      const report = simulateReport(p, rows);
      return { answer, report, before: below, withMoney: (money) => simulateReport(p, rows, [treeMoney(p, rows, money, p.cycle)]) };
    }
    case 'years': {
      const answer = yearsToReach(target, { ...yearly, rate: f.rate! }, bounds.years);
      const p = { ...yearly, rate: f.rate!, years: answer.attempt.period };
      const rows = compoundGrowth(p);
      const report = compoundReport(p, rows);
      return { answer, report, before: answer.reachable ? (rows.at(-2)?.total ?? null) : null, withMoney: (money) => compoundReport(p, rows, [yearlyMoney(p, rows, money)]) };
    }
    case 'rate': {
      const answer = rateToReach(target, { ...yearly, years: f.years! }, bounds.rate);
      const p = { ...yearly, rate: answer.attempt.value, years: answer.attempt.period };
      const rows = compoundGrowth(p);
      const report = compoundReport(p, rows);
      return { answer, report, before: null, withMoney: (money) => compoundReport(p, rows, [yearlyMoney(p, rows, money)]) };
    }
  }
}

/** `fans goal` as a report: the answer in words and JSON, and the winning scenario's rows. */
export function goalReport(target: number, solved: SolvedFor, f: GoalFlags, money: Money | null = null): Report {
  const { answer, report: counts, before, withMoney } = solveGoal(target, solved, f);
  // With money flags the scenario shows its money too; the headline speaks of counts.
  const report = money && withMoney ? withMoney(money) : counts;
  const tree = solved === 'depth' || solved === 'fanout';
  const reachedAt = answer.reachable ? answer.attempt.period : null;
  const headline = ({ words, numbers }: Style): string => {
    const total = counts.total!.value as Count;
    if (!answer.reachable || answer.value === null) return words.goal.unreachable(numbers, { target, why: words.goal.why(numbers, answer.why!), total });
    const value = answer.value;
    switch (solved) {
      case 'depth':
        return words.goal.steps(numbers, { value, target, total, before });
      case 'years':
        return words.goal.years(numbers, { value, target, total, before });
      case 'fanout':
        return words.goal.fanout(numbers, { value, target, whole: answer.wholeValue ?? 0, total, level: reachedAt!, depth: f.depth!, before });
      case 'rate':
        return words.goal.rate(numbers, { value, target, year: reachedAt!, years: f.years!, total });
    }
  };
  const scenario = report.json;
  return {
    columns: report.columns,
    rows: report.rows,
    total: report.total,
    currency: report.currency,
    // The scenario's chart with the goal's target drawn, and where it is reached.
    ...(counts.chart ? { chart: { ...counts.chart, target } } : {}),
    summary: (style) => [headline(style), ...report.summary(style)],
    json: {
      command: 'goal',
      target,
      solvedFor: solved,
      value: answer.value,
      ...(solved === 'fanout' ? { wholeValue: answer.wholeValue ?? null } : {}),
      reachable: answer.reachable,
      // JSON is an interface: its reason is in English, with en-US numbers.
      reason: answer.why === null ? null : en.goal.why(englishNumbers, answer.why),
      reachedAt,
      model: tree ? 'simulate' : 'compound',
      parameters: scenario.parameters,
      rows: report.rows,
      total: counts.total!.value as Count,
      ...(report.json.money ? { money: report.json.money } : {}),
    },
  };
}
