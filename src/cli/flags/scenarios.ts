import * as z from 'zod/mini';
import { UsageError } from '../io/io.js';
import { moneyOptions, optionSpecs } from './options.js';
import { field, fields, issueText, marketHoldsStart } from './fields.js';
import { hasUnsafeCharacters, quoted } from './parse.js';
import { once, pathText } from './validate.js';
import { moneyOf } from './money.js';
import { strictJson } from './strict-json.js';
import type { Flags } from './flags.js';
import { compoundFlags, simulateFlags } from './models.js';

/**
 * A scenario file (`fans compare FILE`) read once: JSON `{"scenarios": [{"name", "command",
 * ...flags}]}`, each scenario checked by its command's schema, its money read as the flags'
 * is. Every problem is a UsageError naming the file, the scenario and the field.
 */

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
    simulate: z.strictObject({ name, command: z.literal('simulate'), ...fields(simulateFlags), ...calendar, ...money, ...runs }).check(z.superRefine(marketHoldsStart)),
    compound: z.strictObject({ name, command: z.literal('compound'), ...fields(compoundFlags), cycle: field(optionSpecs.cycle), ...calendar, ...money, ...runs }).check(z.superRefine(marketHoldsStart)),
  };
});

/**
 * Scenario fields spelled as the flags of `fans simulate|compound` beyond the model's own: a
 * scenario with any of them runs as that command would (sampled, spread out, by period, to a
 * date, from a fit), its values read by the flags' own rules.
 */
export const runFields = ['trials', 'seed', 'distribution', 'dispersion', 'quantiles', 'fit', 'cycleSpread', 'by', 'until'] as const;

const fileSchema = once(() => z.strictObject({ scenarios: z.array(z.unknown()).check(z.minLength(1), z.maxLength(50)) }));

/** A scenario as read, before its rows: where it is in the file, its name, command, model flags and amounts. */
export interface ScenarioInput {
  where: string;
  title: string;
  command: 'simulate' | 'compound';
  p: Record<string, unknown>;
  money: ReturnType<typeof moneyOf>;
  /** The scenario's fields as written (but its name and command): the flags of a run of its command (`cycleSpread` for --cycle-spread). */
  raw: Flags;
}

/** Whether scenarios go on the calendar: one of them gives a cycle or a start date. */
export const onCalendar = (scenarios: readonly ScenarioInput[]) => scenarios.some((s) => s.p.cycle !== null || s.p.startDate !== null);

/** A scenario as written, for its fields. */
const raw0 = (raw: unknown) => raw as Record<string, unknown>;

/** Whether a file's scenarios run as their commands: one of them gives a field beyond the model's, dates and money (see {@link runFields}). */
export const asRuns = (scenarios: readonly ScenarioInput[]) => scenarios.some((s) => runFields.some((key) => s.raw[key] !== undefined));

/** A scenario file's scenarios, checked, without their rows (commands/compare.ts computes them). */
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
    return { where, title, command: command as 'simulate' | 'compound', p, money, raw: written as Flags };
  });
  const currencies = new Set(checked.filter((s) => s.money).map((s) => s.money!.currency));
  if (currencies.size > 1) fail('', `scenarios give amounts in ${[...currencies].map((c) => c ?? 'no currency').join(' and ')}: one file compares one currency (set "currency" alike)`);
  return checked;
}
