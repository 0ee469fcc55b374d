import realStringWidth from 'string-width/index.js';

/**
 * Whether a UTF-16 code unit is a character string-width 4 counts one column wide whatever
 * surrounds it: printable ASCII (0x20 to 0x7e), Latin-1's printable half but © and ® (which an
 * emoji sequence may begin with), the dashes, quotes, bullets and ellipsis of 0x2010 to 0x2027,
 * the narrow no-break space, ‰, €, − and ≈: what `fans` itself writes in a table's cells,
 * in English and Dutch. A test holds each of them to string-width, alone and in company.
 */
function isNarrow(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff && code !== 0xa9 && code !== 0xae) ||
    (code >= 0x2010 && code <= 0x2027) ||
    code === 0x202f ||
    code === 0x2030 ||
    code === 0x20ac ||
    code === 0x2212 ||
    code === 0x2248
  );
}

/**
 * Whether every character of `text` is one column wide and nothing in it is stripped or joined
 * (see isNarrow): then the text is as wide as it is long.
 *
 * @example isNarrowText('€ 1.250') // => true
 */
export function isNarrowText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isNarrow(text.charCodeAt(i))) return false;
  return true;
}

/**
 * string-width 4 (what cli-table3 measures cells with), with a fast path: a text of
 * {@link isNarrowText} characters is as wide as it is long. string-width runs a very large emoji
 * pattern on every call: compiling it cost about 1.5 ms of the first call in a process (every
 * table with a euro in it), and each call after about 0.3 ms; cli-table3 measures every cell
 * several times. The build hands cli-table3 this function instead (and fans measures with it
 * where it lays out text). Anything else goes to string-width itself. A property test holds the
 * two equal.
 *
 * @example stringWidth('1,111') // => 5
 */
export function stringWidth(text: string): number {
  return typeof text === 'string' && isNarrowText(text) ? text.length : realStringWidth(text);
}
