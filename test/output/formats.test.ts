import { describe, expect, it } from 'vitest';
import { Amount } from '../../src/output/amount.js';
import { cellFormatter } from '../../src/output/cells.js';
import { en } from '../../src/output/words/en.js';
import { toCsv, toTsv } from '../../src/output/delimited.js';
import { toJson } from '../../src/output/json.js';
import { fans } from '../cli/harness.js';
import { columnFormat, countFormat } from '../../src/output/number.js';

describe('toJson', () => {
  it('writes bigints as exact number literals', () => {
    const text = toJson({ total: 1267650600228229401496703205376n, rows: [{ a: 1n, b: 0.5 }] });
    expect(text).toContain('"total": 1267650600228229401496703205376');
    expect(JSON.parse(text)).toEqual({ total: 1267650600228229401496703205376, rows: [{ a: 1, b: 0.5 }] });
  });

  it('matches JSON.stringify for plain values and escapes strings', () => {
    const value = { s: 'a"b\\c\n\u0000', n: -0.1, t: true, z: null, list: [1, 'x'], nested: { k: [] } };
    expect(JSON.parse(toJson(value))).toEqual(value);
  });

  it('leaves out undefined members and refuses non-finite numbers', () => {
    expect(JSON.parse(toJson({ a: 1, b: undefined }))).toEqual({ a: 1 });
    expect(() => toJson({ a: Number.NaN })).toThrow(RangeError);
    expect(() => toJson([Infinity])).toThrow(RangeError);
  });
});

describe('toCsv (RFC 4180)', () => {
  it('writes a header, CRLF line ends and quotes only what needs it', () => {
    const rows = [{ name: 'a,b', say: 'he said "hi"', n: 12n }, { name: 'line\nbreak', say: 'plain', n: 0.25 }];
    expect(toCsv(['name', 'say', 'n'], rows)).toBe('name,say,n\r\n"a,b","he said ""hi""",12\r\n"line\nbreak",plain,0.25\r\n');
  });

  it('writes null as an empty field', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: null }])).toBe('a,b\r\n1,\r\n');
  });
});

describe('toTsv', () => {
  it('writes tabs and LF, folding tabs and breaks inside fields into spaces', () => {
    expect(toTsv(['a', 'b'], [{ a: 'x\ty', b: 2n }])).toBe('a\tb\nx y\t2\n');
  });
});

describe('countFormat', () => {
  it.each([
    ['en-US', 1111n, '1,111'],
    ['nl-NL', 1111n, '1.111'],
    ['de-DE', 1234567, '1.234.567'],
    ['en-US', 57.6650390625, '57.67'],
    ['en-US', 0.123456, '0.123'],
    ['en-US', 2.5e20, '2.5E20'],
    ['en-US', 10n ** 20n, '1E20'], // from 1e15 on, exact or not: scientific (exact digits in JSON, CSV, TSV)
    ['en-US', 999_999_999_999_999n, '999,999,999,999,999'],
    ['nl-NL', 1111n * 10n ** 398n, '1,111E401'],
    ['en-US', 1e-300, '1E-300'], // not 300 zeros
    ['en-US', 0.00012345, '0.000123'],
  ] as const)('%s formats %s as %s', (locale, value, text) => {
    expect(countFormat(locale)(value)).toBe(text);
  });
});

