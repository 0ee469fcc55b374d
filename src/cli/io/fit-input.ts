import type { FitInput } from '../../model/fit/fit-input.js';
import { recordDay } from './record-dates.js';
import { isoOfDay } from '../../model/calendar/iso-of-day.js';
import type { Frequencies } from '../../model/fit/frequencies.js';
import { frequencies } from '../../model/fit/frequencies.js';
import { UsageError } from './io.js';
import { isInvalid, maxValueLength, quoted, wholeNumber } from '../flags/parse.js';
import { strictJson } from '../flags/strict-json.js';
import type { SheetRows } from './read-sheet.js';

/**
 * Reading referral records: CSV, TSV or JSON, in three shapes, into a frequency table.
 * Every value is read by the flags' rule (number-reading.ts) and every problem is one line
 * naming the file, the row and the column.
 */

/**
 * The largest file `fans fit` reads: 64 MiB, about 6 million rows of counts or 2 million fans
 * of who referred whom (a million rows of a CRM export are 10 to 30 MB). Who referred whom keeps
 * every id: at this size about 600 MiB and 12 s here (npm run limits).
 */
export const maxFitBytes = 64 * 1024 * 1024;
/** The largest count or chain size: past a billion a referral count is a data error. */
export const maxCount = 1e9;
/**
 * The most columns a record may have, and the longest field (in characters), checked while
 * a record is read, before reading on: a 60 MB line of `1,1,1,…` (30 million columns) or one
 * quoted field of 60 MB is refused at once, not after gigabytes (a CRM export has tens of
 * columns; a long note field a few thousand characters).
 */
export const maxColumns = 1000;
export const maxFieldLength = 65_536;
/**
 * The most fans of a who-referred-whom file: every id is kept, about 200 bytes a fan, so this
 * bounds such a fit to about 600 MiB (npm run limits). A million referrals take 2 to 3 s.
 */
export const maxReferralFans = 2_000_000;

export const inputFormats = ['csv', 'tsv', 'json'] as const;
export type InputFormat = (typeof inputFormats)[number];

/** What to read and how. */
export interface FitInputOptions {
  /** The file's label for messages (`<stdin>` for `-`). */
  file: string;
  input?: InputFormat | undefined;
  /** The column of counts or sizes. */
  column?: string | undefined;
  /** Who referred whom: the id column and the referrer column. */
  id?: string | undefined;
  referredBy?: string | undefined;
  sizes: boolean;
  /** Who referred whom, dated: the column of join dates (else one named as {@link joinedNames}), and the export's day (else the latest join). */
  joined?: string | undefined;
  asOf?: number | undefined;
  /** Leave any join dates unread (a forecast's `--fit FILE`, which takes the counts' fit). */
  undated?: boolean;
}

/** Columns taken as the join date without --joined (compared without case). */
export const joinedNames = ['joined', 'joined_at', 'join_date', 'signed_up_at', 'signup_date', 'signed_up', 'created_at'];

/** Table data: a header and records, walked once. */
interface Records {
  header: string[];
  /** Calls `each` with each record's fields and its row number (the header is row 1, or none). */
  forEach(each: (fields: readonly string[], row: number) => void): void;
}

/**
 * CSV or TSV records (RFC 4180 quoting: a field in double quotes may hold the separator, line
 * breaks and doubled quotes), read in one pass over the text, each record handed on and
 * dropped: memory does not grow with the rows. A leading byte-order mark is skipped.
 */
