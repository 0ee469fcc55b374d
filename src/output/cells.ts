import type { Count } from '../model/count.js';
import { amountFormat, isAmount } from './amount.js';
import type { Cell } from './delimited.js';
import { columnFormat, shareFormat } from './number.js';
import type { TableData } from './report.js';
import type { Words } from './words/words.js';

/**
 * How a table writes its cells for people: one rule per column (see columnFormat), the total
 * line formatted as its column, shares as percentages, amounts in the currency, names in the
 * first column in words where the table says how (`named`). Tables and
 * the HTML report share it.
 */
export function cellFormatter(data: TableData, locale: string, words: Words): (row: Record<string, Cell>, column: string) => string {
  const percent = shareFormat(locale);
  const formats = new Map(
    data.columns.map((c) => {
      const values = data.rows.map((row) => row[c]).filter((v): v is Count => typeof v === 'number' || typeof v === 'bigint');
      if (c === data.columns.at(-1) && data.total && (typeof data.total.value === 'number' || typeof data.total.value === 'bigint')) values.push(data.total.value);
      return [c, columnFormat(values, locale)] as const;
    }),
  );
  const money = amountFormat(locale, data.currency ?? null);
  const blank = data.blank?.(words) ?? '';
  return (row, column) => {
    const v = row[column] ?? null;
    if (v === null || v === undefined) return blank;
    if (isAmount(v)) return money(v);
    if (typeof v === 'number' && data.shares?.includes(column)) return percent(v);
    // The first column's names, as the reader's language words them (a fit's `negbin`: `negative binomial`).
    if (typeof v === 'string' && data.named && column === data.columns[0]) return data.named(words, v);
    return typeof v === 'bigint' || typeof v === 'number' ? formats.get(column)!(v) : String(v);
  };
}

