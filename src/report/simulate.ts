import type { CycleLength } from '../model/calendar/dates.js';
import { durationText, durationUnits } from '../model/calendar/duration-text.js';
import { type TreeParams, type TreeRow, treeFactor, treeLimit } from '../model/growth/tree.js';
import type { Report, Style } from '../output/report.js';
import { totalsChart } from './chart-title.js';
import { type ReportPart, joinParts } from './part.js';
import type { CycleAxis } from './calendar.js';

/** A tree run as its report reads it: the model's parameters, the cycle a level takes (null: levels without time) and the fans bought a level. */
export type TreeRun = TreeParams & { nonreferrers: number; paid: number; cycle: CycleLength | null };

/** The column an elapsed time goes in, e.g. `days`, with its value at each level. */
export function elapsedColumn(cycle: CycleLength | null): { name: (typeof durationUnits)[keyof typeof durationUnits]; at: (level: number) => number } | null {
  if (cycle === null) return null;
  return { name: durationUnits[cycle.unit], at: (level) => level * cycle.amount };
}

/** The parameters as output writes them: the cycle in its short form (`30d`), or null. */
export function simulateParameters(p: TreeRun) {
  const { paid, ...rest } = p;
  return { ...rest, cycle: p.cycle ? durationText(p.cycle) : null, ...(paid > 0 ? { paid } : {}) };
}

/** `fans simulate` as a report: the tree model's rows, total and summary; on the calendar, each level on its date (`axis`, see report/calendar.ts). */
export function simulateReport(p: TreeRun, rows: readonly TreeRow[], parts: readonly ReportPart[] = [], axis: CycleAxis | null = null): Report {
  const total = rows.at(-1)!.total;
  const elapsed = elapsedColumn(p.cycle);
  const k = treeFactor(p);
  const limit = treeLimit(p);
  // Introductions: each referring fan (1 - nonreferrers of them) of levels 0..depth-1 introduces
  // fanout people; with conversion (or a market) below 100% not all of them become fans, so
  // fans and introductions are told apart.
  const introductions = rows.slice(0, -1).reduce((sum, r) => sum + Number(r.new) * p.fanout * (1 - p.nonreferrers), 0);
  const allBecomeFans = p.conversion === 1 && p.market === null && p.nonreferrers === 0;
  const summary = ({ words, numbers }: Style) => [
    words.simulate.reach(numbers, {
      start: p.start,
      total,
      depth: p.depth,
      elapsed: elapsed ? { amount: elapsed.at(p.depth), unit: elapsed.name } : null,
      everyoneJoins: allBecomeFans,
      introductions,
      newFans: Number(total) - p.start,
    }),
    words.simulate.factor(numbers, { k, fanout: p.fanout, conversion: p.conversion, referrers: p.nonreferrers > 0 ? 1 - p.nonreferrers : null }),
    ...(limit !== null ? [words.simulate.limit(numbers, { limit, market: p.market !== null, bound: p.start / (1 - k) })] : []),
    ...(p.market === null ? [] : [words.market(numbers, p.market, Number(total))]),
  ];
  const columns = ['level', ...(elapsed ? [elapsed.name] : []), 'new', 'total'];
  const byLevel = rows.map((r) => ({ level: r.level, ...(elapsed ? { [elapsed.name]: elapsed.at(r.level) } : {}), new: r.new, total: r.total }));
  const table = axis ? axis.rows(byLevel) : byLevel;
  const parameters = simulateParameters(p);
  const chart = totalsChart('simulate', parameters, { start: 1, conversion: 1, nonreferrers: 0 }, 'level', rows.map((r) => r.total), elapsed, { kind: 'tree', start: p.start, rate: p.fanout, periods: p.depth, conversion: p.conversion, churn: 0 });
  return joinParts(
    {
      columns: axis ? axis.columns(columns) : columns,
      rows: table,
      total: { value: total },
      summary: axis ? axis.summary(p.start, total, summary) : summary,
      chart: axis ? axis.chart(chart) : chart,
      json: {
        command: 'simulate',
        parameters,
        rows: table,
        total,
        referralFactor: k,
        limit: limit ?? undefined,
      },
    },
    axis ? axis.parts(parts) : parts,
  );
}
