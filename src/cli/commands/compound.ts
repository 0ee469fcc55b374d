import { type CompoundRow, compoundGrowth, isCompoundExact } from '../../model/growth/compound.js';
import { exactDigits, withinDigits, withinRange } from './overflow.js';
import { thousands } from '../flags/parse.js';

export type { CompoundFlags } from '../flags/models.js';
import type { CompoundFlags } from '../flags/models.js';

/**
 * The compound model's rows for validated flags, refusing what cannot be printed well:
 * exact rows past 40 million digits, expected values past a double. `years` names the flag
 * (or a scenario's field) in the message.
 */
/** Digits the exact rows of a compound run would hold (0 when its figures are expected values). */
export const yearlyDigits = (p: CompoundFlags): number => (isCompoundExact(p) ? exactDigits(p.start, 1 + p.rate, p.years) : 0);

export function yearlyRows(p: CompoundFlags, years = '--years'): CompoundRow[] {
  if (isCompoundExact(p)) withinDigits(p.start, 1 + p.rate, p.years, years, `rate ${thousands(p.rate)}`);
  return withinRange(() => compoundGrowth(p), years, 'year');
}
