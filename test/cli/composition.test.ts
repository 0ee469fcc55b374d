import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delimitedRecords, fans, root } from './harness.js';

/**
 * Issue #28: every combination works, or is refused for a reason in the table of docs/combinations.md
 * ("What combines, and what does not"). Every pair of values of these dimensions is run
 * (greedy all-pairs, fixed seeds); each run exits 0 with output its format can read, or
 * exits 2 with one line that says what a row of the table says.
 */
const dims = {
  kind: ['simulate', 'compound', 'goal', 'goalDate'],
  time: ['steps', 'cycle', 'spread', 'by', 'spreadBy', 'until'],
  uncertainty: ['none', 'trials', 'fit'],
  population: ['plain', 'churn', 'market', 'nonreferrers', 'paid'],
  money: ['none', 'value', 'full'],
  format: ['table', 'json', 'csv', 'tsv', 'xlsx', 'html', 'svg'],
  lang: ['en', 'nl'],
} as const;
type Case = { [K in keyof typeof dims]: (typeof dims)[K][number] };
const names = Object.keys(dims) as (keyof typeof dims)[];

/** Cases covering every pair of values of two dimensions: greedy, each case the best of 60 candidates by a fixed stream. */
function allPairs(): Case[] {
  const key = (a: number, x: string, b: number, y: string) => `${a}=${x}|${b}=${y}`;
  const uncovered = new Set<string>();
  names.forEach((na, a) => names.forEach((nb, b) => b > a && dims[na].forEach((x) => dims[nb].forEach((y) => uncovered.add(key(a, x, b, y))))));
  let state = 1;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases: string[][] = [];
  while (uncovered.size > 0) {
    let best: string[] = [];
    let bestScore = -1;
    for (let tries = 0; tries < 60; tries++) {
      const c = names.map((n) => dims[n][Math.floor(random() * dims[n].length)] as string);
      if (tries === 0) {
        // Start from a pair not covered yet, so that every round covers at least one.
        const [first, second] = [...uncovered][0]!.split('|').map((part) => part.split('=')) as [[string, string], [string, string]];
        c[Number(first[0])] = first[1];
        c[Number(second[0])] = second[1];
      }
      let score = 0;
      names.forEach((_, a) => names.forEach((_, b) => b > a && uncovered.has(key(a, c[a]!, b, c[b]!)) && score++));
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    names.forEach((_, a) => names.forEach((_, b) => b > a && uncovered.delete(key(a, best[a]!, b, best[b]!))));
    cases.push(best);
  }
  return cases.map((c) => Object.fromEntries(names.map((n, i) => [n, c[i]])) as Case);
}

function argsOf(c: Case): string[] {
  const fit = c.uncertainty === 'fit';
  const a: string[] = [];
  const until = c.time === 'until';
  if (c.kind === 'simulate') a.push('simulate', ...(fit ? [] : ['--fanout', '1.5']), ...(until ? [] : ['--depth', '4']));
  if (c.kind === 'compound') a.push('compound', ...(fit ? [] : ['--rate', '0.4']), ...(until ? [] : ['--years', '3']));
  if (c.kind === 'goal') a.push('goal', '60', ...(fit ? [] : ['--fanout', '1.5']));
  if (c.kind === 'goalDate') a.push('goal', '60', '--by-date', ...(fit ? [] : ['--fanout', '1.5']));
  a.push('--start', '5');
  const dated = ['--start-date', '2027-01-01'];
  if (c.time === 'cycle') a.push('--cycle', '1m', ...dated);
  if (c.time === 'spread') a.push('--cycle', '1m', '--cycle-spread', '1w', ...dated);
  if (c.time === 'by') a.push('--cycle', '1m', '--by', 'quarter', ...dated);
  if (c.time === 'spreadBy') a.push('--cycle', '1m', '--cycle-spread', '1w', '--by', 'quarter', ...dated);
  if (until) a.push('--cycle', '1m', '--until', '2027-06-30', ...dated);
  if (c.time === 'steps' && c.kind === 'goalDate') a.push('--cycle', '1m', ...dated);
  if (c.uncertainty !== 'none') a.push('--trials', '300', '--seed', '1');
  if (fit) a.push('--fit', join(root, 'examples', 'referrals.csv'));
  if (c.population === 'churn') a.push('--churn', '10%');
  if (c.population === 'market') a.push('--market', '500');
  if (c.population === 'nonreferrers') a.push('--nonreferrers', '20%');
  if (c.population === 'paid') a.push('--paid', '2');
  if (c.money === 'value') a.push('--value', '100');
  if (c.money === 'full') a.push('--value', '100', '--reward', '10', '--cost', '50');
  a.push('--format', c.format);
  if (c.lang === 'nl') a.push('--lang', 'nl', '--locale', 'nl-NL');
  return a;
}

/** What the refusals the table of docs/combinations.md lists say (its last column's code spans). */
function documentedRefusals(): string[] {
  const readme = readFileSync(join(root, 'docs', 'combinations.md'), 'utf8');
  const section = readme.slice(readme.indexOf('# What combines, and what does not'));
  const rows = section.split('\n').filter((line) => line.startsWith('| `') || line.startsWith('| money') || line.startsWith('| `goal'));
  return rows.flatMap((row) => [...row.split('|').at(-2)!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe('every pair of flags composes, or is refused as docs/combinations.md says', () => {
  const cases = allPairs();
  const refusals = documentedRefusals();

  it('the table lists the refusals and the pairs are all there', () => {
    expect(refusals.length).toBeGreaterThanOrEqual(9);
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.length).toBeLessThan(70);
  });

  it.each(cases.map((c) => [Object.values(c).join(' '), c] as const))('%s', async (_, c) => {
    const args = argsOf(c);
    const ran = await fans(args);
    if (ran.code === 2) {
      expect(ran.stdout).toBe('');
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      const message = ran.stderr.replace(/^fans: /, '').trim();
      expect(refusals.some((words) => message.includes(words)), `not in the table of docs/combinations.md: ${message}`).toBe(true);
      return;
    }
    expect(ran.stderr, args.join(' ')).toBe('');
    expect(ran.code).toBe(0);
    const out = ran.stdout;
    if (c.format === 'json') {
      const doc = JSON.parse(out);
      const rows: Record<string, number>[] = doc.rows ?? [];
      // Money adds up: each row's net is revenue less rewards and cost, the cumulative net their running sum (to the cent a row).
      if (rows[0] && 'cumulativeNet' in rows[0]) {
        let sum = 0;
        rows.forEach((row, i) => {
          expect(Math.abs(row.net! - (row.revenue! - row.rewards! - row.cost!))).toBeLessThan(0.011);
          sum += row.net!;
          expect(Math.abs(row.cumulativeNet! - sum)).toBeLessThan(0.011 * (i + 1));
        });
      }
      // Sampled means within 4 standard errors of theory, where the run has it (the sd column too).
      const last = rows.at(-1);
      if (last && typeof last.meanTheory === 'number' && typeof last.sdTheory === 'number' && last.sdTheory > 0) {
        expect(Math.abs(last.mean! - last.meanTheory)).toBeLessThan((4 * last.sdTheory) / Math.sqrt(300));
      }
    } else if (c.format === 'csv' || c.format === 'tsv') {
      const separator = c.format === 'tsv' ? '\t' : c.lang === 'nl' ? ';' : ',';
      const { records: table } = delimitedRecords(out.replace(/^\uFEFF/, ''), separator);
      expect(table.length).toBeGreaterThan(1);
      // Every record of the first section (the rows) has the header's width.
      const width = table[0]!.length;
      const body = table.slice(1).filter((r) => r.length > 1);
      for (const record of body.slice(0, 5)) expect(record.length).toBeLessThanOrEqual(width);
    } else if (c.format === 'xlsx') expect(ran.bytes!.subarray(0, 2).toString()).toBe('PK');
    else if (c.format === 'html') expect(out).toMatch(/<\/html>\s*$/);
    else if (c.format === 'svg') expect(out).toMatch(/<\/svg>\s*$/);
    else expect(out.trim().length).toBeGreaterThan(0);
  });
});
