import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fans, root } from '../cli/harness.js';

/** What a terminal shows of a line: colour codes take no room. */
// eslint-disable-next-line no-control-regex
const shown = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

/** The commands whose tables are widest: the fit's models (119 characters), money (107), sampled money by month. */
const wide: string[][] = [
  ['fit', join(root, 'examples', 'referrals.csv')],
  ['compound', '--rate', '0.59', '--start', '200', '--years', '6', '--value', '1250', '--per', 'year', '--reward', '100', '--cost', '5000', '--discount', '8%'],
  ['simulate', '--fanout', '10', '--depth', '3', '--trials', '1000', '--cycle', '1m', '--cycle-spread', '2w', '--by', 'month', '--value', '1250', '--start-date', '2027-01-01', '--seed', '1'],
  ['compound', '--rate', '0.5', '--years', '4', '--lang', 'nl', '--locale', 'nl-NL', '--value', '€1.250,-'],
  ['simulate'],
  ['compound', '--years', '10', '--chart'],
  ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--start-date', '2026-12-02', '--trials', '300', '--seed', '1', '--chart'],
];

describe('terminal tables that fit the window (#32 item 7)', () => {
  it.each([60, 80, 200])('at %i columns no line is wider than the terminal', async (columns) => {
    for (const args of wide) {
      const ran = await fans(args, { tty: true, columns, env: { FORCE_COLOR: '1' } });
      expect(ran.code).toBe(0);
      const lines = ran.stdout.split('\n');
      const over = lines.filter((line) => shown(line) > columns);
      expect({ args: args.join(' '), over }).toEqual({ args: args.join(' '), over: [] });
    }
  });

  it('a table that fits stays a table; too wide, it breaks its headings first, then turns into a block per row', async () => {
    expect((await fans(['simulate'], { tty: true, columns: 80, env: { NO_COLOR: '1' } })).stdout).toContain('│ level │   new │ total │');
    const money = ['compound', '--rate', '0.5', '--years', '2', '--value', '1000000', '--cost', '50'];
    const full = (await fans(money)).stdout;
    const tableWidth = shown(full.split('\n')[0]!);
    expect(tableWidth).toBe(87);
    // One column short: "cumulative net" breaks over two lines (its money, 13 characters, now decides its width), and the table fits.
    const headingsBroken = (await fans(money, { tty: true, columns: 86, env: { NO_COLOR: '1' } })).stdout;
    expect(shown(headingsBroken.split('\n')[0]!)).toBe(86);
    expect(headingsBroken).toMatch(/│ +cumulative │\n│ .*│ +net │\n├/);
    // Far too narrow: a block per row, every value of the table in it.
    const blocks = (await fans(money, { tty: true, columns: 40, env: { NO_COLOR: '1' } })).stdout;
    expect(blocks).toContain('-[ year 0 ]');
    expect(blocks).toMatch(/^cumulative net │ \$1,249,900\.00$/m);
    const cells = (text: string) => [...text.split(/\n(?=1 fan)/)[0]!.matchAll(/\$[\d,]+\.\d\d/g)].map((m) => m[0]).sort();
    expect(cells(blocks)).toEqual(cells(full));
    expect(cells(full).length).toBe(15);
  });

  it('piped output keeps the whole table on its lines, for scripts', async () => {
    const piped = (await fans(['fit', join(root, 'examples', 'referrals.csv')], { columns: 60 })).stdout;
    expect(Math.max(...piped.split('\n').map(shown))).toBeGreaterThan(100);
  });
});
