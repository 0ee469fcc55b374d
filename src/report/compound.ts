import { type CompoundParams, type CompoundRow, compoundFactor } from '../model/growth/compound.js';
import type { Report, Style } from '../output/report.js';
import { totalsChart } from './chart-title.js';
import { type ReportPart, joinParts } from './part.js';
import type { CycleAxis } from './calendar.js';

/** A compound run as its report reads it: the model's parameters and the fans bought a year. */
export type CompoundRun = CompoundParams & { nonreferrers: number; paid: number };

/** The parameters as output writes them: `paid` only when fans are bought. */
export function compoundParameters(p: CompoundRun) {
  const { paid, ...rest } = p;
  return { ...rest, ...(paid > 0 ? { paid } : {}) };
}

/** `fans compound` as a report: the compound model's rows, total and summary; on the calendar, each cycle on its date (`axis`, see report/calendar.ts). */
export function compoundReport(p: CompoundRun, rows: readonly CompoundRow[], parts: readonly ReportPart[] = [], axis: CycleAxis | null = null): Report {
  const total = rows.at(-1)!.total;
  const k = compoundFactor(p);
  const growth = 1 + k - p.churn;
  const withLost = p.churn > 0;
  const summary = ({ words, numbers }: Style) => [
    words.compound.becomes(numbers, { start: p.start, total, years: p.years }),
    words.compound.factor(numbers, {
      k,
      rate: p.rate,
      conversion: p.conversion,
      referrers: p.nonreferrers > 0 ? 1 - p.nonreferrers : null,
      churn: withLost ? p.churn : null,
      growth,
      market: p.market !== null,
    }),
    ...(p.market === null ? [] : [words.market(numbers, p.market, rows.reduce((sum, r) => sum + Number(r.new), 0))]),
  ];
  const columns = ['year', 'new', ...(withLost ? ['lost'] : []), 'total'];
  const byYear = rows.map((r) => ({ year: r.year, new: r.new, ...(withLost ? { lost: r.lost } : {}), total: r.total }));
  const table = axis ? axis.rows(byYear) : byYear;
  const chart = totalsChart('compound', p, { start: 1, conversion: 1, churn: 0, nonreferrers: 0, paid: 0 }, 'year', rows.map((r) => r.total), null, { kind: 'compound', start: p.start, rate: p.rate, periods: p.years, conversion: p.conversion, churn: p.churn });
  return joinParts(
    {
      columns: axis ? axis.columns(columns) : columns,
      rows: table,
      total: { value: total },
      summary: axis ? axis.summary(p.start, total, summary) : summary,
      chart: axis ? axis.chart(chart) : chart,
      json: { command: 'compound', parameters: compoundParameters(p), rows: table, total, referralFactor: k, growthFactor: growth },
    },
    axis ? axis.parts(parts) : parts,
  );
}
