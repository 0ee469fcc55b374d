import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { fans, root } from './harness.js';

/**
 * `fans fit`, in full, everywhere (#32 item 5): every table in CSV and TSV (a section each),
 * a sheet a table in xlsx, and the picture of observed and expected counts in SVG, PNG and
 * HTML, the input file named. The numbers are checked against the JSON, which the model
 * tests check against closed forms and published values.
 */
const records = join(root, 'examples', 'referrals.csv');
const dir = mkdtempSync(join(tmpdir(), 'fans-fit-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface FitJson {
  n: number;
  preferred: string;
  extinction: number;
  p80: number;
  candidates: { model: string; K: number; expected: number[] }[];
  table: { from: number; observed: number; expected: number }[];
  goodnessOfFit: { statistic: number; df: number; pValue: number };
  projection: string;
}

const json = async (): Promise<FitJson> => JSON.parse((await fans(['fit', records, '--format', 'json'])).stdout);

/** The sections of a CSV or TSV: split at empty lines, each a header row and its rows. */
function sections(text: string, separator: string, newline: string): string[][][] {
  return text
    .replace(/^\ufeff/, '')
    .split(`${newline}${newline}`)
    .map((section) => section.split(newline).filter((line) => line !== '').map((line) => line.split(separator)));
}

describe('fans fit: every table in CSV and TSV, one section each', () => {
  it('the candidates, the observed and every candidate\'s expected counts, and the fit\'s figures, as the JSON has them', async () => {
    const doc = await json();
    for (const [format, separator, newline] of [['csv', ',', '\r\n'], ['tsv', '\t', '\n']] as const) {
      const [models, counts, figures, ...more] = sections((await fans(['fit', records, '--format', format])).stdout, separator, newline);
      expect(more).toEqual([]);
      expect(models![0]).toEqual(['model', 'K', 'K_low', 'K_high', 'k', 'k_low', 'k_high', 'nonreferrers', 'logLik', 'AIC', 'weight']);
      expect(models!.slice(1).map((r) => r[0])).toEqual(doc.candidates.map((c) => c.model));
      const others = doc.candidates.filter((c) => c.model !== doc.preferred);
      expect(counts![0]).toEqual(['referrals', 'observed', 'expected', ...others.map((c) => `expected_${c.model}`)]);
      expect(counts!.slice(1).map((r) => Number(r[1]))).toEqual(doc.table.map((b) => b.observed));
      expect(counts!.slice(1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(doc.n);
      counts!.slice(1).forEach((row, i) => {
        expect(Number(row[2])).toBeCloseTo(doc.table[i]!.expected, 12);
        others.forEach((c, j) => expect(Number(row[3 + j])).toBeCloseTo(c.expected[i]!, 12));
      });
      const figure = Object.fromEntries(figures!.slice(1).map(([name, value]) => [name, value]));
      expect(figures![0]).toEqual(['quantity', 'value']);
      expect(Number(figure.extinction)).toBeCloseTo(doc.extinction, 12);
      expect(Number(figure.p80)).toBeCloseTo(doc.p80, 12);
      expect(Number(figure.chiSquare)).toBeCloseTo(doc.goodnessOfFit.statistic, 12);
      expect(Number(figure.df)).toBe(doc.goodnessOfFit.df);
      expect(figure.preferred).toBe(doc.preferred);
      expect(figure.projection).toBe(doc.projection);
      expect(figure.file).toBe(records);
    }
  });

  it('with --locale nl-NL: one byte-order mark at the very start, `;` and decimal commas in every section', async () => {
    const text = (await fans(['fit', records, '--format', 'csv', '--locale', 'nl-NL'])).stdout;
    expect(text.startsWith('\ufeffmodel;K;')).toBe(true);
    expect(text.match(/\ufeff/g)).toHaveLength(1);
    const [, counts, figures] = sections(text, ';', '\r\n');
    expect(counts![1]![2]).toMatch(/^\d+,\d+$/);
    expect(figures!.find((r) => r[0] === 'extinction')![1]).toMatch(/^0,\d+$/);
  });
});

const python = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(python, ['-c', 'import openpyxl']).status === 0;

describe.skipIf(!hasOpenpyxl)('fans fit in xlsx: a sheet a table (read back by openpyxl)', () => {
  it('the candidates, the observed and expected counts, the fit\'s figures in the reader\'s words, the parameters with the file', async () => {
    const doc = await json();
    for (const [lang, sheets, extinction] of [
      ['en', ['Results', 'Observed and expected', 'Fit', 'Parameters'], "chance a new fan's chain dies out"],
      ['nl', ['Resultaten', 'Waargenomen en verwacht', 'Fitresultaten', 'Parameters'], 'kans dat de keten van een nieuwe fan uitsterft'],
    ] as const) {
      const file = join(dir, `fit-${lang}.xlsx`);
      expect((await fans(['fit', records, '--lang', lang, '--output', file, '--force'])).code).toBe(0);
      const script = `
import json, sys, warnings
warnings.simplefilter('ignore')
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([{'title': ws.title, 'rows': [list(r) for r in ws.iter_rows(values_only=True)]} for ws in wb.worksheets], default=str))`;
      const book: { title: string; rows: unknown[][] }[] = JSON.parse(execFileSync(python, ['-c', script, file], { encoding: 'utf8' }));
      expect(book.map((s) => s.title)).toEqual(sheets);
      // The models by their names in the reader's language (CSV, TSV and JSON keep the codes).
      expect(book[0]!.rows.slice(1).map((r) => r[0])).toEqual(lang === 'en' ? ['Poisson', 'geometric', 'negative binomial', 'zero-inflated Poisson', 'zero-inflated negative binomial'] : ['Poisson', 'geometrisch', 'negatief binomiaal', 'zero-inflated Poisson', 'zero-inflated negatief binomiaal']);
      // Numbers stay numbers: the observed counts, and each expected count to the double.
      expect(book[1]!.rows.slice(1).map((r) => r[1])).toEqual(doc.table.map((b) => b.observed));
      expect(book[1]!.rows.slice(1).map((r) => r[2])).toEqual(doc.table.map((b) => b.expected));
      const figures = new Map(book[2]!.rows.slice(1).map((r) => [r[0], r[1]]));
      expect(figures.get(extinction)).toBe(doc.extinction);
      expect(book[3]!.rows[1]).toEqual([lang === 'en' ? 'file' : 'bestand', records]);
    }
  });
});

describe('fans fit as a picture: observed counts as bars, every candidate\'s expected counts as a line', () => {
  it('SVG: well-formed, a bar a bin at the observed count, a point a bin at each expected count, the file named without its folders', async () => {
    const doc = await json();
    const svg = (await fans(['fit', records, '--format', 'svg'])).stdout;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<title>Referrals per fan in referrals.csv: observed and fitted</title>');
    expect(svg).not.toContain(root);
    const bars = [...svg.matchAll(/<rect class="bar"[^>]* y="([\d.]+)" width="[\d.]+" height="([\d.]+)"[^>]*data-value="(\d+)"/g)];
    expect(bars.map((m) => Number(m[3]))).toEqual(doc.table.map((b) => b.observed));
    // Heights in proportion to the counts, on a linear axis from 0.
    const plot = /data-top="([\d.]+)" data-bottom="([\d.]+)" data-high="([\d.]+)"/.exec(svg)!;
    const [top, bottom, high] = [Number(plot[1]), Number(plot[2]), Number(plot[3])];
    for (const m of bars) expect(Number(m[2])).toBeCloseTo((Number(m[3]) / high) * (bottom - top), 1);
    // Each candidate's line, the preferred drawn last (on top), named in the legend with its weight.
    const lines = [...svg.matchAll(/<polyline class="series" data-name="(\w+)"/g)].map((m) => m[1]);
    expect(lines.at(-1)).toBe(doc.preferred);
    expect([...lines].sort()).toEqual(doc.candidates.map((c) => c.model).sort());
    const points = (model: string) => svg.split(`data-name="${model}"`)[1]!.split('<polyline')[0]!;
    for (const c of doc.candidates) {
      const values = [...points(c.model).matchAll(/<circle[^>]*data-value="([^"]+)"/g)].map((m) => Number(m[1]));
      expect(values).toEqual(c.expected);
    }
    expect(svg).toMatch(/<text[^>]*>negative binomial \(weight 71\.3%\)<\/text>/);
    expect(svg).toMatch(/<text[^>]*>Poisson \(weight below 0\.1%\)<\/text>/);
  });

  it('in Dutch, with --title and --subtitle, and a name that would be markup escaped', async () => {
    const svg = (await fans(['fit', '-', '--format', 'svg', '--lang', 'nl', '--locale', 'nl-NL'], { stdin: readFileSync(records) })).stdout;
    expect(svg).toContain('<title>Aanbevelingen per fan in &#60;stdin&#62;: waargenomen en gefit</title>');
    expect(svg).toContain('>aantal fans</text>');
    expect(svg).toMatch(/>K = 1,54 \(95%: 1,27 tot 1,87\)/);
    const own = (await fans(['fit', records, '--format', 'svg', '--title', '<b>Q3 & "Q4"</b>', '--subtitle', 'CRM-export'])).stdout;
    expect(XMLValidator.validate(own)).toBe(true);
    expect(own).toContain('&#60;b&#62;Q3 &#38; &#34;Q4&#34;&#60;/b&#62;');
    expect(own).toContain('>CRM-export</text>');
    // --unit names the people on the axis, not the file (`fans.csv` stays `fans.csv`).
    const unit = (await fans(['fit', '-', '--format', 'svg', '--unit', 'klant,klanten', '--lang', 'nl'], { stdin: readFileSync(records) })).stdout;
    expect(unit).toContain('>aantal klanten</text>');
  });

  it('chain sizes: from size 1, the axis counts chains', async () => {
    const stdin = `size\n${[1, 1, 1, 2, 3, 1, 1, 5, 2, 1, 1, 1, 4, 2, 1, 14].join('\n')}\n`;
    const svg = (await fans(['fit', '-', '--sizes', '--format', 'svg'], { stdin })).stdout;
    expect(svg).toContain('<title>Referral chain sizes in &#60;stdin&#62;: observed and fitted</title>');
    expect([...svg.matchAll(/data-bin="([^"]+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10+']);
    expect(svg).toContain('>number of chains</text>');
  });

  it('PNG at 1600x900 (or --size), written whole; nobody referring leaves no picture to draw, said in one line', async () => {
    const file = join(dir, 'fit.png');
    expect((await fans(['fit', records, '--output', file, '--force'])).code).toBe(0);
    const png = readFileSync(file);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
    const none = await fans(['fit', '-', '--format', 'png', '--output', join(dir, 'none.png')], { stdin: 'referrals\n0\n0\n0\n' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^fans: this answer has no chart to draw: use --format table, json, csv, tsv, xlsx or html\n$/);
  });
});

describe('which model the counts describe (#31 item 4)', () => {
  it('lifetime counts (the default): the tree, projected with fans simulate; the summary says so and how to say otherwise', async () => {
    const doc = JSON.parse((await fans(['fit', records, '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ model: 'tree', per: null, projection: 'fans simulate --fanout 1.53667 --distribution negbin --dispersion 0.46387 --trials 100000' });
    const out = (await fans(['fit', records])).stdout;
    expect(out).toContain("Model: counts over each fan's whole time describe the tree (each fan refers once, K new fans in all), projected with fans simulate; counts per year (or month) describe the compound rate instead: give --counts-per year.");
  });

  it('--counts-per year: the compound rate, projected with fans compound; a month is its cycle; a fan who stays and keeps referring never dies out', async () => {
    const year = JSON.parse((await fans(['fit', records, '--counts-per', 'year', '--format', 'json'])).stdout);
    expect(year).toMatchObject({ model: 'compound', per: 'year', extinction: 0, projection: 'fans compound --rate 1.53667 --distribution negbin --dispersion 0.46387 --trials 100000' });
    const month = JSON.parse((await fans(['fit', records, '--counts-per', 'Month', '--format', 'json'])).stdout);
    expect(month.projection).toBe('fans compound --rate 1.53667 --cycle 1m --distribution negbin --dispersion 0.46387 --trials 100000');
    // The projection runs as printed (fewer runs).
    const ran = await fans([...month.projection.split(' ').slice(1, -1), '1000', '--years', '1', '--seed', '1', '--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    // The same K and k: the model changes what they mean, not the fit.
    expect(year.candidates).toEqual(JSON.parse((await fans(['fit', records, '--format', 'json'])).stdout).candidates);
    const nl = (await fans(['fit', records, '--counts-per', 'quarter', '--lang', 'nl'])).stdout;
    expect(nl).toContain('Model: aantallen per kwartaal passen bij de samengestelde groei (elke fan blijft aanbevelen, K nieuwe fans per kwartaal), door te rekenen met fans compound.');
  });

  it.each([
    ['an unknown period', ['fit', records, '--counts-per', 'decade'], /^fans: --counts-per must be one of year, quarter, month, week, day \(got "decade"\)\n$/],
    ['chain sizes', ['fit', '-', '--sizes', '--counts-per', 'year'], /^fans: --counts-per says the counts are per period, and chain sizes are whole trees: leave out --counts-per\n$/],
    ['who referred whom', ['fit', join(root, 'examples', 'crm.csv'), '--counts-per', 'year'], /^fans: --counts-per says the counts are per period, and .*crm\.csv holds who referred whom: each fan's count is over their whole time in the file/],
  ])('refused: %s', async (_, args, message) => {
    const ran = await fans(args, { stdin: 'size\n1\n2\n' });
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toMatch(message);
  });
});
