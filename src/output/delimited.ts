import type { Json } from './json.js';
import { isAmount } from './amount.js';

/** A flat cell of a spreadsheet row. */
export type Cell = Json;

/**
 * A cell as text. Text (not numbers) that a spreadsheet would run as a formula, starting with
 * `=`, `+`, `-`, `@` (after any blanks, which some spreadsheets skip), a tab or a carriage
 * return, gets a leading `'` (OWASP's advice on CSV injection); numbers, negative ones
 * included, are written as they are: whole ones in full, others to 15 significant digits,
 * what a spreadsheet keeps (`187.62`, not the double's `187.61999999999998`).
 */
function plain(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (isAmount(cell)) return cell.decimal();
  if (typeof cell === 'number' && !Number.isFinite(cell)) throw new RangeError(`cannot write ${cell}`);
  if (typeof cell === 'string') return formulaLike(cell) ? `'${cell}` : cell;
  if (typeof cell === 'number' && !Number.isInteger(cell)) return String(Number(cell.toPrecision(15)));
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}

/**
 * Whether a spreadsheet could take text as a formula: a tab or carriage return first, or `=`,
 * `+`, `-` or `@` after any spaces (`/^(?:[\t\r]| *[=+\-@])/`, scanned: the writers here run
 * no pattern, which V8 would compile at every start; docs/performance.md).
 *
 * @example formulaLike('  =SUM(A1:A9)') // => true
 */
export function formulaLike(text: string): boolean {
  if (text[0] === '\t' || text[0] === '\r') return true;
  let i = 0;
  while (text[i] === ' ') i++;
  return text[i] === '=' || text[i] === '+' || text[i] === '-' || text[i] === '@';
}

/**
 * Text on one line: each run of tabs and line breaks one space (`.replace(/[\t\r\n]+/g, ' ')`).
 *
 * @example withoutBreaks('a\t\tb\r\nc') // => 'a b c'
 */
export function withoutBreaks(text: string): string {
  let out = '';
  let breaking = false;
  for (const c of text) {
    const blank = c === '\t' || c === '\r' || c === '\n';
    if (!blank) out += c;
    else if (!breaking) out += ' ';
    breaking = blank;
  }
  return out;
}

/**
 * How a spreadsheet in a decimal-comma locale (nl-NL, de-DE, fr-FR) expects CSV: `;` between
 * fields, the decimal comma in numbers, and a UTF-8 byte-order mark (without it Excel reads
 * the file as the system's legacy code page).
 */
export interface CsvDialect {
  separator: ';';
  decimal: ',';
}

/**
 * RFC 4180 CSV: a header row, comma separators, CRLF line ends, and fields holding a
 * separator, quote or line break quoted with inner quotes doubled. Numbers are plain digits
 * with a dot; with a {@link CsvDialect}, `;` separators and decimal commas instead.
 *
 * @example toCsv(['level', 'total'], [{ level: 0, total: 1n }]) // => 'level,total\r\n0,1\r\n'
 * @example toCsv(['share'], [{ share: 0.5 }], { separator: ';', decimal: ',' }) // => '\ufeffshare\r\n0,5\r\n'
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[], dialect?: CsvDialect): string {
  const separator = dialect?.separator ?? ',';
  const field = (cell: Cell) => {
    const text = dialect && (typeof cell === 'number' || isAmount(cell)) ? plain(cell).replace('.', dialect.decimal) : plain(cell);
    return text.includes(separator) || text.includes('"') || text.includes('\r') || text.includes('\n') ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const body = [columns, ...rows.map((row) => columns.map((c) => row[c] ?? null))].map((r) => r.map(field).join(separator) + '\r\n').join('');
  return dialect ? `\ufeff${body}` : body;
}

/**
 * Tab-separated values for pasting into a spreadsheet: a header row, tabs, LF line ends.
 * Tabs and line breaks inside a field become spaces (TSV has no quoting).
 *
 * @example toTsv(['level', 'total'], [{ level: 0, total: 1n }]) // => 'level\ttotal\n0\t1\n'
 */
export function toTsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const field = (cell: Cell) => withoutBreaks(plain(cell));
  return [columns, ...rows.map((row) => columns.map((c) => row[c] ?? null))].map((r) => r.map(field).join('\t') + '\n').join('');
}
