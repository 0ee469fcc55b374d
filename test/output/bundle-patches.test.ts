import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePatches, cellHelpers } from '../../scripts/bundle-patches.js';
import { fans, root, spawnFans } from '../cli/harness.js';

/**
 * The build changes a few lines of cli-table3 and commander as it bundles them, for start-up time
 * (scripts/bundle-patches.js): two cell.js helpers that do not allocate (about 120 kB less per
 * table, which kept short runs clear of a garbage collection), utils.js and commander's option
 * reading without running a pattern V8 must compile first. These tests hold each change to the
 * dependency's own behaviour: the changed functions give the same results as the originals, the
 * bundle holds the new ones, and the built CLI draws every table and reads every flag as the
 * source does with the dependencies unchanged (the in-process runs import them as installed).
 */

const requireHere = createRequire(join(root, 'package.json'));

/** A CommonJS file of a dependency as installed, or with the build's changes, loaded as a module of its own. */
function loadFile(name: string, patched: boolean, requireFor: (request: string) => unknown = requireHere): Record<string, unknown> {
  const path = join(root, 'node_modules', name);
  let text = readFileSync(path, 'utf8');
  if (patched) for (const [before, after] of Object.values(bundlePatches[name.replace(/\.js$/, '') + '.js']!)) text = text.replace(before, after);
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', '__filename', '__dirname', text)(module.exports, requireFor, module, path, dirname(path));
  return module.exports;
}

type SetOption = (a: Record<string, unknown>, b: Record<string, unknown>, name: string, target: Record<string, unknown>) => void;

/** The helpers of one version, as cell.js defines them (setOption calls firstDefined). */
const helpers = (firstDefined: string, setOption: string) =>
  new Function(`${firstDefined}\n${setOption}\nreturn { firstDefined, setOption };`)() as { firstDefined: (...values: unknown[]) => unknown; setOption: SetOption };
const original = helpers(cellHelpers.firstDefined[0], cellHelpers.setOption[0]);
const lean = helpers(cellHelpers.firstDefined[1], cellHelpers.setOption[1]);

describe('the files the build changes', () => {
  it('each file of the installed dependencies holds every text the build replaces, once', () => {
    expect(Object.keys(bundlePatches).sort()).toEqual(['cli-table3/src/cell.js', 'cli-table3/src/utils.js', 'commander/lib/command.js', 'commander/lib/option.js']);
    for (const [name, patches] of Object.entries(bundlePatches)) {
      const text = readFileSync(join(root, 'node_modules', name), 'utf8');
      for (const [before, after] of Object.values(patches)) {
        expect(text.split(before).length - 1, `${name}: ${before}`).toBe(1);
        expect(text.includes(after), `${name}: ${after}`).toBe(false);
      }
    }
  });
});

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

describe("cli-table3's utils.js, as bundled: no pattern run on a text without colour codes", () => {
  type Utils = { strlen: (s: string) => number; truncate: (s: string, n: number, c?: string) => string; colorizeLines: (lines: string[]) => string[] };
  const original = loadFile('cli-table3/src/utils.js', false, (request) => requireHere(request === 'string-width' ? 'string-width/index.js' : request)) as unknown as Utils;
  const bundled = loadFile('cli-table3/src/utils.js', true, (request) => requireHere(request === 'string-width' ? 'string-width/index.js' : request)) as unknown as Utils;
  const code = fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m', '\u001b[42m', '\u001b[0m', '\u001b[2;36m');
  const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('€ 1.000,00', '漢字', '…', 'total', '\n', ' '), code);
  const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  it('strlen, truncate and colorizeLines give what the originals give, with and without codes (property)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 24 }), fc.constantFrom(undefined, '…', '~', ''), (s, width, mark) => {
        expect(bundled.strlen(s)).toBe(original.strlen(s));
        expect(bundled.truncate(s, width, mark)).toBe(original.truncate(s, width, mark));
        expect(bundled.colorizeLines(s.split('\n'))).toEqual(original.colorizeLines(s.split('\n')));
      }),
      { numRuns: 3000, seed: 29 },
    );
  });
});

