import { type Amount, isAmount } from './amount.js';

/** A JSON value that may hold exact big integers. */
export type Json = null | boolean | number | bigint | string | Amount | readonly Json[] | { readonly [key: string]: Json | undefined };

/**
 * JSON text like `JSON.stringify(value, null, 2)`, but bigints are written as exact number
 * literals (valid JSON; readers without big-number support round them past 2^53).
 * `undefined` object members are left out. Non-finite numbers throw: `fans` never prints them.
 *
 * @example toJson({ total: 1111n }) // => '{\n  "total": 1111\n}'
 */
export function toJson(value: Json, indent = '  '): string {
  return write(value, '', indent);
}

function write(value: Json, pad: string, indent: string): string {
  if (value === null) return 'null';
  // Money: its exact decimal text is a valid JSON number literal.
  if (isAmount(value)) return value.decimal();
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as JSON`);
      return JSON.stringify(value);
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
  }
  const inner = pad + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item: Json) => item === null || typeof item !== 'object' || isAmount(item))) return `[${value.map((item: Json) => write(item, '', '')).join(', ')}]`;
    // Rows of scalars stay on one line each: easy to read and to grep.
    return `[\n${value.map((item: Json) => inner + write(item, inner, isFlat(item) ? '' : indent)).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(value as { [key: string]: Json | undefined }).filter(
    (entry): entry is [string, Json] => entry[1] !== undefined,
  );
  if (entries.length === 0) return '{}';
  if (indent === '') return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${write(v, '', '')}`).join(', ')}}`;
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, indent)}`).join(',\n')}\n${pad}}`;
}

function isFlat(value: Json): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v !== 'object' || isAmount(v));
}
