import * as z from 'zod/mini';
import { type CompoundRow, compoundFactor, compoundGrowth, isCompoundExact } from '../../model/growth/compound.js';
import type { Report, Style } from '../../output/render.js';
import { fields, marketHoldsStart } from '../flags/options.js';
import { exactDigits, withinDigits, withinRange } from './overflow.js';
import { thousands } from '../flags/parse.js';
import { once } from '../flags/validate.js';
import { totalsChart } from './words.js';

/** Flags of `fans compound`, checked once. */
export const compoundSchema = once(() =>
  z.strictObject(fields(['start', 'rate', 'years', 'conversion', 'nonreferrers', 'churn', 'market', 'paid'])).check(z.superRefine(marketHoldsStart)),
);
export type CompoundFlags = z.infer<ReturnType<typeof compoundSchema>>;

/** The parameters as output writes them: `paid` only when fans are bought. */
export function compoundParameters(p: CompoundFlags) {
  const { paid, ...rest } = p;
  return { ...rest, ...(paid > 0 ? { paid } : {}) };
}

/** `fans compound` as a report: the compound model's rows, total and summary. */
export function compoundReport(p: CompoundFlags, rows: readonly CompoundRow[]): Report {
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
  const table = rows.map((r) => ({ year: r.year, new: r.new, ...(withLost ? { lost: r.lost } : {}), total: r.total }));
  return {
    columns,
    rows: table,
    total: { value: total },
    summary,
    chart: totalsChart('compound', p, { start: 1, conversion: 1, churn: 0, nonreferrers: 0, paid: 0 }, 'year', rows.map((r) => r.total), null, { kind: 'compound', start: p.start, rate: p.rate, periods: p.years, conversion: p.conversion, churn: p.churn }),
    json: { command: 'compound', parameters: compoundParameters(p), rows: table, total, referralFactor: k, growthFactor: growth },
  };
}

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
