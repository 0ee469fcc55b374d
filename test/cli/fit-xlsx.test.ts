import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUsageError, fans, root } from './harness.js';
import { cellText } from '../../src/cli/io/read-sheet.js';

const dir = mkdtempSync(join(tmpdir(), 'fans-fit-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = { value: string | number | Date; type?: unknown; format?: string } | null;

/** A workbook of sheets, as a spreadsheet writes it (write-excel-file: numbers as number cells, dates as date cells). */
async function workbook(name: string, sheets: { sheet: string; data: Cell[][] }[]): Promise<string> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const file = join(dir, name);
  writeFileSync(file, new Uint8Array(await writeExcelFile(sheets as never).toBuffer()));
  return file;
}

const json = async (args: string[]) => {
  const ran = await fans([...args, '--format', 'json']);
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout);
};

/** The shipped records (examples/referrals.csv) as rows of cells: numbers as numbers. */
function shippedRows(): Cell[][] {
  const lines = readFileSync(join(root, 'examples', 'referrals.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  return [header.map((h) => ({ value: h, type: String })), ...lines.slice(1).map((line) => line.split(',').map((v, i) => (header[i] === 'referrals' ? { value: Number(v), type: Number } : { value: v, type: String })))];
}

describe('fans fit reads an .xlsx workbook (read-excel-file)', () => {
  it('the same records as a workbook give the same fit as the CSV', async () => {
    const file = await workbook('referrals.xlsx', [{ sheet: 'Referrals', data: shippedRows() }]);
    const csv = await json(['fit', join(root, 'examples', 'referrals.csv')]);
    const xlsx = await json(['fit', file]);
    expect(xlsx.preferred).toEqual(csv.preferred);
    expect(xlsx.candidates).toEqual(csv.candidates);
    expect(xlsx.n).toBe(csv.n);
    expect(xlsx.shape).toBe('counts');
  });

  it('--sheet picks a sheet by name; a missing one names those there', async () => {
    const notes: Cell[][] = [[{ value: 'note', type: String }], [{ value: 'exported from the CRM', type: String }]];
    const file = await workbook('two.xlsx', [
      { sheet: 'Notes', data: notes },
      { sheet: 'Klanten', data: shippedRows() },
    ]);
    const picked = await json(['fit', file, '--sheet', 'Klanten']);
    expect(picked.n).toBe(shippedRows().length - 1);
    expectUsageError(await fans(['fit', file, '--sheet', 'Customers']), /^fans: .*two\.xlsx: has no sheet "Customers" \(--sheet\); its sheets are "Notes", "Klanten"$/);
    // The first sheet holds no counts: said as for a CSV without them.
    expectUsageError(await fans(['fit', file]), /^fans: .*two\.xlsx: /);
  });

  it('who referred whom from a workbook, with dates as date cells beside them', async () => {
    const day = (d: number) => ({ value: new Date(Date.UTC(2027, 0, d)), type: Date, format: 'yyyy-mm-dd' });
    const rows: Cell[][] = [
      [{ value: 'id', type: String }, { value: 'referred_by', type: String }, { value: 'signed_up_at', type: String }],
      [{ value: 'a', type: String }, null, day(1)],
      [{ value: 'b', type: String }, { value: 'a', type: String }, day(5)],
      [{ value: 'c', type: String }, { value: 'a', type: String }, day(9)],
      [{ value: 'd', type: String }, { value: 'b', type: String }, day(12)],
    ];
    const file = await workbook('edges.xlsx', [{ sheet: 'Sheet1', data: rows }]);
    const doc = await json(['fit', file]);
    expect(doc.shape).toBe('referrals');
    // a brought 2, b 1, c and d none: 3 referrals among 4 fans.
    expect(doc.n).toBe(4);
    expect(doc.mean).toBe(0.75);
  });

  it('a --fit forecast reads the workbook too', async () => {
    const file = await workbook('forecast.xlsx', [{ sheet: 'Referrals', data: shippedRows() }]);
    const fromXlsx = await json(['simulate', '--fit', file, '--trials', '500', '--depth', '3', '--seed', '2']);
    const fromCsv = await json(['simulate', '--fit', join(root, 'examples', 'referrals.csv'), '--trials', '500', '--depth', '3', '--seed', '2']);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
  });

  it('refuses, in one line naming the file: an old .xls, a damaged zip, a workbook that unpacks past 20 MiB, --sheet on text', async () => {
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expectUsageError(await fans(['fit', xls]), /old\.xls: is an old Excel file \(\.xls, Excel 97-2003\), which fans does not read: save it as \.xlsx or as CSV UTF-8$/);
    const damaged = join(dir, 'damaged.xlsx');
    writeFileSync(damaged, Buffer.from('PK\x03\x04 this is no zip at all'));
    expectUsageError(await fans(['fit', damaged]), /damaged\.xlsx: is not a readable \.xlsx workbook/);
    // A zip of 30 MiB of zeros: tens of kB on disk, refused from its directory before anything is unpacked.
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(30 * 2 ** 20) }, { level: 1 }));
    expectUsageError(await fans(['fit', bomb]), /bomb\.xlsx: unpacks to 30 MiB, more than the 20 MiB \(about 430,000 rows\) fans reads from a workbook/);
    expectUsageError(await fans(['fit', join(root, 'examples', 'referrals.csv'), '--sheet', 'Sheet1']), /^fans: --sheet names a sheet of an \.xlsx workbook, and .*referrals\.csv is text$/);
  });
});

describe('cellText: a cell as the records reader reads text', () => {
  it.each([
    [3, '3'],
    [0.5, '0.5'],
    [new Date(Date.UTC(2027, 0, 31)), '2027-01-31'],
    [true, 'TRUE'],
    [null, ''],
    ['acct_26a0ae', 'acct_26a0ae'],
  ])('%s', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});
