import { basename } from 'node:path';
import { durationText } from '../../model/calendar/duration-text.js';
import { moneyRows, periodCounts, presentCounts, stepFactors } from '../../model/money.js';
import { Amount } from '../../output/amount.js';
import type { Cell } from '../../output/delimited.js';
import type { Scenario } from '../../report/compare.js';
import { compoundParameters } from '../../report/compound.js';
import { simulateParameters } from '../../report/simulate.js';
import { UsageError } from '../io/io.js';
import { billingRatio, stepYears } from '../flags/money.js';
import { type Duration, fileLabel, quoted, thousands } from '../flags/parse.js';
import type { ScenarioInput } from '../flags/scenarios.js';
import { type CompoundFlags, yearlyDigits, yearlyRows } from './compound.js';
import { maxExactDigits } from './overflow.js';
import { type SimulateParams, treeDigits, treeRows } from './simulate.js';

/** The file's name as a compare chart's title names it: without its folders, escaped (`<stdin>` for `-`). */
export const compareTitle = (file: string) => fileLabel(file === '-' ? file : basename(file));

/** The rows of checked scenarios, refusing all of them past the exact-digits cap together. */
export function scenarioRows(checked: readonly ScenarioInput[], file: string): Scenario[] {
  const fail = (where: string, what: string): never => {
    throw new UsageError(`${file}: ${where}${what}`);
  };
  // One cap for the whole output, checked before anything is computed: 50 scenarios each
  // just under the cap would otherwise take gigabytes.
  const digits = checked.map(({ command, p }) => (command === 'simulate' ? treeDigits(p as SimulateParams) : yearlyDigits(p as CompoundFlags)));
  const rowsOf = ({ where, command, p }: (typeof checked)[number]) =>
    command === 'simulate' ? treeRows(p as SimulateParams, `${file}: ${where}.depth`) : yearlyRows(p as CompoundFlags, `${file}: ${where}.years`);
  // A scenario past the cap alone is refused by its own check (naming the largest depth or
  // years that fits) before any other is computed.
  const alone = digits.findIndex((d) => d > maxExactDigits);
  if (alone >= 0) rowsOf(checked[alone]!);
  const sum = digits.reduce((a, b) => a + b, 0);
  if (sum > maxExactDigits) {
    const largest = digits.reduce((best, d, i) => (d > digits[best]! ? i : best), 0);
    fail('', `the exact rows of all scenarios would pass ${thousands(maxExactDigits)} digits in all (about ${thousands(Math.round(sum))}); shorten the depth or years, e.g. of ${checked[largest]!.where} (${quoted(checked[largest]!.title)})`);
  }
  return checked.map((scenario) => {
    const { title, command, p, money } = scenario;
    const rows = rowsOf(scenario);
    const { startDate, cycle, ...model } = p;
    const parameters = {
      ...(command === 'simulate' ? simulateParameters({ ...model, cycle } as SimulateParams) : compoundParameters(model as CompoundFlags)),
      ...(command === 'compound' && cycle !== null && cycle !== undefined ? { cycle: durationText(cycle as Duration) } : {}),
      ...(typeof startDate === 'string' ? { startDate } : {}),
    } as Record<string, Cell>;
    let ratio = 0;
    if (money) {
      // With "per", customers on the books pay each period (a tree needs its cycle for that).
      try {
        ratio = billingRatio(money, (cycle as Duration | null | undefined) ?? null, command === 'simulate');
      } catch (error) {
        if (error instanceof UsageError) fail(`${scenario.where} (${quoted(title)}): `, error.message.replace(/--per/, '"per"').replace(/--cycle/g, '"cycle"'));
        throw error;
      }
    }
    let counts = money ? periodCounts(rows, ratio) : [];
    let costShares: number[] | undefined;
    if (money && money.discount !== null) {
      // With "discount", present values: each level's or year's counts and cost at its factor (a tree's level needs its cycle for a length).
      let years = 1;
      try {
        years = stepYears((cycle as Duration | null | undefined) ?? null, command === 'simulate');
      } catch (error) {
        if (error instanceof UsageError) fail(`${scenario.where} (${quoted(title)}): `, error.message.replace(/--discount/, '"discount"').replace(/--cycle/g, '"cycle"'));
        throw error;
      }
      ({ counts, costShares } = presentCounts(counts, stepFactors(money, rows.length - 1, years)!, undefined, 1));
    }
    const cumulative = money ? moneyRows(counts, money.amounts, costShares).map((m) => new Amount(m.cumulative, money.digits)) : undefined;
    return { name: title, command, parameters, totals: rows.map((r) => r.total), ...(cumulative ? { money: { cumulative, currency: money!.currency } } : {}) };
  });
}
