import Table from 'cli-table3';
import { cellFormatter } from './cells.js';
import { isLargeAmount } from './amount.js';
import type { Style, TableData } from './report.js';
import { isShortened } from './number.js';
import { wrapWords } from './wrap.js';

export type { TableData } from './report.js';

/** Rows shown before a table elides its middle: cli-table3 slows down past thousands. */
export const maxTableRows = 200;

/**
 * A cli-table3 table with numbers grouped by locale and right-aligned, cli-table3's own
 * colours switched off (colour comes from the style's `chalk`, level 0 for none), the
 * middle elided past {@link maxTableRows} rows, and the summary sentences below.
 */
export function renderTable(data: TableData, style: Style): string {
  const { chalk, locale, words } = style;
  const summary = [...data.summary(style)];
  if (data.columns.length === 0) return summary.flatMap((line) => wrapWords(line, style.wrap)).map((line) => `${line}\n`).join('');
  const cellOf = cellFormatter(data, locale, words);
  const shortened = data.rows.some((row) => data.columns.some((c) => isShortened(row[c]) || isLargeAmount(row[c]))) || isShortened(data.total?.value);
  if (shortened) summary.push(words.table.shortened);
  const table = new Table({
    head: data.columns.map((c) => chalk.bold(words.column(c))),
    style: { head: [], border: [], compact: true },
    colAligns: data.columns.map(() => 'right'),
  });
  const rows = data.rows;
  const shown = rows.length > maxTableRows ? [...rows.slice(0, maxTableRows / 2), null, ...rows.slice(-maxTableRows / 2)] : rows;
  for (const row of shown) {
    if (row === null) {
      const hidden = rows.length - maxTableRows;
      table.push([{ colSpan: data.columns.length, hAlign: 'center', content: chalk.dim(words.table.moreRows(style.numbers, hidden)) }]);
    } else {
      table.push(data.columns.map((c) => cellOf(row, c)));
    }
  }
  if (data.total) {
    const label = { colSpan: Math.max(1, data.columns.length - 1), content: chalk.bold(words.totalLabel) };
    const last = data.columns.at(-1)!;
    const totalCell = cellOf({ [last]: data.total.value }, last);
    table.push(data.columns.length > 1 ? [label, chalk.bold(totalCell)] : [chalk.bold(totalCell)]);
  }
  const more = (data.after ?? []).map((extra) => renderTable(extra, style).trimEnd());
  return [table.toString(), ...more, ...summary.flatMap((line) => wrapWords(line, style.wrap))].join('\n') + '\n';
}

