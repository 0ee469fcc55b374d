/**
 * Character tests for the readers of flags, written out so that reading a flag runs no
 * regular expression: V8 compiles each pattern at its first use in a process, 0.02 to 0.1 ms
 * apiece at start-up, and no code cache keeps that (docs/performance.md). Each is what the
 * class it replaces matches, held to it by test/output/scans.test.ts.
 */

/** `/\d/`: an ASCII digit. */
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** `/[a-z]/i`: an ASCII letter. */
export const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** `/\s/`: JavaScript's white space and line terminators. */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
