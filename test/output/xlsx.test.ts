import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fans } from '../cli/harness.js';

/**
 * The xlsx output read back by programs that did not write it: openpyxl (Debian's
 * python3-openpyxl, a different library from write-excel-file) for cell types, formats and
 * frozen panes, and LibreOffice Calc (libreoffice-calc-nogui) as a Dutch user's spreadsheet.
 * `.ci/run` installs both; without them these tests are skipped (README: "Spreadsheet tests").
 */
const python = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(python, ['-c', 'import openpyxl']).status === 0;
const hasCalc = spawnSync('soffice', ['--version']).status === 0;

const dir = mkdtempSync(join(tmpdir(), 'fans-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SheetDump {
  title: string;
  frozen: string | null;
  /** Each column's width in characters, A first. */
  widths: number[];
  /** The page's orientation when printed (null: the default, portrait). */
  orientation: string | null;
  rows: [value: unknown, type: string, format: string][][];
}

/** Every sheet of an xlsx file as openpyxl reads it. */
function readWithOpenpyxl(file: string): SheetDump[] {
  const script = `
import json, sys, warnings
warnings.simplefilter('ignore')
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
from openpyxl.utils import get_column_letter
print(json.dumps(default=str, obj=[{'title': ws.title, 'frozen': ws.freeze_panes, 'widths': [ws.column_dimensions[get_column_letter(i + 1)].width for i in range(ws.max_column)], 'orientation': ws.page_setup.orientation, 'rows': [[[c.value, c.data_type, c.number_format] for c in row] for row in ws.iter_rows()]} for ws in wb.worksheets]))
`;
  return JSON.parse(execFileSync(python, ['-c', script, file], { encoding: 'utf8' }));
}

async function xlsx(name: string, args: string[]): Promise<string> {
  const file = join(dir, name);
  const ran = await fans([...args, '--format', 'xlsx', '--output', file, '--force']);
  expect(ran.stderr).toMatch(/^fans: wrote /);
  return file;
}

describe.skipIf(!hasOpenpyxl)('xlsx read back by openpyxl', () => {
  it("a calendar run's dates are date cells, not text", async () => {
    const [results] = readWithOpenpyxl(await xlsx('dated.xlsx', ['simulate', '--cycle', '1m', '--start-date', '2027-01-31']));
    expect(results!.rows[0]!.map(([v]) => v)).toEqual(['level', 'months', 'date', 'new', 'total']);
    // openpyxl reads a date cell as a datetime (here its text, by str), of type 'd' with the date format.
    expect(results!.rows.slice(1, 4).map((r) => r[2])).toEqual([
      ['2027-01-31 00:00:00', 'd', 'yyyy-mm-dd'],
      ['2027-02-28 00:00:00', 'd', 'yyyy-mm-dd'],
      ['2027-03-31 00:00:00', 'd', 'yyyy-mm-dd'],
    ]);
  });

  it("the brief's command (issue #28): --trials 1000, spread-out delays, by month, --value: a month per row with percentiles, money, net bands and the share paid back", async () => {
    const [results] = readWithOpenpyxl(
      await xlsx('plan.xlsx', ['simulate', '--fanout', '10', '--depth', '3', '--trials', '1000', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'month', '--value', '1250', '--start-date', '2027-01-01', '--seed', '1']),
    );
    const header = results!.rows[0]!.map(([v]) => v);
    expect(header).toEqual(['period', 'date', 'new', 'mean', 'p5', 'p50', 'p95', 'extinct', 'revenue (USD)', 'rewards (USD)', 'cost (USD)', 'net (USD)', 'cumulative net (USD)', 'net_p5 (USD)', 'net_p50 (USD)', 'net_p95 (USD)', 'paid back', 'seed']);
    const data = results!.rows.slice(1).filter((r) => /^\d{4}-\d{2}$/.test(String(r[0]![0])));
    expect(data.map((r) => r[0]![0])).toEqual(['2027-01', '2027-02', '2027-03', '2027-04']);
    const column = (name: string) => header.indexOf(name);
    for (const r of data) {
      // Money cells are numbers; the net band is ordered; the share paid back is a percentage.
      expect(r[column('revenue (USD)')]![1]).toBe('n');
      expect(Number(r[column('net_p5 (USD)')]![0])).toBeLessThanOrEqual(Number(r[column('net_p95 (USD)')]![0]));
      expect(r[column('paid back')]![2]).toContain('%');
    }
  });

  it('numbers are numeric cells with number formats, the header row frozen, a parameters sheet', async () => {
    const [results, about] = readWithOpenpyxl(await xlsx('tree.xlsx', ['simulate']));
    expect(results!.title).toBe('Results');
    expect(results!.frozen).toBe('A2');
    expect(results!.rows[0]).toEqual([['level', 's', 'General'], ['new', 's', 'General'], ['total', 's', 'General']]);
    expect(results!.rows.slice(1, 5).map((r) => r.map(([v, t, f]) => [v, t, f]))).toEqual(
      [[0, 1, 1], [1, 10, 11], [2, 100, 111], [3, 1000, 1111]].map((r) => r.map((v) => [v, 'n', '#,##0'])),
    );
    // The total apart from the data, after an empty row that ends the data range.
    expect(results!.rows[5]!.map(([v]) => v)).toEqual([null, null, null]);
    expect(results!.rows[6]![0]).toEqual(['total', 's', 'General']);
    expect(results!.rows[6]![2]).toEqual([1111, 'n', '#,##0']);
    expect(about!.title).toBe('Parameters');
    const values = Object.fromEntries(about!.rows.filter((r) => r.length >= 2 && r[1]![0] !== null).map((r) => [r[0]![0], r[1]![0]]));
    expect(values).toMatchObject({ parameter: 'value', 'start (fans)': 1, fanout: 10, 'depth (steps)': 3, conversion: 1, market: 'none' });
    expect(about!.rows.map((r) => r[0]![0])).toContain('1 fan reaches 1,111 people in 3 steps.');
  });

  it('the parameters in the sheet\'s language, shares as percentages, a goal\'s target and deadline too (#32)', async () => {
    const [, about] = readWithOpenpyxl(await xlsx('goal-nl.xlsx', ['goal', '200', '--by-date', '--fanout', '2', '--conversion', '40%', '--cycle', '1m', '--start-date', '2027-01-01', '--trials', '100', '--seed', '1', '--deadline', '2028-01-01', '--lang', 'nl']));
    const row = (name: string) => about!.rows.find((r) => r[0]![0] === name);
    expect(row('conversie')![1]).toEqual([0.4, 'n', '0.0%']);
    expect(row('doel')![1]![0]).toBe(200);
    expect(row('deadline')![1]![0]).toBe('2028-01-01');
    expect(row('spreiding van de cyclus')![1]![0]).toBe('geen');
    expect(about!.rows.map((r) => r[0]![0])).not.toContain('conversion');
  });

  it('columns as wide as what they show: a date 10 characters, whole headings, money with its grouping (#32 item 6)', async () => {
    const [results] = readWithOpenpyxl(
      await xlsx('widths.xlsx', ['compound', '--rate', '0.59', '--start', '200', '--years', '6', '--cycle', '1m', '--start-date', '2027-01-01', '--value', '1250', '--per', 'year', '--reward', '100', '--lang', 'nl', '--locale', 'nl-NL']),
    );
    const header = results!.rows[0]!.map(([v]) => String(v));
    const width = (name: string) => results!.widths[header.indexOf(name)]!;
    // A date cell shows yyyy-mm-dd: 10 characters and a margin of 2, not the 60 of a JavaScript date's text.
    expect(width('datum')).toBe(12);
    // Every heading whole, the currency included ("beloningen (EUR)" is 16 characters).
    for (const name of header) expect(width(name)).toBeGreaterThanOrEqual(name.length + 2);
    // Money as shown, grouped with two decimals: the widest cumulative net cell decides.
    const cumulative = header.find((h) => h.startsWith('netto cumulatief'))!;
    const widest = Math.max(...results!.rows.slice(1).map((r) => r[header.indexOf(cumulative)]![0]).filter((v): v is number => typeof v === 'number').map((v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).length));
    expect(width(cumulative)).toBe(Math.max(cumulative.length, widest) + 2);
    // Wider than A4 portrait prints (about 90 characters): the sheet prints landscape; a narrow one portrait.
    expect(results!.widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(90);
    expect(results!.orientation).toBe('landscape');
    const [narrow] = readWithOpenpyxl(await xlsx('narrow.xlsx', ['simulate']));
    expect(narrow!.orientation ?? 'portrait').toBe('portrait');
  });

  it('decimals and percentages keep their formats; exact integers past 15 digits are text, and the sheet says so', async () => {
    const [results] = readWithOpenpyxl(await xlsx('sampled.xlsx', ['compound', '--rate', '0.5', '--years', '3', '--trials', '200', '--seed', '3']));
    const header = results!.rows[0]!.map((c) => c[0]);
    const extinct = header.indexOf('extinct');
    const mean = header.indexOf('mean');
    expect(results!.rows[2]![extinct]![2]).toBe('0.0%');
    expect(results!.rows[2]![extinct]![1]).toBe('n');
    expect(results!.rows[2]![mean]![2]).toMatch(/^#,##0\.0+$/);
    expect(header.at(-1)).toBe('seed');
    expect(results!.rows[1]!.at(-1)).toEqual([3, 'n', '#,##0']);

    const [big, bigAbout] = readWithOpenpyxl(await xlsx('big.xlsx', ['simulate', '--depth', '20']));
    expect(big!.rows[16]![2]).toEqual([1111111111111111, 's', '@'].map((v, i) => (i === 0 ? String(v) : v)));
    expect(big!.rows[15]![2]).toEqual([111111111111111, 'n', '#,##0']);
    expect(bigAbout!.rows.map((r) => r[0]![0])).toContain('Exact whole numbers longer than 15 digits are text cells: a spreadsheet keeps only 15 significant digits of a number.');
  });

  it('money columns are numeric cells with two decimals, the currency in the heading', async () => {
    const [results] = readWithOpenpyxl(await xlsx('money.xlsx', ['simulate', '--depth', '2', '--value', '12.50', '--reward', '2', '--currency', 'EUR']));
    const header = results!.rows[0]!.map((c) => c[0]);
    expect(header).toEqual(expect.arrayContaining(['revenue (EUR)', 'cumulativeNet (EUR)'.replace('cumulativeNet', 'cumulative net')]));
    const revenue = header.indexOf('revenue (EUR)');
    expect(results!.rows[2]![revenue]).toEqual([125, 'n', '#,##0.00']);
  });

  it('--lang nl names sheets and headings in Dutch; a scenario name is a text cell, never a formula', async () => {
    const scenarios = join(dir, 'scenarios.json');
    writeFileSync(scenarios, JSON.stringify({ scenarios: [{ name: '=HYPERLINK("http://x")', command: 'simulate' }, { name: 'b', command: 'compound' }] }));
    const [results, about] = readWithOpenpyxl(await xlsx('nl.xlsx', ['compare', scenarios, '--lang', 'nl']));
    expect(results!.title).toBe('Resultaten');
    expect(about!.title).toBe('Parameters');
    expect(results!.rows[0]!.map((c) => c.slice(0, 2))).toEqual([['periode', 's'], ['=HYPERLINK("http://x")', 's'], ['b', 's']]);
  });
});

/**
 * LibreOffice Calc, headless, under a locale: opens `input` (with the import filter
 * `infilter`, for CSV) as that user's spreadsheet does and saves it as `convertTo`.
 */
function calc(locale: string, input: string, convertTo: string, outdir: string, infilter?: string): void {
  const args = ['--headless', `-env:UserInstallation=file://${join(dir, `profile-${locale}`)}`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', convertTo, '--outdir', outdir, input];
  execFileSync('soffice', args, { env: { ...process.env, LANG: locale, LC_ALL: locale }, stdio: 'ignore', timeout: 60_000 });
}

describe.skipIf(!hasCalc)('a real spreadsheet (LibreOffice Calc) under a Dutch locale', () => {
  it('opens the xlsx with numbers as numbers: shown the Dutch way (1,50), text cells as they are', async () => {
    const file = await xlsx('calc.xlsx', ['compound', '--rate', '0.5', '--years', '2']);
    const out = mkdtempSync(join(dir, 'calc-'));
    // Sheets as shown ("save cell contents as shown": true), `;` between fields.
    calc('nl_NL.UTF-8', file, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true,true,false,false,-1', out);
    expect(readFileSync(join(out, 'calc-Results.csv'), 'utf8').replace(/\r/g, '')).toBe('year;new;total\n0;1,00;1,00\n1;0,50;1,50\n2;0,75;2,25\n;;\ntotal;;2,25\n');
  });

  it('opens `--format csv --locale nl-NL` (; and decimal commas) with numbers as numbers', async () => {
    const csv = join(dir, 'dutch.csv');
    writeFileSync(csv, (await fans(['compound', '--rate', '0.5', '--years', '2', '--format', 'csv', '--locale', 'nl-NL'])).bytes!);
    const out = mkdtempSync(join(dir, 'csv-'));
    // Imported as Calc imports a CSV for a Dutch user (separator ;, language 1043), saved as xlsx, read by openpyxl.
    calc('nl_NL.UTF-8', csv, 'xlsx', out, 'Text - txt - csv (StarCalc):59,34,76,1,,1043');
    if (!hasOpenpyxl) return;
    const [sheet] = readWithOpenpyxl(join(out, 'dutch.xlsx'));
    expect(sheet!.rows.slice(1).map((r) => r.map((c) => [c[0], c[1]]))).toEqual([
      [[0, 'n'], [1, 'n'], [1, 'n']],
      [[1, 'n'], [0.5, 'n'], [1.5, 'n']],
      [[2, 'n'], [0.75, 'n'], [2.25, 'n']],
    ]);
  });
});
