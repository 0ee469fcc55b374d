import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, it } from 'vitest';
import { expectGolden, fans, root } from './harness.js';

/**
 * Issue #28, item 6: a golden corpus of whole runs, for moving code without changing what
 * users see. Each case records the command line, stdout, stderr and the exit code; xlsx as
 * the XML of its parts (unzipped here, by the central directory), PNG as a SHA-256 of its
 * decoded pixels (not of its bytes, which carry compression choices). UPDATE_GOLDEN=1
 * rewrites them; review the diff: every change must be one that is meant.
 */
const dated = ['--start-date', '2027-01-01'];
const fit = join(root, 'examples', 'referrals.csv');
const cases: Record<string, string[]> = {
  'simulate-table': ['simulate'],
  'simulate-nl-csv': ['simulate', '--fanout', '3', '--conversion', '50%', '--market', '1000', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'csv'],
  'compound-churn-json': ['compound', '--rate', '0.5', '--churn', '10%', '--years', '5', '--format', 'json'],
  'compound-money-table': ['compound', '--rate', '0.59', '--start', '200', '--years', '4', '--value', '1250', '--reward', '100', '--cost', '500', '--currency', 'EUR'],
  'simulate-money-nl-table': ['simulate', '--fanout', '2', '--depth', '4', '--value', '1.250', '--reward', '100', '--lang', 'nl', '--locale', 'nl-NL'],
  'simulate-trials-table': ['simulate', '--fanout', '2', '--depth', '5', '--trials', '2000', '--seed', '1'],
  'compound-trials-money-json': ['compound', '--rate', '0.5', '--churn', '20%', '--years', '4', '--trials', '1000', '--seed', '3', '--value', '100', '--cost', '30', '--format', 'json'],
  'simulate-fit-tsv': ['simulate', '--fit', fit, '--trials', '1000', '--seed', '2', '--depth', '4', '--format', 'tsv'],
  'simulate-cycle-table': ['simulate', '--fanout', '3', '--depth', '4', '--cycle', '1m', ...dated],
  'compound-cycle-trials-json': ['compound', '--rate', '0.5', '--cycle', '3m', '--until', '2028-01-01', '--trials', '300', '--seed', '2', ...dated, '--format', 'json'],
  'simulate-cycle-trials-by-quarter-money-json': ['simulate', '--fanout', '2', '--depth', '6', '--cycle', '1m', '--trials', '300', '--seed', '3', '--by', 'quarter', '--value', '100', '--cost', '20', ...dated, '--format', 'json'],
  'compound-by-quarter-money-csv': ['compound', '--rate', '0.2', '--cycle', '1m', '--years', '1', '--by', 'quarter', '--value', '100', '--cost', '10', ...dated, '--format', 'csv'],
  'simulate-spread-table': ['simulate', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '2w', '--until', '2027-12-31', '--by', 'quarter', ...dated],
  'compound-spread-churn-trials-json': ['compound', '--rate', '0.4', '--churn', '10%', '--cycle', '1m', '--cycle-spread', '2w', '--years', '1', '--by', 'quarter', '--start', '10', '--trials', '500', '--seed', '4', '--value', '100', ...dated, '--format', 'json'],
  'simulate-spread-fit-nl-table': ['simulate', '--fit', fit, '--trials', '500', '--seed', '5', '--cycle', '1m', '--cycle-spread', '2w', '--until', '2027-06-30', '--lang', 'nl', '--locale', 'nl-NL', ...dated],
  'goal-depth-table': ['goal', '1000000', '--fanout', '10'],
  'goal-money-json': ['goal', '--net', '10', '--value', '100', '--rate', '0.5', '--format', 'json'],
  'goal-by-date-trials-table': ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--trials', '1000', '--seed', '1', '--deadline', '2030-12-31', ...dated],
  'goal-by-date-nl-table': ['goal', '1.200', '--by-date', '--start', '200', '--rate', '0,59', '--cycle', '1y', '--lang', 'nl', '--locale', 'nl-NL', ...dated],
  'fit-table': ['fit', fit],
  'fit-nl-json': ['fit', fit, '--lang', 'nl', '--format', 'json'],
  'compare-article-table': ['compare', join(root, 'examples', 'article.json')],
  'compare-calendar-csv': ['compare', join(root, 'examples', 'calendar.json'), '--format', 'csv'],
  'simulate-html': ['simulate', '--fanout', '3', '--depth', '4', '--value', '100', '--format', 'html'],
  'compound-trials-nl-html': ['compound', '--rate', '0.5', '--years', '4', '--trials', '500', '--seed', '1', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'html'],
  'goal-by-date-svg': ['goal', '1000', '--by-date', '--fanout', '3', '--conversion', '50%', '--cycle', '1m', '--cycle-spread', '2w', '--until', '2030-01-01', ...dated, '--format', 'svg'],
  'simulate-chart-table': ['simulate', '--depth', '6', '--chart'],
  'simulate-xlsx': ['simulate', '--fanout', '3', '--depth', '3', '--value', '100', '--format', 'xlsx'],
  'compound-spread-trials-money-xlsx': ['compound', '--rate', '0.3', '--cycle', '1m', '--cycle-spread', '2w', '--years', '1', '--by', 'quarter', '--start', '10', '--trials', '300', '--seed', '6', '--value', '100', ...dated, '--format', 'xlsx'],
  'compound-png': ['compound', '--rate', '0.5', '--years', '6', '--format', 'png', '--size', '800x450'],
  'simulate-trials-nl-png': ['simulate', '--fanout', '2', '--depth', '5', '--trials', '500', '--seed', '1', '--lang', 'nl', '--locale', 'nl-NL', '--format', 'png', '--size', '800x450'],
  // Refusals: one line, exit 2, nothing on stdout.
  'refused-churn-tree': ['simulate', '--churn', '10%'],
  'refused-paid-spread': ['simulate', '--paid', '5', '--cycle', '1m', '--cycle-spread', '2w'],
  'refused-fit-given': ['simulate', '--fit', fit, '--trials', '10', '--fanout', '3'],
  'refused-goal-by': ['goal', '1000', '--fanout', '2', '--cycle', '1m', '--by', 'month'],
  'refused-output-pdf': ['simulate', '--output', 'plan.pdf'],
  'refused-ambiguous-nl': ['goal', '936.746', '--fanout', '2'],
};

