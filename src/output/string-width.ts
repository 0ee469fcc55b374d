import realStringWidth from 'string-width/index.js';

/** Printable ASCII only: every character one column wide, nothing to strip. */
const printableAscii = /^[\x20-\x7e]*$/;

/**
 * string-width 4 (what cli-table3 measures cells with), with a fast path: a string of
 * printable ASCII is as wide as it is long. string-width runs a very large emoji regex on
 * every call, about 0.3 ms each here, and cli-table3 measures every cell several times; the
 * build hands cli-table3 this function instead. Anything else goes to string-width itself.
 * A property test holds the two equal.
 *
 * @example stringWidth('1,111') // => 5
 */
export function stringWidth(text: string): number {
  return typeof text === 'string' && printableAscii.test(text) ? text.length : realStringWidth(text);
}
