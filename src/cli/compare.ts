import * as z from 'zod/mini';
import type { Count } from '../model/count.js';
import type { Cell } from '../output/delimited.js';
import type { Report, Style } from '../output/render.js';
import { type CompoundFlags, compoundSchema, yearlyDigits, yearlyRows } from './compound.js';
import { UsageError } from './io.js';
import { issueText, marketHoldsStart } from './options.js';
import { type SimulateParams, simulateParameters, simulateSchema, treeDigits, treeRows } from './simulate.js';
import { once, pathText } from './validate.js';
import { fileLabel, hasUnsafeCharacters, quoted, thousands } from './parse.js';
import { maxExactDigits } from './overflow.js';
import { strictJson } from './strict-json.js';

const scenarioSchemas = once(() => {
  const name = z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((n) => n.trim() !== 'period', 'must not be "period", the name of the first column'),
    // Names head columns in terminals, SVG and spreadsheets: no control characters (escape
    // sequences, tabs, line breaks), no direction overrides.
    z.refine((n) => !hasUnsafeCharacters(n), 'must not hold control characters, tabs, line breaks or direction overrides'),
  );

  // A scenario is a command name and that command's flags, spelled as the flags are.
  return {
    simulate: z.strictObject({ name, command: z.literal('simulate'), ...simulateSchema().def.shape }).check(z.superRefine(marketHoldsStart)),
    compound: z.strictObject({ name, command: z.literal('compound'), ...compoundSchema().def.shape }).check(z.superRefine(marketHoldsStart)),
  };
});

const fileSchema = once(() => z.strictObject({ scenarios: z.array(z.unknown()).check(z.minLength(1), z.maxLength(50)) }));

/** One validated scenario with its rows. */
export interface Scenario {
  name: string;
  command: 'simulate' | 'compound';
  parameters: Record<string, Cell>;
  totals: Count[];
}

/**
 * Reads a scenario file's text: JSON `{"scenarios": [{"name", "command", ...flags}]}`.
 * Every problem is a UsageError naming the file, the scenario and the field.
 */
export function parseScenarios(text: string, file: string): Scenario[] {
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
    const { name: title, command: _, ...p } = parsed.data as { name: string; command: string } & Record<string, unknown>;
    if (names.has(title)) fail(`${where}.name: `, `${quoted(title)} is used twice; names head the columns`);
    names.add(title);
    return { where, title, command: command as Scenario['command'], p };
  });
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
    const { title, command, p } = scenario;
    const rows = rowsOf(scenario);
    const parameters = (command === 'simulate' ? simulateParameters(p as SimulateParams) : p) as Record<string, Cell>;
    return { name: title, command, parameters, totals: rows.map((r) => r.total) };
  });
}

/** `fans compare` as a report: a row per period, a column of totals per scenario. */
export function compareReport(scenarios: readonly Scenario[], file = 'scenarios'): Report {
  const periods = scenarios.reduce((most, s) => Math.max(most, s.totals.length), 0);
  const rows = Array.from({ length: periods }, (_, period) =>
    Object.fromEntries([['period', period], ...scenarios.map((s) => [s.name, s.totals[period] ?? null])]) as Record<string, Cell>,
  );
  const summary = ({ words, numbers }: Style) =>
    scenarios.map((s) => words.compare.line(numbers, { name: s.name, total: s.totals.at(-1)!, last: s.totals.length - 1, command: s.command }));
  return {
    columns: ['period', ...scenarios.map((s) => s.name)],
    rows,
    summary,
    chart: {
      title: `fans compare ${fileLabel(file)}`,
      xLabel: 'period',
      series: scenarios.map((s) => ({ name: s.name, values: s.totals })),
    },
    json: {
      command: 'compare',
      scenarios: scenarios.map((s) => ({ name: s.name, command: s.command, parameters: s.parameters, total: s.totals.at(-1)! })),
      rows,
    },
  };
}