/** The parts of a zip (xlsx), by its central directory: name and text. */
function unzip(bytes: Buffer): [string, string][] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString();
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const body = bytes.subarray(data, data + size);
    parts.push([name, (method === 8 ? inflateRawSync(body) : body).toString()]);
    at += 46 + nameLength + extra;
  }
  return parts.sort(([a], [b]) => a.localeCompare(b));
}

/** A run as the corpus keeps it. */
function record(args: string[], ran: { code: number; stdout: string; stderr: string; bytes?: Buffer }): string {
  const shown = args.map((a) => a.replace(root, '<root>'));
  let out = ran.stdout;
  if (args.includes('xlsx') && ran.code === 0) out = unzip(ran.bytes!).map(([name, text]) => `## ${name}\n${text}`).join('\n');
  if (args.includes('png') && ran.code === 0) {
    const png = PNG.sync.read(ran.bytes!);
    out = `png ${png.width}x${png.height}, pixels sha256 ${createHash('sha256').update(png.data).digest('hex')}\n`;
  }
  // Where the checkout lies is no part of the output: <root> wherever it is named.
  const here = (text: string) => text.split(root).join('<root>');
  return `$ fans ${shown.join(' ')}\n--- exit ${ran.code}\n--- stderr\n${here(ran.stderr)}--- stdout\n${here(out)}`;
}

describe('the golden corpus (test/golden/corpus)', () => {
  it.each(Object.entries(cases))('%s', async (name, args) => {
    // A fixed "today" for runs without a start date, and en-US unless a case says otherwise.
    const ran = await fans(args, { env: { SOURCE_DATE_EPOCH: '1798761600' } });
    expectGolden(join('corpus', `${name}.txt`), record(args, ran));
  });
});
