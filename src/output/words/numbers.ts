import { countFormat } from '../number.js';
import { numberFormat } from '../number-format.js';
import type { Numbers } from './words.js';

/** A share as a percentage for people: `30%`, `12.5%`. */
export function percent(locale: string, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })(share);
}

/** A plain number for people, up to six significant digits: `0.995262`. */
export function real(locale: string, value: number): string {
  return numberFormat(locale, { maximumSignificantDigits: 6 })(value);
}

/** The number writers of sentences (see {@link Numbers}) for a locale. */
export function numbersFor(locale: string): Numbers {
  return { count: countFormat(locale), real: (v) => real(locale, v), percent: (v) => percent(locale, v), chance: (v) => chance(locale, v) };
}

/**
 * A probability as a percentage with three significant digits: `20.3%`, `0.00454%`; below
 * a millionth with an exponent, `3.78E-170%`, not 170 zeros.
 */
export function chance(locale: string, share: number): string {
  const tiny = share > 0 && share < 1e-6;
  return numberFormat(locale, { style: 'percent', maximumSignificantDigits: 3, ...(tiny ? { notation: 'scientific' } : {}) })(share);
}

