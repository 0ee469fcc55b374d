import fc from 'fast-check';
import realStringWidth from 'string-width/index.js';
import { describe, expect, it } from 'vitest';
import { stringWidth } from '../../src/output/string-width.js';

describe('stringWidth (string-width with an ASCII fast path)', () => {
  it('equals string-width for any string: ASCII, any Unicode, emoji, ANSI colours', () => {
    const ansi = fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[39m', '');
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.tuple(ansi, fc.string({ unit: 'grapheme-ascii' }), ansi).map((parts) => parts.join('')),
      fc.constantFrom('🚀', 'café', '漢字', '1️⃣', '#', '*', '0', '\t', '\u0000', '👩‍👩‍👧', '—'),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(stringWidth(s)).toBe(realStringWidth(s));
      }),
      { numRuns: 2000 },
    );
  });
});
