/**
 * A value made on first use and kept: a schema, a formatter or a table is built only when a
 * run needs it, so a command does not pay at start-up for the others'.
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
