import type { Count } from '../model/count.js';
import type { Cell } from './delimited.js';
import { columnRule } from './number.js';
import { isAmount } from './amount.js';
import { parameterList, shares } from './parameters.js';
import { type Report, type Style, type TableData, headingOf } from './report.js';
import type { Words } from './words/index.js';

/** About how many characters of the default font an A4 portrait page prints across, within Excel's default margins. */
const portraitCharacters = 90;

/** Excel keeps 15 significant digits: exact integers longer than that go in as text. */
const exactDigits = 15;

/** The Excel number format of a column, by the table's rule for it (number.ts). */
function formatCode(values: readonly Count[], share: boolean): string {
  if (share) return '0.0%';
  const rule = columnRule(values);
  switch (rule.kind) {
    case 'scientific':
      return '0.00000E+00';
    case 'tiny':
      return '0.00E+00';
    case 'whole':
      return '#,##0';
    case 'fixed':
      return `#,##0.${'0'.repeat(rule.decimals)}`;
  }
}

/** Whether a value is an exact integer past what a spreadsheet's number keeps. */
const tooLong = (value: Cell): boolean => typeof value === 'bigint' && (value >= 10n ** BigInt(exactDigits) || value <= -(10n ** BigInt(exactDigits)));

export type SheetCell = { value: string | number | Date; type?: NumberConstructor | StringConstructor | DateConstructor; format?: string; fontWeight?: 'bold'; align?: 'left' | 'right' } | null;

/**
 * The report as an .xlsx workbook (written by write-excel-file): a sheet of results with the
 * header row frozen, numbers as numeric cells with number formats (grouped thousands,
 * percentages as percentages; the reader's spreadsheet shows them in its own locale), exact
 * integers past 15 digits as text cells; and a sheet with the parameters and the summary.
 * Headings and sheet names are in the style's language. Text cells are never formulas.
 */
export async function renderXlsx(report: Report, style: Style): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const words = style.words;
  const results = tableSheet({ ...report, columns: [...report.columns, ...Object.keys(report.constants ?? {})], rows: report.rows.map((row) => ({ ...row, ...report.constants })) }, words, report.currency ?? null);
  const data = results.data;
  // The total stands apart, after an empty row: a spreadsheet's data range (what it sorts,
  // filters and charts) ends at the empty row, so the total is never sorted in with the periods.
  if (report.total) {
    const totalRow: SheetCell[] = results.columns.map(() => null);
    totalRow[0] = { value: words.totalLabel, type: String, fontWeight: 'bold' };
    totalRow[report.columns.length - 1] = results.cell(report.total.value, results.formats[report.columns.length - 1]!);
    data.push(results.columns.map(() => null), totalRow);
  }
  // A further table (a fit's observed and expected counts, its figures) on a sheet of its own.
  const further = (report.after ?? []).map((table) => ({ table, sheet: tableSheet(table, words, table.currency ?? null) }));

  // Every parameter and assumption (a goal's target and deadline too), named in the sheet's
  // language; numbers stay numbers (shares as percentages), shown in the reader's locale by the spreadsheet.
  const about: SheetCell[][] = [[{ value: words.xlsx.parameter, type: String, fontWeight: 'bold' }, { value: words.xlsx.value, type: String, fontWeight: 'bold' }]];
  for (const [name, value] of parameterList(report.json)) {
    const shown = Array.isArray(value) ? value.join(', ') : value;
    const format = shares.has(name) ? '0.0%' : typeof shown === 'number' && !Number.isInteger(shown) ? 'General' : '#,##0';
    about.push([{ value: words.parameter(name), type: String }, shown === null ? { value: words.xlsx.none, type: String } : results.cell(shown as Cell, format)]);
  }
  const parameterRows = about.length - 1;
  about.push([], [{ value: words.xlsx.summary, type: String, fontWeight: 'bold' }]);
  for (const line of report.summary(style)) about.push([{ value: line, type: String }]);
  if (results.textCells() || further.some((f) => f.sheet.textCells())) about.push([], [{ value: words.xlsx.textCells(exactDigits), type: String }]);

  const sheet = (name: string, built: ReturnType<typeof tableSheet>) => ({
    data: built.data as never,
    sheet: name,
    stickyRowsCount: 1,
    columns: built.widths.map((w) => ({ width: w })),
    // A4 portrait prints about 90 characters across (default margins); a wider table prints landscape.
    ...(built.widths.reduce((sum, w) => sum + w, 0) > portraitCharacters ? { orientation: 'landscape' as const } : {}),
  });
  const bytes = await writeExcelFile([
    sheet(words.xlsx.results, results),
    ...further.map(({ table, sheet: built }) => sheet(table.sheet ? words.xlsx[table.sheet] : words.xlsx.results, built)),
    { data: about as never, sheet: words.xlsx.parameters, columns: [{ width: columnWidth(about.slice(0, parameterRows + 1).map((r) => r[0] ?? null)) }, { width: 24 }] },
  ]).toBuffer();
  return new Uint8Array(bytes);
}