describe("commander's option reading, as bundled: no pattern run for an option's flags", () => {
  // commander's own files, each loaded once as installed and once as bundled, requiring each other.
  const commanderOf = (patched: boolean) => {
    const files: Record<string, Record<string, unknown>> = {};
    const requireFor = (request: string): unknown => {
      const name = request.startsWith('./') ? `commander/lib/${request.slice(2).replace(/\.js$/, '')}.js` : null;
      if (name === null) return requireHere(request);
      return (files[name] ??= loadFile(name, patched && name in bundlePatches, requireFor));
    };
    return { Option: requireFor('./option.js') as { Option: new (flags: string, description?: string) => Record<string, unknown> & { name(): string; attributeName(): string } }, Command: requireFor('./command.js') as { Command: new () => import('commander').Command } };
  };
  const original = commanderOf(false);
  const bundled = commanderOf(true);

  /** What an option made of `flags` is (its fields and names), or the error it is refused with. */
  const optionOf = (made: ReturnType<typeof commanderOf>, flags: string) => {
    try {
      const option = new made.Option.Option(flags, 'd');
      return { short: option.short, long: option.long, variadic: option.variadic, negate: option.negate, required: option.required, optional: option.optional, name: option.name(), attribute: option.attributeName() };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  it('an option made of any flags has the same short and long flag, name, attribute, variadic and negation, or the same error (property)', () => {
    const part = fc.constantFrom('-', '--', '-o', '--output', '--no-color', '--no-', '--ws', '-x', '-xy', '<file>', '[n]', '<n...>', '[x...]', 'a...>', ',', ' ', '|', ', ', ' | ', '=', 'é', '\n', '--a-b-c');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')), (flags) => {
        expect(optionOf(bundled, flags)).toEqual(optionOf(original, flags));
      }),
      { numRuns: 5000, seed: 29 },
    );
    // The readings fans's own options rely on, pinned.
    expect(optionOf(bundled, '-o, --output <file>')).toMatchObject({ short: '-o', long: '--output', name: 'output', attribute: 'output', required: true });
    expect(optionOf(bundled, '--no-color')).toMatchObject({ long: '--no-color', negate: true, name: 'no-color', attribute: 'color' });
    expect(optionOf(bundled, '--quantiles <list...>')).toMatchObject({ variadic: true });
  });

  /** What a program with a negatable pair, a lone negation and value options reads from `words`. */
  const parsed = (made: ReturnType<typeof commanderOf>, words: string[]) => {
    const program = new made.Command.Command();
    program.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    program.option('--color', 'c').option('--no-color', 'n').option('--no-cache', 'k').option('--value <v>', 'v').option('--maybe [m]', 'm').option('-f, --format <f>', 'f').argument('[rest...]');
    try {
      program.parse(words, { from: 'user' });
      return { options: program.opts(), args: program.args };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  it('a program reads any words to the same options, arguments or error: --x=value, --no-x beside --x and alone (property)', () => {
    const word = fc.constantFrom('--color', '--no-color', '--no-cache', '--value', '--value=3', '--value=', '--=x', '--maybe', '--maybe=a=b', '-f', 'csv', '--format=json', '-fjson', 'x', '--', '--unknown=1', '-');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (words) => {
        expect(parsed(bundled, words)).toEqual(parsed(original, words));
      }),
      { numRuns: 3000, seed: 29 },
    );
    // A lone --no-cache defaults cache to true; --no-color after --color sets no default.
    expect(parsed(bundled, [])).toEqual({ options: { cache: true }, args: [] });
    expect(parsed(bundled, ['--value=3', '--no-cache', '--no-color'])).toEqual({ options: { cache: false, color: false, value: '3' }, args: [] });
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
    // Money: cells longer than 10 columns, and the euro sign (string-width's fast path).
    ['simulate', '--value', '100', '--lang', 'nl', '--locale', 'nl-NL'],
    ['compound', '--value', '2500/year', '--currency', 'EUR', '--years', '8'],
  ])('fans %s', async (...args) => {
    const built = spawnFans(args, { NO_COLOR: '1' });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('│');
    expect(built).toEqual(await fans(args, { env: { NO_COLOR: '1' } }));
  });
  // In colour (bold headings and totals, dim notes), where cli-table3 reads and strips the codes.
  it.each([
    ['simulate'],
    ['simulate', '--depth', '250'],
    ['simulate', '--value', '100', '--lang', 'nl', '--locale', 'nl-NL'],
    ['compound', '--churn', '10%', '--market', '5000', '--years', '15', '--value', '250/year'],
  ])('fans %s, with FORCE_COLOR=1', async (...args) => {
    const built = spawnFans(args, { FORCE_COLOR: '1' });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('\u001b[1m');
    expect(built).toEqual(await fans(args, { env: { FORCE_COLOR: '1' } }));
  });
});
