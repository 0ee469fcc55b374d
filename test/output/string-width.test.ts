import fc from 'fast-check';
import realStringWidth from 'string-width/index.js';
import { describe, expect, it } from 'vitest';
import { isNarrowText, stringWidth } from '../../src/output/string-width.js';

/** Every UTF-16 code unit the fast path takes as one column wide. */
const narrow = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => isNarrowText(c));

describe('stringWidth (string-width with a fast path for narrow characters)', () => {
  it('equals string-width for any string: ASCII, any Unicode, emoji, ANSI colours', () => {
    const ansi = fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[39m', '');
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.tuple(ansi, fc.string({ unit: 'grapheme-ascii' }), ansi).map((parts) => parts.join('')),
      fc.constantFrom('🚀', 'café', '漢字', '1️⃣', '#', '*', '0', '\t', '\u0000', '👩‍👩‍👧', '—', '©️', '®️', '€ 1.250', '1 000 €'),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(stringWidth(s)).toBe(realStringWidth(s));
      }),
      { numRuns: 2000, seed: 29 },
    );
  });
  it('the narrow characters: printable ASCII and the few others fans writes in cells, each one column alone and in company', () => {
    expect(narrow.length).toBe(95 + 94 + 24 + 5);
    for (const c of ['€', '×', 'é', 'ë', '–', '—', '…', '’', '\u00a0', '\u202f', '‰', '−', '≈']) expect(narrow).toContain(c);
    // Not narrow: what an emoji sequence begins or is joined with, controls, combining marks, wide characters.
    for (const c of ['©', '®', '\ufe0f', '\u200d', '\u20e3', '\u0301', '\u001b', '\t', '漢', '\ud83d']) expect(isNarrowText(c)).toBe(false);
    for (const c of narrow) expect([c, realStringWidth(c), realStringWidth(`1${c}${c}a`)]).toEqual([c, 1, 4]);
    // Mixed with anything (emoji joiners and variation selectors too), the width is string-width's.
    const joiners = fc.constantFrom('\ufe0f', '\u200d', '\u20e3', '🚀', '\u001b[1m', '漢', '\u0301');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...narrow), joiners), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(stringWidth(s)).toBe(realStringWidth(s));
      }),
      { numRuns: 3000, seed: 29 },
    );
  });
});
