import { type TreeRow, isTreeExact, treeGrowth } from '../../model/growth/tree.js';
import { exactDigits, withinDigits, withinRange } from './overflow.js';
import { thousands } from '../flags/parse.js';

export type { SimulateParams } from '../flags/models.js';
import type { SimulateParams } from '../flags/models.js';

/**
 * The tree model's rows for validated flags, refusing what cannot be printed well: exact
 * rows past 40 million digits, expected values past a double. `depth` names the flag (or a
 * scenario's field) in the message.
 */
/** Digits the exact rows of a tree would hold (0 when its figures are expected values). */
export const treeDigits = (p: SimulateParams): number => (isTreeExact(p) ? exactDigits(p.start, p.fanout, p.depth) : 0);

export function treeRows(p: SimulateParams, depth = '--depth'): TreeRow[] {
  if (isTreeExact(p)) withinDigits(p.start, p.fanout, p.depth, depth, `fanout ${thousands(p.fanout)}`);
  return withinRange(() => treeGrowth(p), depth, 'level');
}
