import { basename } from 'node:path';
import * as z from 'zod/mini';
import type { Count } from '../../model/count.js';
import type { Cell } from '../../output/delimited.js';
import type { Report, Style } from '../../output/render.js';
import { type CompoundFlags, compoundSchema, yearlyDigits, yearlyRows } from './compound.js';
import { compoundParameters } from '../../report/compound.js';
import { UsageError } from '../io/io.js';
import { field, issueText, marketHoldsStart, optionSpecs } from '../flags/options.js';
import { type SimulateParams, simulateSchema, treeDigits, treeRows } from './simulate.js';
import { simulateParameters } from '../../report/simulate.js';
import { once, pathText } from '../flags/validate.js';
import { type Duration, fileLabel, hasUnsafeCharacters, quoted, thousands } from '../flags/parse.js';
import { maxExactDigits } from './overflow.js';
import { moneyOptions } from '../flags/options.js';
import { durationText } from '../../model/calendar/duration-text.js';
import { periodCounts, stepFactors } from '../../model/money.js';
import { billingRatio, moneyOf, stepYears } from '../flags/money.js';
import { moneyRows, presentCounts } from '../../model/money.js';
import { Amount, amountFormat } from '../../output/amount.js';
import { strictJson } from '../flags/strict-json.js';

const scenarioSchemas = once(() => {
  const name = z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((n) => n.trim() !== 'period', 'must not be "period", the name of the first column'),
    // Names head columns in terminals, SVG and spreadsheets: no control characters (escape
    // sequences, tabs, line breaks), no direction overrides.
    z.refine((n) => !hasUnsafeCharacters(n), 'must not hold control characters, tabs, line breaks, direction overrides or other invisible characters (such as a zero-width space or a soft hyphen)'),
  );

  // A scenario is a command name and that command's flags, spelled as the flags are; money
  // fields are read by money.ts, with the flags' rules, once the scenario is known.
  const money = Object.fromEntries(moneyOptions.map((key) => [key, z.optional(z.union([z.string(), z.number()]))]));
  // On the calendar: a start date for either, a cycle for compound too (simulate has its own).
  const calendar = { startDate: field(optionSpecs.startDate) };
  // The rest of the command's flags: a scenario with any of them runs as its command (see compareByRuns).
  const runs = Object.fromEntries(runFields.map((key) => [key, z.optional(z.union([z.string(), z.number()]))]));
  return {
    simulate: z.strictObject({ name, command: z.literal('simulate'), ...simulateSchema().def.shape, ...calendar, ...money, ...runs }).check(z.superRefine(marketHoldsStart)),
    compound: z.strictObject({ name, command: z.literal('compound'), ...compoundSchema().def.shape, cycle: field(optionSpecs.cycle), ...calendar, ...money, ...runs }).check(z.superRefine(marketHoldsStart)),
  };
});

/**
 * Scenario fields spelled as the flags of `fans simulate|compound` beyond the model's own: a
 * scenario with any of them runs as that command would (sampled, spread out, by period, to a
 * date, from a fit), its values read by the flags' own rules.
 */
export const runFields = ['trials', 'seed', 'distribution', 'dispersion', 'quantiles', 'fit', 'cycleSpread', 'by', 'until'] as const;

const fileSchema = once(() => z.strictObject({ scenarios: z.array(z.unknown()).check(z.minLength(1), z.maxLength(50)) }));

/** One validated scenario with its rows. */
export interface Scenario {
  name: string;
  command: 'simulate' | 'compound';
  parameters: Record<string, Cell>;
  totals: Count[];
  /** The cumulative net per period and the currency, where the scenario gives amounts. */
  money?: { cumulative: Amount[]; currency: string | null };
}

/** A scenario as read, before its rows: where it is in the file, its name, command, model flags and amounts. */
export interface ScenarioInput {
  where: string;
  title: string;
  command: Scenario['command'];
  p: Record<string, unknown>;
  money: ReturnType<typeof moneyOf>;
  /** The scenario's fields as written (but its name and command): the flags of a run of its command. */
  raw: Record<string, unknown>;
}

/**
 * Reads a scenario file's text: JSON `{"scenarios": [{"name", "command", ...flags}]}`, and
 * computes each scenario's rows. Every problem is a UsageError naming the file, the scenario
 * and the field.
 */
export function parseScenarios(text: string, file: string, locale = 'en-US'): Scenario[] {
  return scenarioRows(readScenarios(text, file, locale), file);
}

/** Whether scenarios go on the calendar: one of them gives a cycle or a start date. */
export const onCalendar = (scenarios: readonly ScenarioInput[]) => scenarios.some((s) => s.p.cycle !== null || s.p.startDate !== null);

/** A scenario as written, for its fields. */
const raw0 = (raw: unknown) => raw as Record<string, unknown>;

