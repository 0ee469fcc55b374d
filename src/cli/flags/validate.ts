import type * as z from 'zod/mini';
import { UsageError } from '../io/io.js';
import { flagName, issueText } from './options.js';

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

/**
 * A value made on first use and kept: zod schemas are built only for the command that
 * runs, so a command does not pay at start-up for the others'.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** A path into a file as people write it: `scenarios[1].fanout`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('') || '(top level)';
}

/** The flags a schema knows, and only those. */
export function pick(flags: Record<string, unknown>, shape: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(shape).filter((key) => flags[key] !== undefined).map((key) => [key, flags[key]]));
}