/** A column as wide as its widest text as shown (the whole heading, a date's 10 characters, a number with its grouping and decimals), from 8 to 60 characters. */
const columnWidth = (cells: readonly SheetCell[]) => Math.min(60, Math.max(8, ...cells.map((c) => shownLength(c) + 2)));

/**
 * A table as a sheet's rows: a bold header row in the reader's words (money columns naming
 * their currency), then the rows, numbers as numeric cells with the column's number format,
 * dates as date cells, exact integers past 15 digits as text; and each column's width.
 */
function tableSheet(table: TableData, words: Words, currency: string | null) {
  const { columns, rows } = table;
  const formats = columns.map((c) => formatCode(rows.map((r) => r[c]).filter((v): v is Count => (typeof v === 'number' || typeof v === 'bigint') && !tooLong(v)), table.shares?.includes(c) ?? false));
  let textCells = false;
  const cell = (value: Cell, format: string): SheetCell => {
    if (value === null || value === undefined) return null;
    if (tooLong(value)) {
      textCells = true;
      return { value: String(value), type: String, format: '@', align: 'right' };
    }
    if (typeof value === 'number' || typeof value === 'bigint') return { value: Number(value), type: Number, format };
    if (isAmount(value)) return { value: value.units(), type: Number, format: value.digits > 0 ? `#,##0.${'0'.repeat(value.digits)}` : '#,##0' };
    return { value: typeof value === 'string' ? value : JSON.stringify(value), type: String };
  };
  // A calendar run's dates are date cells (a spreadsheet sorts, filters and charts them as dates), written ISO.
  const dateCell = (value: Cell): SheetCell => {
    const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    return match ? { value: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))), type: Date, format: 'yyyy-mm-dd' } : cell(value, 'General');
  };
  // A column of figures' names (a fit's `extinction`): in the reader's words.
  const named = (value: Cell): SheetCell => (typeof value === 'string' && table.named ? { value: table.named(words, value), type: String } : cell(value, 'General'));
  // A column of mixed figures (a fit's K, p, n): each number in its own general format.
  const mixed = (value: Cell): SheetCell => cell(value, typeof value === 'number' && Number.isInteger(value) ? '#,##0' : 'General');
  // Money columns name their currency in the heading: the cells are plain numbers.
  const isMoney = (c: string) => rows.some((r) => isAmount(r[c]));
  const header = columns.map((c) => ({ value: isMoney(c) && currency ? `${headingOf(table, words, c)} (${currency})` : headingOf(table, words, c), type: String, fontWeight: 'bold' as const }));
  const data: SheetCell[][] = [
    header,
    ...rows.map((row) => columns.map((c, i) => (c === 'date' ? dateCell(row[c] ?? null) : table.named && i === 0 ? named(row[c] ?? null) : table.named ? mixed(row[c] ?? null) : cell(row[c] ?? null, formats[i]!)))),
  ];
  const widths = columns.map((_, i) => columnWidth(data.slice(0, 1000).map((r) => r[i] ?? null)));
  return { data, columns, formats, widths, cell, textCells: () => textCells };
}

/** One number writer per cell format: making an Intl.NumberFormat costs far more than using one. */
const writers = new Map<string, Intl.NumberFormat>();

/**
 * About how many characters a cell shows: a date's `yyyy-mm-dd`, a number in its format
 * (`#,##0.00`: grouped, two decimals; `0.0%`; scientific), text as it is.
 *
 * @example shownLength({ value: 1234567.891, type: Number, format: '#,##0.00' }) // => 12 ('1,234,567.89')
 */
export function shownLength(cell: SheetCell): number {
  if (cell === null) return 0;
  if (cell.value instanceof Date) return 10;
  if (typeof cell.value === 'string') return cell.value.length;
  const format = cell.format ?? 'General';
  if (format.includes('E+')) return format.length + (cell.value < 0 ? 1 : 0);
  let writer = writers.get(format);
  if (writer === undefined) {
    const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
    writer = new Intl.NumberFormat('en-US', { useGrouping: format.includes(','), minimumFractionDigits: decimals, maximumFractionDigits: format === 'General' ? 10 : decimals, style: format.endsWith('%') ? 'percent' : 'decimal' });
    writers.set(format, writer);
  }
  const shown = writer.format(cell.value);
  return shown.length;
}

