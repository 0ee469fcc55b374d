import Table from 'cli-table3';
import type { Cell } from './delimited.js';
import type { Style } from './render.js';
import { numberFormat } from './en-us.js';

/** What a table shows: columns, rows, an optional total line and sentences below. */
export interface TableData {
  columns: readonly string[];
  rows: readonly Record<string, Cell>[];
  /** The last line of the table: a label and the value under the last column. */
  total?: { label: string; value: Cell };
  /** One-line sentences printed under the table, written for a style when a table is drawn. */
  summary: (style: Style) => readonly string[];
  /** Columns holding shares (0..1), shown in the table as percentages. */
  shares?: readonly string[];
}

/** Rows shown before a table elides its middle: cli-table3 slows down past thousands. */
export const maxTableRows = 200;

/**
 * A cli-table3 table with numbers grouped by locale and right-aligned, cli-table3's own
 * colours switched off (colour comes from the style's `chalk`, level 0 for none), the
 * middle elided past {@link maxTableRows} rows, and the summary sentences below.
 */
export function renderTable(data: TableData, style: Style): string {
  const { count: format, chalk, locale } = style;
  const summary = data.summary(style);
  if (data.columns.length === 0) return summary.map((line) => `${line}\n`).join('');
  const percent = numberFormat(locale, { style: 'percent', maximumSignificantDigits: 3 });
  const value = (v: Cell): string =>
    v === null || v === undefined ? '' : typeof v === 'bigint' || typeof v === 'number' ? format(v) : String(v);
  const cellOf = (row: Record<string, Cell>, column: string): string => {
    const v = row[column] ?? null;
    return typeof v === 'number' && data.shares?.includes(column) ? percent(v) : value(v);
  };
  const table = new Table({
    head: data.columns.map((c) => chalk.bold(c)),
    style: { head: [], border: [], compact: true },
    colAligns: data.columns.map(() => 'right'),
  });
  const rows = data.rows;
  const shown = rows.length > maxTableRows ? [...rows.slice(0, maxTableRows / 2), null, ...rows.slice(-maxTableRows / 2)] : rows;
  for (const row of shown) {
    if (row === null) {
      const hidden = rows.length - maxTableRows;
      table.push([{ colSpan: data.columns.length, hAlign: 'center', content: chalk.dim(`… ${format(hidden)} more rows: --format csv, tsv or json shows them all …`) }]);
    } else {
      table.push(data.columns.map((c) => cellOf(row, c)));
    }
  }
  if (data.total) {
    const label = { colSpan: Math.max(1, data.columns.length - 1), content: chalk.bold(data.total.label) };
    table.push(data.columns.length > 1 ? [label, chalk.bold(value(data.total.value))] : [chalk.bold(value(data.total.value))]);
  }
  return [table.toString(), ...summary].join('\n') + '\n';
}
