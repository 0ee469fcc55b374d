import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellHelpers } from '../../scripts/cell-helpers.js';
import { fans, root, spawnFans } from '../cli/harness.js';

/**
 * The build swaps two helpers of cli-table3's cell.js for ones that do not allocate
 * (scripts/cell-helpers.js: about 120 kB less per table, which kept short runs clear of a garbage
 * collection). These tests hold the swap to cli-table3's own behaviour: the helpers give the same
 * results, the bundle holds the new ones, and the built CLI draws every table as the source does
 * with cli-table3 unchanged (the in-process runs here import cli-table3 itself).
 */

type SetOption = (a: Record<string, unknown>, b: Record<string, unknown>, name: string, target: Record<string, unknown>) => void;

/** The helpers of one version, as cell.js defines them (setOption calls firstDefined). */
const helpers = (firstDefined: string, setOption: string) =>
  new Function(`${firstDefined}\n${setOption}\nreturn { firstDefined, setOption };`)() as { firstDefined: (...values: unknown[]) => unknown; setOption: SetOption };
const original = helpers(cellHelpers.firstDefined[0], cellHelpers.setOption[0]);
const lean = helpers(cellHelpers.firstDefined[1], cellHelpers.setOption[1]);

describe("cli-table3's cell helpers, as bundled", () => {
  it('cell.js of the installed cli-table3 holds the helpers the build replaces, as written there', () => {
    const cellJs = readFileSync(createRequire(join(root, 'package.json')).resolve('cli-table3/src/cell.js'), 'utf8');
    for (const [before] of Object.values(cellHelpers)) expect(cellJs).toContain(before);
  });
  it('dist/table.cjs holds the new helpers, not the old', () => {
    const bundled = readFileSync(join(root, 'dist', 'table.cjs'), 'utf8');
    expect(bundled).not.toMatch(/\.filter\(\w+=>\w+!=null\)\.shift\(\)/); // cli-table3's own firstDefined, as esbuild writes it
    expect(bundled).toMatch(/return \w+\?\?\w+\?\?\w+\?\?\w+\?\?void 0\}var \w+=new Map;/);
  });

  const value = fc.constantFrom(undefined, null, 0, '', false, NaN, 'x', '─', 1, [], {});
  it('firstDefined: the first value neither undefined nor null, else undefined (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (values) => {
        expect(lean.firstDefined(...values)).toBe(original.firstDefined(...values));
      }),
      { numRuns: 2000, seed: 29 },
    );
  });
  it('setOption: the same fields set to the same values, names with and without a dash, called again and again (property)', () => {
    const names = ['top', 'top-mid', 'top-left', 'left-mid', 'mid', 'padding-left', 'padding-right', 'a-b-c', 'truncate'];
    const options = fc.dictionary(fc.constantFrom('top', 'topMid', 'top-mid', 'paddingLeft', 'padding-left', 'leftMid', 'left-mid', 'aBc', 'a-b-c', 'mid'), value);
    fc.assert(
      fc.property(fc.array(fc.tuple(options, options, fc.constantFrom(...names)), { minLength: 1, maxLength: 20 }), (calls) => {
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const [a, b, name] of calls) {
          original.setOption(a, b, name, before);
          lean.setOption(a, b, name, after);
        }
        expect(after).toEqual(before);
        expect(Object.keys(after)).toEqual(Object.keys(before));
      }),
      { numRuns: 1000, seed: 29 },
    );
  });
});

describe('the built CLI draws each table as cli-table3 itself does', () => {
  it.each([
    ['simulate'],
    ['compound', '--churn', '10%', '--market', '5000', '--years', '15'],
    ['simulate', '--depth', '250'], // past 200 rows: the middle elided in a cell across every column
    ['goal', '1000', '--fanout', '10'],
    ['compound', '--value', '250/year', '--cost', '1000', '--years', '5'],
    ['compound', '--cycle', '1m', '--years', '1', '--start-date', '2027-01-01', '--lang', 'nl', '--locale', 'nl-NL'],
    ['simulate', '--fanout', '3', '--depth', '6', '--trials', '500', '--seed', '7'],
    ['simulate', '--chart', '--depth', '5'],
  ])('fans %s', async (...args) => {
    const built = spawnFans(args, { NO_COLOR: '1' });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('│');
    expect(built).toEqual(await fans(args, { env: { NO_COLOR: '1' } }));
  });
});