function delimitedRecords(text: string, separator: string, file: string): Records {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const walk = (each: (fields: string[], row: number) => boolean | void) => {
    let i = start;
    let row = 0;
    const n = text.length;
    while (i < n) {
      row++;
      const fields: string[] = [];
      for (;;) {
        let field = '';
        if (text[i] === '"') {
          i++;
          for (;;) {
            const close = text.indexOf('"', i);
            if (close < 0) throw new UsageError(`${file}: row ${row}: a quoted field is not closed`);
            if (field.length + close - i > maxFieldLength) throw tooLong(file, row);
            field += text.slice(i, close);
            i = close + 1;
            if (text[i] === '"') {
              field += '"';
              i++;
            } else break;
          }
          if (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') throw new UsageError(`${file}: row ${row}: text after a closing quote`);
        } else {
          let end = i;
          while (end < n && text[end] !== separator && text[end] !== '\n' && text[end] !== '\r') end++;
          if (end - i > maxFieldLength) throw tooLong(file, row);
          field = text.slice(i, end);
          i = end;
        }
        if (fields.length === maxColumns) throw tooWide(file, row);
        fields.push(field);
        if (i < n && text[i] === separator) {
          i++;
          continue;
        }
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        break;
      }
      // Blank lines (a trailing newline, a spreadsheet's empty rows) are not records.
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (each(fields, row) === false) return;
    }
  };
  let header: string[] = [];
  walk((fields) => {
    header = fields.map((f) => f.trim());
    return false;
  });
  // No header, only numbers (`3`, `0`, `1`, ...): the columns are named `value` (or `column 2`, ...).
  const headerless = header.length > 0 && header.every((h) => !isInvalid(countRule(h)));
  if (headerless) header = header.map((_, c) => (header.length === 1 ? 'value' : `column ${c + 1}`));
  return {
    header,
    forEach: (each) => {
      let first = !headerless;
      walk((fields, row) => {
        if (first) {
          first = false;
          return;
        }
        each(fields, row);
      });
    },
  };
}

/**
 * A spreadsheet's rows as records (see read-sheet.ts): the first non-empty row is the header
 * (or, when it holds only numbers, the first row of data, as in CSV); rows are numbered as the
 * spreadsheet numbers them; empty rows are skipped.
 */
function sheetRecords(sheet: SheetRows, file: string): Records {
  const rows = sheet.rows;
  rows.forEach((row, i) => {
    if (row.length > maxColumns) throw tooWide(file, i + 1);
    if (row.some((cell) => cell.length > maxFieldLength)) throw tooLong(file, i + 1);
  });
  const filled = (row: readonly string[]) => row.some((cell) => cell.trim() !== '');
  const first = rows.findIndex(filled);
  let header = first < 0 ? [] : rows[first]!.map((cell) => cell.trim());
  const headerless = header.length > 0 && header.every((h) => !isInvalid(countRule(h)));
  if (headerless) header = header.map((_, c) => (header.length === 1 ? 'value' : `column ${c + 1}`));
  return {
    header,
    forEach: (each) => {
      for (let i = headerless ? first : first + 1; first >= 0 && i < rows.length; i++) if (filled(rows[i]!)) each(rows[i]!, i + 1);
    },
  };
}

const tooLong = (file: string, row: number) => new UsageError(`${file}: row ${row}: a field is longer than ${maxFieldLength.toLocaleString('en-US')} characters; fans reads referral records, one fan a row`);
const tooWide = (file: string, row: number) => new UsageError(`${file}: row ${row}: has more than ${maxColumns.toLocaleString('en-US')} columns; fans reads referral records, one fan a row`);

/** JSON records: an array of numbers (one column, `value`) or of objects (their keys are the columns). */
function jsonRecords(text: string, file: string): Records {
  let data: unknown;
  try {
    data = strictJson(text);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const rows = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : null;
  if (rows === null) throw new UsageError(`${file}: must be a JSON array of numbers or of objects (or {"rows": [...]})`);
  if (rows.every((r) => typeof r === 'number' || typeof r === 'string')) {
    return { header: ['value'], forEach: (each) => rows.forEach((r, i) => each([String(r)], i + 1)) };
  }
  // The keys of all objects, in the order first seen, in a set: a list's includes() made
  // 160,000 objects with keys of their own take 33 s. At most maxColumns of them.
  const keys = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new UsageError(`${file}: item ${i + 1}: must be an object like the others`);
    for (const key of Object.keys(r)) {
      if (keys.has(key)) continue;
      if (keys.size === maxColumns) throw new UsageError(`${file}: item ${i + 1}: the objects have more than ${maxColumns.toLocaleString('en-US')} different keys; fans reads referral records, one fan an object with the same keys`);
      keys.add(key);
    }
  }
  const header = [...keys];
  return {
    header,
    forEach: (each) =>
      rows.forEach((r, i) => {
        const record = r as Record<string, unknown>;
        each(header.map((key) => (record[key] === undefined || record[key] === null ? '' : typeof record[key] === 'object' ? '\u0000object' : String(record[key]))), i + 1);
      }),
  };
}

/** The format of a text: JSON when it starts with `[` or `{`, TSV when its first line has a tab, else CSV (`;` when its first line has one and no comma). */
function detectFormat(text: string): { format: InputFormat; separator: string } {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '');
  if (/^\s*[[{]/.test(head)) return { format: 'json', separator: '' };
  const line = head.split(/\r?\n/, 1)[0]!;
  if (line.includes('\t')) return { format: 'tsv', separator: '\t' };
  return { format: 'csv', separator: line.includes(';') && !line.includes(',') ? ';' : ',' };
}

const countRule = wholeNumber(0, maxCount);
const sizeRule = wholeNumber(1, maxCount);

/** A cell as a whole number by the rule, or a UsageError naming the file, row and column. */
function cellNumber(file: string, row: number, column: string, text: string, rule: (text: string) => number | { invalid: string }): number {
  const value = text.length > maxValueLength ? { invalid: `is too long: at most ${maxValueLength} characters` } : rule(text);
  if (isInvalid(value)) throw new UsageError(`${file}: row ${row}, column ${quoted(column)}: ${value.invalid} (got ${quoted(text)})`);
  return value;
}

const columnList = (header: readonly string[]) => header.slice(0, 12).map(quoted).join(', ') + (header.length > 12 ? ', …' : '');

/**
 * Reads referral records from a file's text into a frequency table of per-fan counts (from a
 * count column, or from who referred whom) or of chain sizes.
 */
export function readFitInput(source: string | SheetRows, options: FitInputOptions): FitInput {
  const { file } = options;
  const empty = () => new UsageError(`${file}: is empty; expected a header row and one row per fan (or per chain with --sizes)`);
  let records: Records;
  if (typeof source !== 'string') {
    records = sheetRecords(source, file);
    if (records.header.length === 0) throw empty();
  } else {
    const text = source;
    if (text.replace(/^\ufeff/, '').trim() === '') throw empty();
    const detected = detectFormat(text);
    const format = options.input ?? detected.format;
    records = format === 'json' ? jsonRecords(text, file) : delimitedRecords(text, format === 'tsv' ? '\t' : detected.separator === '\t' ? ',' : detected.separator, file);
  }
  const header = records.header;
  const index = (name: string) => header.indexOf(name);
  const missing = (name: string, flag: string) => new UsageError(`${file}: no column ${quoted(name)}${flag ? ` (${flag})` : ''}; the columns are ${columnList(header)}`);

  const idName = options.id ?? 'id';
  const byName = options.referredBy ?? 'referred_by';
  const referrals = !options.sizes && (options.id !== undefined || options.referredBy !== undefined || (index(idName) >= 0 && index(byName) >= 0));
  if (referrals) {
    if (index(idName) < 0) throw missing(idName, '--id');
    if (index(byName) < 0) throw missing(byName, '--referred-by');
    // The join dates: --joined, else a column named as join dates are.
    const joinedName = options.undated ? undefined : (options.joined ?? header.find((name) => joinedNames.includes(name.trim().toLowerCase())));
    if (options.joined !== undefined && index(options.joined) < 0) throw missing(options.joined, '--joined');
    return whoReferredWhom(records, file, idName, byName, joinedName ?? null, options.asOf);
  }

  // The count (or size) column: --column, else `referrals` (`size` with --sizes), else the only numeric one.
  const preferred = options.sizes ? 'size' : 'referrals';
  let column = options.column;
  if (column !== undefined && index(column) < 0) throw missing(column, '--column');
  if (column === undefined) column = index(preferred) >= 0 ? preferred : onlyNumericColumn(records, file, options.sizes);
  const at = index(column);
  const rule = options.sizes ? sizeRule : countRule;
  const map = new Map<number, number>();
  let rows = 0;
  records.forEach((fields, row) => {
    rows++;
    const value = cellNumber(file, row, column, fields[at] ?? '', rule);
    map.set(value, (map.get(value) ?? 0) + 1);
  });
  if (rows === 0) throw new UsageError(`${file}: has a header but no rows of data`);
  return { shape: options.sizes ? 'sizes' : 'counts', frequencies: frequencies(map), rows, columns: [column] };
}

/** The one column whose first 100 values all read as numbers; a UsageError naming the columns when there is none or more than one. */
function onlyNumericColumn(records: Records, file: string, sizes: boolean): string {
  const header = records.header;
  const numeric = header.map(() => true);
  let seen = 0;
  try {
    records.forEach((fields) => {
      header.forEach((_, c) => {
        if (numeric[c] && isInvalid(countRule(fields[c] ?? ''))) numeric[c] = false;
      });
      if (++seen >= 100) throw new Stop();
    });
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  const candidates = header.filter((_, c) => numeric[c]);
  if (candidates.length === 1) return candidates[0]!;
  const what = sizes ? 'chain sizes' : 'referral counts';
  throw new UsageError(
    `${file}: ${candidates.length === 0 ? `no column of whole numbers for the ${what}` : `more than one column could hold the ${what} (${columnList(candidates)})`}: name it with --column; the columns are ${columnList(header)}`,
  );
}

class Stop extends Error {}

/**
 * Who referred whom: one row per fan with an id and the id of whoever referred them (empty
 * for a seed). Each fan's count is the number of rows naming them, zeros included. Ids are
 * unique and nobody is their own referrer, however far back (a cycle). A referrer who is not
 * in the file joined before the export's window: the referee is a fan (a seed here), and the
 * referrer's own count, unknown, is left out (counted in `outside`).
 */
function whoReferredWhom(records: Records, file: string, idName: string, byName: string, joinedName: string | null, asOfDay: number | undefined): FitInput {
  const idAt = records.header.indexOf(idName);
  const byAt = records.header.indexOf(byName);
  const joinedAt = joinedName === null ? -1 : records.header.indexOf(joinedName);
  const days: number[] = [];
  // Each fan is a number (its order in the file); ids are looked up once.
  const index = new Map<string, number>();
  const rows: number[] = [];
  const referrers: string[] = [];
  const cell = (fields: readonly string[], at: number, row: number, name: string): string => {
    const text = (fields[at] ?? '').trim();
    if (text.length > maxValueLength) throw new UsageError(`${file}: row ${row}, column ${quoted(name)}: is too long: at most ${maxValueLength} characters (got ${quoted(text)})`);
    return text;
  };
  // A file's dates repeat (a day has many joins): each text is read once, up to 10,000 of them remembered.
  const known = new Map<string, ReturnType<typeof recordDay>>();
  const dayOfText = (text: string) => {
    let day = known.get(text);
    if (day === undefined) {
      if (known.size >= 10_000) known.clear();
      known.set(text, (day = recordDay(text)));
    }
    return day;
  };
  records.forEach((fields, row) => {
    if (rows.length === maxReferralFans) throw new UsageError(`${file}: row ${row}: more than ${maxReferralFans.toLocaleString('en-US')} fans; fans fits who referred whom for at most that many (fit a sample, or a column of counts)`);
    const id = cell(fields, idAt, row, idName);
    if (id === '') throw new UsageError(`${file}: row ${row}, column ${quoted(idName)}: is empty; every fan needs an id`);
    const earlier = index.get(id);
    if (earlier !== undefined) throw new UsageError(`${file}: row ${row}, column ${quoted(idName)}: ${quoted(id)} is already the id of row ${rows[earlier]}`);
    index.set(id, rows.length);
    rows.push(row);
    referrers.push(cell(fields, byAt, row, byName));
    if (joinedAt >= 0) {
      const text = cell(fields, joinedAt, row, joinedName!);
      const day = text === '' ? { invalid: 'is empty; a dated fit needs every fan\'s join date' } : dayOfText(text);
      if (isInvalid(day)) throw new UsageError(`${file}: row ${row}, column ${quoted(joinedName!)}: ${day.invalid} (got ${quoted(text)})`);
      days.push(day);
    }
  });
  const n = rows.length;
  if (n === 0) throw new UsageError(`${file}: has a header but no rows of data`);
  const parent = new Int32Array(n);
  const counts = new Int32Array(n);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const by = referrers[i]!;
    if (by === '') {
      parent[i] = -1;
      continue;
    }
    const j = index.get(by);
    if (j === undefined) {
      // A referrer outside the file: an export of a window, whose referrer joined before it. The referee is a fan; the referrer's own count is unknown and left out.
      outside++;
      parent[i] = -1;
      continue;
    }
    parent[i] = j;
    counts[j]!++;
  }
  // A cycle: following referrers from some fan never reaches a seed. Each fan is walked once.
  const state = new Uint8Array(n); // 1: on the current path, 2: reaches a seed
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let at = i;
    path.length = 0;
    while (at >= 0 && state[at] !== 2) {
      if (state[at] === 1) {
        const id = referrers[at] === '' ? '' : [...index].find(([, v]) => v === at)![0];
        throw new UsageError(`${file}: row ${rows[at]}, column ${quoted(byName)}: ${quoted(id)} is in a cycle of referrals (someone is, in the end, their own referrer)`);
      }
      state[at] = 1;
      path.push(at);
      at = parent[at]!;
    }
    for (const p of path) state[p] = 2;
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) map.set(counts[i]!, (map.get(counts[i]!) ?? 0) + 1);
  const dated = joinedAt >= 0 ? datedRecords(file, joinedName!, days, parent, counts, rows, asOfDay) : undefined;
  return { shape: 'referrals', frequencies: frequencies(map), rows: n, columns: dated ? [idName, byName, joinedName!] : [idName, byName], ...(outside > 0 ? { outside } : {}), ...(dated ? { dated } : {}) };
}

/** The longest span of join dates (to the export's date) a dated fit reads: ten years of days. */
export const maxDatedDays = 3653;

/**
 * Who referred whom with join dates, as the dated fit reads them: each fan's count and days
 * from joining to the export (`asOf`, else the latest join), grouped; each referral's delay in
 * days. A join after the export, or a referee joining before their referrer, is a UsageError
 * naming the row.
 */
function datedRecords(file: string, column: string, days: readonly number[], parent: Int32Array, counts: Int32Array, rows: readonly number[], asOfDay: number | undefined): NonNullable<FitInput['dated']> {
  const latest = days.reduce((a, b) => Math.max(a, b), -Infinity);
  const from = days.reduce((a, b) => Math.min(a, b), Infinity);
  const asOf = asOfDay ?? latest;
  // Each likelihood evaluation reads the delay law day by day across the span: at most ten years of it.
  if (asOf - from > maxDatedDays) throw new UsageError(`${file}: column ${quoted(column)}: the dates span ${isoOfDay(from)} to ${isoOfDay(asOf)}, more than the ${maxDatedDays.toLocaleString('en-US')} days (ten years) a dated fit reads: fit the fans who joined in the last ten years`);
  const groups = new Map<number, { count: number; exposure: number; fans: number }>();
  const delays = new Map<number, number>();
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (day > asOf) throw new UsageError(`${file}: row ${rows[i]}, column ${quoted(column)}: ${isoOfDay(day)} is after the export's date, --as-of ${isoOfDay(asOf)}`);
    const p = parent[i]!;
    if (p >= 0) {
      const delay = day - days[p]!;
      if (delay < 0) throw new UsageError(`${file}: row ${rows[i]}, column ${quoted(column)}: joined ${isoOfDay(day)}, before their referrer (row ${rows[p]}, ${isoOfDay(days[p]!)})`);
      delays.set(delay, (delays.get(delay) ?? 0) + 1);
    }
    const exposure = asOf - day;
    const key = counts[i]! * 1e6 + exposure;
    const g = groups.get(key) ?? { count: counts[i]!, exposure, fans: 0 };
    g.fans++;
    groups.set(key, g);
  }
  const values = [...delays.keys()].sort((a, b) => a - b);
  return { data: { fans: [...groups.values()], delays: { values, counts: values.map((v) => delays.get(v)!) } }, column, asOf, from };
}

/** The zeros an export of referrers alone leaves out: `fans` fans in all, `rows` of them listed. */
export function withMissingZeros(input: FitInput, fans: number, file: string): Frequencies {
  if (fans < input.rows) throw new UsageError(`--fans ${fans} is fewer than the ${input.rows} fans listed in ${file}`);
  const map = new Map(input.frequencies.values.map((v, j) => [v, input.frequencies.counts[j]!]));
  map.set(0, (map.get(0) ?? 0) + fans - input.rows);
  return frequencies(map);
}
