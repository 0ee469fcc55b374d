import { type Io, UsageError } from './io.js';
import { quoted } from '../flags/parse.js';

/**
 * Reading a spreadsheet (.xlsx) of referral records with read-excel-file (the same author's
 * reader to write-excel-file, on fflate: no hand-written zip or XML). Loaded only for such a
 * file.
 */

/** A sheet's cells as text, row by row: what the records reader takes in place of a CSV's text. */
export interface SheetRows {
  kind: 'sheet';
  /** The sheet read: its name. */
  sheet: string;
  rows: string[][];
}

/**
 * The most a workbook may hold unpacked: 20 MiB of XML, about 430,000 rows of one column,
 * checked from the zip's directory before anything is unpacked, so a small file that unpacks
 * to gigabytes is refused at once. read-excel-file holds a whole sheet and grows faster than
 * the sheet (measured: 18.5 MiB unpacked, 400,000 rows, 2.7 s and 305 MiB; 27.8 MiB, 5.0 s
 * and 598 MiB; 46.5 MiB, a million rows, 58 s and 1.3 GiB before V8's stack gave out), so a
 * larger sheet is sent to CSV, which fans reads in one pass up to 64 MiB.
 */
export const maxUnpackedBytes = 20 * 1024 * 1024;

/** Whether bytes are a zip (an .xlsx): `PK\x03\x04`. */
export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Whether bytes are an OLE2 compound file: an old .xls (Excel 97-2003). */
export const isOldExcel = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/**
 * A cell as the records reader reads text: numbers as JavaScript writes them (the shortest
 * form that reads back: 3, 0.5, 1e21), dates as ISO dates (`2027-01-31`, the cell's calendar
 * date), booleans as TRUE and FALSE, empty cells as empty.
 *
 * @example cellText(new Date(Date.UTC(2027, 0, 31))) // => '2027-01-31'
 */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/**
 * The rows of one sheet of an .xlsx file's bytes (`sheet`: a name, else the first), as text.
 * Every problem is one UsageError naming the file: not a workbook, an old .xls, too large
 * unpacked, no such sheet (the sheets there named).
 */
export async function readSheetRows(_io: Io, name: string, bytes: Uint8Array, sheet: string | null): Promise<SheetRows> {
  const { unzipSync } = await import('fflate');
  let unpacked = 0;
  try {
    // Only the directory is read: no entry is unpacked here (the filter says no to each).
    unzipSync(bytes, {
      filter: (entry) => {
        unpacked += entry.originalSize;
        return false;
      },
    });
  } catch {
    throw new UsageError(`${name}: is not a readable .xlsx workbook (its zip is damaged); save it again from the spreadsheet, or as CSV UTF-8`);
  }
  if (unpacked > maxUnpackedBytes) throw new UsageError(`${name}: unpacks to ${Math.round(unpacked / 2 ** 20).toLocaleString('en-US')} MiB, more than the 20 MiB (about 430,000 rows) fans reads from a workbook; save the sheet as CSV UTF-8 (fans reads up to 64 MiB of CSV)`);
  const reader = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await reader.default(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) as never;
  } catch (error) {
    throw new UsageError(`${name}: is not a readable .xlsx workbook (${(error as Error).message}); save it again from the spreadsheet, or as CSV UTF-8`);
  }
  const chosen = sheet === null ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) {
    const names = sheets.map((s) => quoted(s.sheet)).join(', ');
    throw new UsageError(sheet === null ? `${name}: has no sheets` : `${name}: has no sheet ${quoted(sheet)} (--sheet); its sheets are ${names}`);
  }
  return { kind: 'sheet', sheet: chosen.sheet, rows: chosen.data.map((row) => row.map(cellText)) };
}