/** Whether a file's scenarios run as their commands: one of them gives a field beyond the model's, dates and money (see {@link runFields}). */
export const asRuns = (scenarios: readonly ScenarioInput[]) => scenarios.some((s) => runFields.some((key) => s.raw[key] !== undefined));

/** A scenario file's scenarios, checked, without their rows (see {@link parseScenarios}). */
export function readScenarios(text: string, file: string, locale = 'en-US'): ScenarioInput[] {
  const fail = (where: string, what: string): never => {
    throw new UsageError(`${file}: ${where}${what}`);
  };
  if (text.trim() === '') fail('', 'is empty; expected {"scenarios": [...]}');
  let data: unknown;
  try {
    data = strictJson(text);
  } catch (error) {
    fail('', (error as Error).message);
  }
  const top = fileSchema().safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    const shape = issue.path.length === 0 && issue.code === 'invalid_type';
    fail(issue.path.length ? `${pathText(issue.path)}: ` : '', shape ? 'must be an object {"scenarios": [...]}' : issueText(issue));
  }
  const names = new Set<string>();
  const checked = top.data!.scenarios.map((raw, index) => {
    const where = `scenarios[${index}]`;
    const command = (raw as { command?: unknown } | null)?.command;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`${where}: `, 'must be an object');
    if (command !== 'simulate' && command !== 'compound') fail(`${where}.command: `, `must be "simulate" or "compound" (got ${quoted(command ?? null)})`);
    const parsed = scenarioSchemas()[command as 'simulate'].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      fail(`${pathText([ 'scenarios', index, ...issue.path])}: `, issueText(issue));
    }
    const { name: title, command: _, ...all } = parsed.data as { name: string; command: string } & Record<string, unknown>;
    const p = Object.fromEntries(Object.entries(all).filter(([key]) => !(moneyOptions as readonly string[]).includes(key) && !(runFields as readonly string[]).includes(key)));
    const { name: _n, command: _c, ...written } = raw0(raw);
    const money = moneyOf(all, locale, (field) => `${file}: ${where}.${field}:`);
    if (names.has(title)) fail(`${where}.name: `, `${quoted(title)} is used twice; names head the columns`);
    names.add(title);
    return { where, title, command: command as Scenario['command'], p, money, raw: written };
  });
  const currencies = new Set(checked.filter((s) => s.money).map((s) => s.money!.currency));
  if (currencies.size > 1) fail('', `scenarios give amounts in ${[...currencies].map((c) => c ?? 'no currency').join(' and ')}: one file compares one currency (set "currency" alike)`);
  return checked;
}

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

/** The column of a scenario's cumulative net, beside its totals: `Fast growth net`. */
export const netColumn = (s: Pick<Scenario, 'name'>) => `${s.name} net`;

/** The currency of the scenarios' amounts (one file compares one), or null. */
export const currencyOf = (scenarios: readonly Scenario[]): string | null => scenarios.find((s) => s.money)?.money!.currency ?? null;

/** `fans compare` as a report: a row per period, a column of totals per scenario. */
export function compareReport(scenarios: readonly Scenario[], file = 'scenarios'): Report {
  const periods = scenarios.reduce((most, s) => Math.max(most, s.totals.length), 0);
  const rows = Array.from({ length: periods }, (_, period) =>
    Object.fromEntries([
      ['period', period],
      ...scenarios.map((s) => [s.name, s.totals[period] ?? null]),
      ...scenarios.filter((s) => s.money).map((s) => [netColumn(s), s.money!.cumulative[period] ?? null]),
    ]) as Record<string, Cell>,
  );
  const summary = ({ words, numbers, locale }: Style) => {
    const money = amountFormat(locale, currencyOf(scenarios));
    return scenarios.map((s) => words.compare.line(numbers, { name: s.name, total: s.totals.at(-1)!, last: s.totals.length - 1, command: s.command, net: s.money ? money(s.money.cumulative.at(-1)!) : null }));
  };
  return {
    columns: ['period', ...scenarios.map((s) => s.name), ...scenarios.filter((s) => s.money).map(netColumn)],
    currency: currencyOf(scenarios),
    rows,
    summary,
    chart: {
      // The command under the title names the file, not where it lies: no path in a picture.
      title: `fans compare ${fileLabel(file === '-' ? file : basename(file))}`,
      caption: { kind: 'compare', names: scenarios.map((s) => s.name) },
      // Levels and years side by side: the axis says which it counts.
      xLabel: scenarios.every((s) => s.command === 'simulate') ? 'level' : scenarios.every((s) => s.command === 'compound') ? 'year' : 'level / year',
      series: scenarios.map((s) => ({ name: s.name, values: s.totals })),
    },
    json: {
      command: 'compare',
      scenarios: scenarios.map((s) => ({ name: s.name, command: s.command, parameters: s.parameters, total: s.totals.at(-1)!, ...(s.money ? { net: s.money.cumulative.at(-1)!, currency: s.money.currency } : {}) })),
      rows,
    },
  };
}
