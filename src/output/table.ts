import Table from 'cli-table3';
import { cellFormatter } from './cells.js';
import { isLargeAmount } from './amount.js';
import { type Style, type TableData, headingOf } from './report.js';
import { isShortened } from './number.js';
import { stringWidth } from './string-width.js';
import { longestWord, wrapWords } from './wrap.js';

export type { TableData } from './report.js';

/** Rows shown before a table elides its middle: cli-table3 slows down past thousands. */
export const maxTableRows = 200;

/**
 * A cli-table3 table with numbers grouped by locale and right-aligned, cli-table3's own
 * colours switched off (colour comes from the style's `chalk`, level 0 for none), the
 * middle elided past {@link maxTableRows} rows, and the summary sentences below.
 *
 * On a terminal (`style.wrap`, its width) a table wider than the window first breaks its
 * headings at spaces (`cumulative` over `net (USD)`); still too wide, it is written as one
 * block per row, a heading and its value a line (as psql's `\x`). Piped output keeps the
 * whole table on its lines, for scripts.
 */
export function renderTable(data: TableData, style: Style): string {
  const { chalk, locale, words } = style;
  const summary = [...data.summary(style)];
  if (data.columns.length === 0) return summary.flatMap((line) => wrapWords(line, style.wrap)).map((line) => `${line}\n`).join('');
  const cellOf = cellFormatter(data, locale, words);
  const shortened = data.rows.some((row) => data.columns.some((c) => isShortened(row[c]) || isLargeAmount(row[c]))) || isShortened(data.total?.value);
  if (shortened) summary.push(words.table.shortened);
  const rows = data.rows;
  const shown = rows.length > maxTableRows ? [...rows.slice(0, maxTableRows / 2), null, ...rows.slice(-maxTableRows / 2)] : rows;
  const more = (data.after ?? []).filter((extra) => !extra.filesOnly).map((extra) => renderTable(extra, style).trimEnd());
  const tail = summary.flatMap((line) => wrapWords(line, style.wrap));
  let text = drawn(data.columns.map((c) => headingOf(data, words, c)));
  if (style.wrap !== undefined && widest(text) > style.wrap) {
    text = drawn(data.columns.map((c) => wrapWords(headingOf(data, words, c), longestWord(headingOf(data, words, c))).join('\n')));
    if (widest(text) > style.wrap) text = records(data, shown, style, cellOf);
  }
  return [text, ...more, ...tail].join('\n') + '\n';

  function drawn(headings: string[]): string {
    const table = new Table({
      head: headings.map((h) => h.split('\n').map((line) => chalk.bold(line)).join('\n')),
      style: { head: [], border: [], compact: true },
      colAligns: data.columns.map(() => 'right'),
    });
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
    return table.toString();
  }
}

/** The widest line of a text as a terminal shows it (colour codes take no room). */
function widest(text: string): number {
  let most = 0;
  // eslint-disable-next-line no-control-regex
  for (const line of text.split('\n')) most = Math.max(most, stringWidth(line.replace(/\u001b\[[0-9;]*m/g, '')));
  return most;
}


/**
 * The rows as blocks, one line per column (`heading │ value`), for a terminal too narrow for
 * the table: each block headed by its first column's value, the total last.
 */
function records(data: TableData, shown: readonly (TableData['rows'][number] | null)[], style: Style, cellOf: ReturnType<typeof cellFormatter>): string {
  const { chalk, words } = style;
  const headings = data.columns.map((c) => headingOf(data, words, c));
  const pad = Math.max(...headings.map((h) => stringWidth(h)));
  const lines: string[] = [];
  const rule = (title: string) => chalk.dim(`-[ ${title} ]${'-'.repeat(Math.max(0, Math.min(style.wrap ?? 80, pad + 16) - stringWidth(title) - 5))}`);
  for (const row of shown) {
    if (row === null) {
      lines.push(chalk.dim(words.table.moreRows(style.numbers, data.rows.length - maxTableRows)));
      continue;
    }
    lines.push(rule(`${headings[0]} ${cellOf(row, data.columns[0]!).trim()}`));
    data.columns.slice(1).forEach((c, i) => lines.push(`${chalk.bold(headings[i + 1]!.padEnd(pad + headings[i + 1]!.length - stringWidth(headings[i + 1]!)))} │ ${cellOf(row, c).trim()}`));
  }
  if (data.total) {
    const last = data.columns.at(-1)!;
    lines.push(rule(words.totalLabel), `${chalk.bold(headings.at(-1)!.padEnd(pad))} │ ${cellOf({ [last]: data.total.value }, last).trim()}`);
  }
  return lines.join('\n');
}

