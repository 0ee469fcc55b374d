/**
 * A count of fans: a `bigint` when the model is exact (whole-number inputs, nothing
 * scaled by a probability), a `number` when it is an expected value.
 */
export type Count = number | bigint;

/**
 * Thrown when expected values (floating point) grow past the largest finite double,
 * about 1.8e308. `period` is the first level or year that overflowed.
 */
export class GrowthOverflowError extends RangeError {
  constructor(readonly period: number) {
    super(`expected value passes 1.8e308 at period ${period}`);
    this.name = 'GrowthOverflowError';
  }
}

/**
 * Whether a count reaches a target; exact for bigint counts.
 *
 * @example reaches(1111n, 1000) // => true
 */
export function reaches(count: Count, target: number): boolean {
  if (typeof count === 'number') return count >= target;
  if (!Number.isFinite(target)) return false;
  // count is a whole number, so count >= target exactly when count >= ceil(target).
  return count >= BigInt(Math.ceil(target));
}

/** log10 of a positive count, also for bigints far past 1e308; -Infinity for 0. */
export function log10Count(count: Count): number {
  if (typeof count === 'number') return Math.log10(count);
  if (count <= 0n) return count === 0n ? -Infinity : NaN;
  const digits = count.toString();
  if (digits.length <= 300) return Math.log10(Number(count));
  return Math.log10(Number(digits.slice(0, 17)) ) + digits.length - 17;
}

/**
 * The first `count` values of an iterator (the models' generators run without end).
 *
 * @example take([1, 2, 3].values(), 2) // => [1, 2]
 */
export function take<T>(values: Iterator<T>, count: number): T[] {
  const taken: T[] = [];
  // No next() past the last one wanted: a generator may throw computing a row nobody asked for.
  while (taken.length < count) {
    const next = values.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

/**
 * A replacer for `JSON.stringify` that writes exact counts (bigints, which JSON cannot hold)
 * as their decimal digits in a string; other values as they are. For arithmetic on a count,
 * `toNumber` (or BigInt arithmetic: `total * 2n`).
 *
 * @example JSON.stringify({ total: 1111n }, countReplacer) // => '{"total":"1111"}'
 */
export const countReplacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/** A count as a double (bigints past 1e308 become Infinity). */
export function toNumber(count: Count): number {
  return typeof count === 'number' ? count : Number(count);
}

/**
 * a + b, exact when both are bigints (the exact model's counts), else as doubles.
 *
 * @example addCounts(2n ** 60n, 1n) // => 1152921504606846977n
 */
export const addCounts = (a: Count, b: Count): Count => (typeof a === 'bigint' && typeof b === 'bigint' ? a + b : toNumber(a) + toNumber(b));

/** a - b, exact when both are bigints, else as doubles. */
export const subtractCounts = (a: Count, b: Count): Count => (typeof a === 'bigint' && typeof b === 'bigint' ? a - b : toNumber(a) - toNumber(b));