describe('columnFormat: one rule per column', () => {
  const column = (values: (number | bigint)[], locale = 'en-US') => values.map(columnFormat(values, locale));
  it.each([
    ['whole numbers stay whole', [1, 10, 100, 1000], ['1', '10', '100', '1,000']],
    ['shares below 1: three significant digits of the largest, the same decimals in every row', [0.2, 0.22, 0.242], ['0.200', '0.220', '0.242']],
    ['mixed below and above 1: two decimals throughout', [0.2, 0.22, 0.242, 1.33], ['0.20', '0.22', '0.24', '1.33']],
    ['halves: one decimal', [0, 1.5, 3, 4.5], ['0.0', '1.5', '3.0', '4.5']],
    ['a column that passes 1e15: scientific throughout (0 stays 0)', [0, 109336274390612.2, 1.09336e15], ['0', '1.09336E14', '1.09336E15']],
    ['exact integers past 15 digits', [1n, 10n ** 20n], ['1E0', '1E20']],
    ['tiny values: scientific, not 324 decimals', [0, 2.5e-12, 1e-10], ['0', '2.5E-12', '1E-10']],
  ] as const)('%s', (_, values, expected) => {
    expect(column([...values])).toEqual(expected);
  });

  it('follows the locale: nl-NL writes 0,200 and 1.000', () => {
    expect(column([0.2, 0.242], 'nl-NL')).toEqual(['0,200', '0,242']);
    expect(column([1, 1000], 'nl-NL')).toEqual(['1', '1.000']);
  });
});

describe('cellFormatter and start-up', () => {
  it('formats counts and shares in en-US without Intl.NumberFormat (ICU data costs start-up), and makes one only for an amount', () => {
    const original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = new Proxy(original, { construct: (target, args) => (made++, new target(...(args as []))) });
    try {
      const cell = cellFormatter({ columns: ['level', 'fans', 'extinct'], rows: [{ level: 1, fans: 1234567, extinct: 0.25 }], shares: ['extinct'], summary: () => [] }, 'en-US', en);
      expect([cell({ level: 1, fans: 1234567, extinct: 0.25 }, 'fans'), cell({ level: 1, fans: 1234567, extinct: 0.25 }, 'extinct')]).toEqual(['1,234,567', '25.0%']);
      expect(made).toBe(0);
      const money = cellFormatter({ columns: ['net'], rows: [], currency: 'EUR', summary: () => [] }, 'en-US', en);
      expect(money({ net: new Amount(123456n, 2) }, 'net')).toBe('€1,234.56');
      expect(made).toBe(1);
    } finally {
      Intl.NumberFormat = original;
    }
  });
});

describe('a report with no chart, asked for a picture (issue #28, item 5)', () => {
  it('is refused by the output layer with its own error, which the CLI answers as a usage error', async () => {
    const { render, Unrenderable } = await import('../../src/output/render.js');
    const report = { columns: ['a'], rows: [{ a: 1 }], summary: () => [], json: {} };
    const style = async () => {
      throw new Error('no style needed');
    };
    await expect(render(report, 'svg', style)).rejects.toBeInstanceOf(Unrenderable);
    await expect(render(report, 'svg', style)).rejects.toThrow(/^this answer has no chart to draw: use --format table, json, csv, tsv, xlsx or html$/);
    expect(new Unrenderable('x').name).toBe('Unrenderable');
  });
});

describe('numbers in CSV and TSV to 15 significant digits, what a spreadsheet keeps (#32 item 6)', () => {
  it('187,62, not 187,61999999999998; every number within 15 digits of the JSON value', async () => {
    const args = ['compound', '--rate', '0.59', '--years', '6', '--start', '200', '--churn', '7%'];
    const csv = (await fans([...args.slice(0, 7), '--format', 'csv', '--locale', 'nl-NL'])).stdout;
    expect(csv.split('\r\n')[3]).toBe('2;187,62;505,62');
    const doc = JSON.parse((await fans([...args, '--format', 'json'])).stdout);
    const tsv = (await fans([...args, '--format', 'tsv'])).stdout.trim().split('\n').slice(1).map((line) => line.split('\t').map(Number));
    let longest = 0;
    doc.rows.forEach((row: Record<string, number>, i: number) =>
      Object.values(row).forEach((value, j) => {
        const written = tsv[i]![j]!;
        expect(Math.abs(written - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-15);
        longest = Math.max(longest, String(written).replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length);
      }),
    );
    expect(longest).toBeLessThanOrEqual(15);
    // Exact whole numbers stay exact, however long.
    expect((await fans(['simulate', '--depth', '20', '--format', 'csv'])).stdout).toContain('111111111111111111111');
  });
});
