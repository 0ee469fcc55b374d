import * as z from 'zod/mini';
import { type TreeRow, isTreeExact, treeFactor, treeGrowth, treeLimit } from '../model/tree.js';
import type { Report, Style } from '../output/render.js';
import { fields, marketHoldsStart } from './options.js';
import { exactDigits, withinDigits, withinRange } from './overflow.js';
import { type Duration, durationText, durationUnits, thousands } from './parse.js';
import { once } from './validate.js';
import { counted, marketLine, percent, real, totalsChart } from './words.js';

/** Flags of `fans simulate`, checked once. */
export const simulateSchema = once(() =>
  z.strictObject(fields(['start', 'fanout', 'depth', 'conversion', 'nonreferrers', 'market', 'cycle'])).check(z.superRefine(marketHoldsStart)),
);
export type SimulateParams = z.infer<ReturnType<typeof simulateSchema>>;

/** The column an elapsed time goes in, e.g. `days`, with its value at each level. */
export function elapsedColumn(cycle: Duration | null): { name: string; at: (level: number) => number } | null {
  if (cycle === null) return null;
  return { name: durationUnits[cycle.unit], at: (level) => level * cycle.amount };
}

/** The parameters as output writes them: the cycle in its short form (`30d`), or null. */
export function simulateParameters(p: SimulateParams) {
  return { ...p, cycle: p.cycle ? durationText(p.cycle) : null };
}

/** `fans simulate` as a report: the tree model's rows, total and summary. */
export function simulateReport(p: SimulateParams, rows: readonly TreeRow[]): Report {
  const total = rows.at(-1)!.total;
  const elapsed = elapsedColumn(p.cycle);
  const k = treeFactor(p);
  const limit = treeLimit(p);
  // Introductions: each referring fan (1 - nonreferrers of them) of levels 0..depth-1 introduces
  // fanout people; with conversion (or a market) below 100% not all of them become fans, so
  // fans and introductions are told apart.
  const introductions = rows.slice(0, -1).reduce((sum, r) => sum + Number(r.new) * p.fanout * (1 - p.nonreferrers), 0);
  const allBecomeFans = p.conversion === 1 && p.market === null && p.nonreferrers === 0;
  const summary = ({ count, locale }: Style) => [
    (allBecomeFans
      ? `${counted(count, p.start, 'fan reaches', 'fans reach')} ${counted(count, total, 'person', 'people')} in ${counted(count, p.depth, 'step', 'steps')}`
      : `${counted(count, p.start, 'fan grows', 'fans grow')} to ${counted(count, total, 'fan', 'fans')} in ${counted(count, p.depth, 'step', 'steps')}`) +
      `${elapsed ? ` (${real(locale, elapsed.at(p.depth))} ${elapsed.name})` : ''}` +
      (allBecomeFans || introductions === 0
        ? '.'
        : `: ${counted(count, introductions, 'introduction', 'introductions')}, of which ${count(Number(total) - p.start)} (${percent(locale, (Number(total) - p.start) / introductions)}) became new fans.`),
    `Referral factor K = ${real(locale, k)} (fanout ${real(locale, p.fanout)} × conversion ${percent(locale, p.conversion)}${p.nonreferrers > 0 ? ` × referrers ${percent(locale, 1 - p.nonreferrers)}` : ''}).`,
    ...(limit !== null
      ? [
          `K < 1: each level is smaller than the one before; the total approaches ${real(locale, limit)} ` +
            (p.market === null ? '(start / (1 - K)) as depth grows.' : `as depth grows (below start / (1 - K) = ${real(locale, p.start / (1 - k))}: the market slows it).`),
        ]
      : []),
    ...marketLine(locale, count, p.market, total),
  ];
  const columns = ['level', ...(elapsed ? [elapsed.name] : []), 'new', 'total'];
  const table = rows.map((r) => ({ level: r.level, ...(elapsed ? { [elapsed.name]: elapsed.at(r.level) } : {}), new: r.new, total: r.total }));
  const parameters = simulateParameters(p);
  return {
    columns,
    rows: table,
    total: { label: 'total', value: total },
    summary,
    chart: totalsChart('simulate', parameters, { start: 1, conversion: 1, nonreferrers: 0 }, 'level', rows.map((r) => r.total), elapsed),
    json: {
      command: 'simulate',
      parameters,
      rows: table,
      total,
      referralFactor: k,
      limit: limit ?? undefined,
    },
  };
}

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
