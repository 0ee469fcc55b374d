import * as z from 'zod/mini';
import { type OptionName, type OptionSpec, type Value, flagName, marketBelowStart, optionSpecs, readInput } from './options.js';
import { quoted } from './parse.js';
import { UsageError } from '../io/io.js';

/**
 * zod's view of the flags, for what comes from a file (a scenario file, cli/flags/scenarios.ts,
 * and the calendar's flags, checked strictly): each flag one zod field reading its text with
 * the option's spec (options.ts's readInput). A command's own flags are read without zod
 * (options.ts's readFlags), so a plain run does not load it.
 */

/** A flag's input read by its spec; a problem becomes a zod issue with its words. */
function parseInput<T>(spec: OptionSpec<T>, input: unknown, ctx: { issues: z.core.$ZodRawIssue[] }): T {
  const read = readInput(spec, input);
  if ('value' in read) return read.value;
  ctx.issues.push({ code: 'custom', message: read.problem, input });
  return z.NEVER;
}

/**
 * A zod field that applies the spec's default when the flag is absent and parses it. One
 * transform per field, not a pipe of a type check and a transform: building zod schemas
 * is a good part of start-up, and the spec's parser checks the type anyway.
 */
export function field<T>(spec: OptionSpec<T>) {
  return z.transform((input: unknown, ctx): T => parseInput(spec, input === undefined ? spec.default : input, ctx));
}

/** Like {@link field}, but `undefined` when absent: for flags that choose what to solve for. */
export function optionalField<T>(spec: OptionSpec<T>) {
  return z.transform((input: unknown, ctx): T | undefined => (input === undefined ? undefined : parseInput(spec, input, ctx)));
}

/** Fields for the named options, all with their defaults. */
export function fields<const N extends OptionName>(names: readonly N[]): { [K in N]: ReturnType<typeof field<Value<K>>> } {
  return Object.fromEntries(names.map((name) => [name, field(optionSpecs[name] as OptionSpec<unknown>)])) as never;
}

/** A zod issue in words: what is wrong with the value at its path. */
export function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length > 1 ? 'fields' : 'field'} ${issue.keys.slice(0, 5).map(quoted).join(', ')}${issue.keys.length > 5 ? ', …' : ''}`;
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_union':
      return 'must be a number or a text';
    case 'too_small':
      return `must hold at least ${issue.minimum} ${issue.origin === 'array' ? 'item' : 'character'}${Number(issue.minimum) === 1 ? '' : 's'}`;
    case 'too_big':
      return `must hold at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** {@link marketBelowStart} as a zod refinement, for a scenario file's schema. */
export function marketHoldsStart(value: { start: number; market: number | null }, ctx: z.core.$RefinementCtx) {
  const problem = marketBelowStart(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value.market, path: ['market'] });
}

/**
 * Parse flags' text with a command's schema; the first problem becomes a UsageError naming
 * the flag: `--fanout must be a number from 0 to 1,000,000 (got "-1")`.
 */
export function parseFlags<S extends z.ZodMiniType>(schema: S, flags: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(flags);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(`${flagName(issue.path[0] ?? 'option')} ${issueText(issue)}`);
}
