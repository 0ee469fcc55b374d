import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root, scratchDir } from './harness.js';

// What a run loads is what start-up costs (npm run bench measures it; these tests keep the
// structure that makes it fast): Node modules past those of an empty script, and the files read.
const preload = join(scratchDir('fans-startup-'), 'record.cjs');
writeFileSync(
  preload,
  `const fs = require('fs');
const before = new Set(process.moduleLoadList);
const read = [];
const intl = [];
for (const name of ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'Collator', 'ListFormat', 'RelativeTimeFormat', 'Segmenter', 'Locale', 'getCanonicalLocales']) {
  const Made = Intl[name];
  Intl[name] = new Proxy(Made, { construct: (target, args) => (intl.push(name), Reflect.construct(target, args)), apply: (target, that, args) => (intl.push(name), Reflect.apply(target, that, args)) });
}
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) { read.push(String(path)); return readFileSync.call(this, path, ...rest); };
// Regular expressions run with a Unicode property escape (\\p{L}): the first costs about 1 ms of ICU's set-up.
// And every pattern run: V8 compiles each at its first use in a process, and again when it runs twice.
// (With exec replaced, test, replace, split and match all call it.)
const properties = [];
const patterns = new Set();
const exec = RegExp.prototype.exec;
RegExp.prototype.exec = function (...args) { if (this.source.includes('\\p{')) properties.push(this.source); patterns.add(this.source); return exec.apply(this, args); };
process.on('exit', () => fs.writeFileSync(process.env.FANS_RECORD, JSON.stringify({
  builtins: process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13)),
  read: read.map((p) => require('path').relative(${JSON.stringify(root)}, p)),
  intl,
  properties,
  patterns: [...patterns],
})));
`,
);

let runs = 0;
/** A cache folder of the user's that cannot be made (a file is in the way): caches are looked for there, never written. */
const userCaches = join(preload, 'cannot-be-a-folder');
/**
 * The code caches a file's loading reads (after the file, whose tag a cache must carry): the one the build shipped for this Node, else
 * (another Node than the build's) the user's (src/cli/io/load.ts).
 */
const cacheOf = (name: string) => {
  const shipped = `dist/${name}.${process.version}.cache`;
  return existsSync(join(root, shipped)) ? [shipped] : [shipped, relative(root, join(userCaches, 'fans-referral', `${name}.${process.version}.cache`))];
};
/** Runs fans under the recorder; `shell` wraps the command line (a redirect, or script(1) for a terminal). */
function loads(args: string, shell = (command: string) => `${command} | cat > /dev/null`, env: Record<string, string> = {}) {
  const record = `${preload}.${runs++}.json`;
  const command = `"${process.execPath}" -r "${preload}" "${join(root, 'bin', 'fans.js')}" ${args}`;
  const ran = spawnSync('bash', ['-c', shell(command)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env, FANS_RECORD: record, XDG_CACHE_HOME: userCaches } });
  expect(ran.status).toBe(0);
  return JSON.parse(readFileSync(record, 'utf8')) as { builtins: string[]; read: string[]; intl: string[]; properties: string[]; patterns: string[] };
}
const onTerminal = (command: string) => `script -qec '${command.replaceAll("'", "'\\''")}' /dev/null > /dev/null`;
const hasScript = spawnSync('script', ['--version']).status === 0;

const streams = ['net', 'tty', 'stream', 'child_process', 'worker_threads', 'module'];

describe('start-up: what a run loads', () => {
  // dist/cli.cjs, the one file Node compiles itself, is the loader and --version alone; the CLI (run.ts and
  // main.ts, main.cjs) comes from its code cache, in one file: as two, fans simulate started 0.25 ms later.
  const start = ['bin/fans.js', 'dist/cli.cjs'];
  it.each([
    ['--version', start],
    ['-V', start],
    ['compound --format json', [...start, 'dist/main.cjs', ...cacheOf('main.cjs')]],
    ['simulate', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/table.cjs', ...cacheOf('table.cjs')]],
    ['simulate --chart', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/table.cjs', ...cacheOf('table.cjs'), 'dist/chart.cjs', ...cacheOf('chart.cjs')]],
    ['compound --format svg', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/svg.cjs', ...cacheOf('svg.cjs')]],
    // With money, the picture's money panel is a file of its own (the growth chart's renderer and d3-time stay out of main.cjs).
    ['compound --value 100 --format svg', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/money-flags.cjs', ...cacheOf('money-flags.cjs'), 'dist/money.cjs', ...cacheOf('money.cjs'), 'dist/svg.cjs', ...cacheOf('svg.cjs'), 'dist/money-svg.cjs', ...cacheOf('money-svg.cjs')]],
    ['simulate --trials 10 --seed 1 --format csv', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/sampled.cjs', ...cacheOf('sampled.cjs')]],
    ['simulate --cycle 30d --format json', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/calendar.cjs', ...cacheOf('calendar.cjs')]],
    // Each command past simulate and compound, money and the Dutch words are files of their own (#29: main.cjs from 234 to 147 kB);
    // money's flags are read by one (money-flags.cjs), its run by another (money.cjs).
    ['goal 1000 --fanout 10 --format json', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/goal.cjs', ...cacheOf('goal.cjs')]],
    ['compound --value 100 --format json', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/money-flags.cjs', ...cacheOf('money-flags.cjs'), 'dist/money.cjs', ...cacheOf('money.cjs')]],
    ['compound --lang nl --format json', [...start, 'dist/main.cjs', ...cacheOf('main.cjs'), 'dist/nl.cjs', ...cacheOf('nl.cjs')]],
  ])('fans %s into a pipe reads only its files, and no stream, terminal or process module', (args, files) => {
    const { builtins, read } = loads(args);
    expect(read).toEqual(files);
    expect(builtins.filter((m) => streams.includes(m))).toEqual([]);
  });
  it('main.cjs holds no calendar code: date-fns comes with calendar.cjs only (the report builders import only the calendar axis\'s type)', () => {
    // date-fns's constructFrom keys dates by Symbol.for("constructDateFrom"), a string minifying keeps: present where date-fns is.
    const marker = 'constructDateFrom';
    expect(readFileSync(join(root, 'dist', 'calendar.cjs'), 'utf8')).toContain(marker);
    expect(readFileSync(join(root, 'dist', 'main.cjs'), 'utf8')).not.toContain(marker);
  });
  it('main.cjs holds no zod: a command\'s flags are read by their specs (options.ts\'s readFlags), zod comes with the files that read files', () => {
    // zod keeps each schema's internals under \`_zod\`, a property name minifying keeps.
    const marker = '_zod';
    expect(readFileSync(join(root, 'dist', 'compare.cjs'), 'utf8')).toContain(marker);
    expect(readFileSync(join(root, 'dist', 'calendar.cjs'), 'utf8')).toContain(marker);
    expect(readFileSync(join(root, 'dist', 'main.cjs'), 'utf8')).not.toContain(marker);
  });
  // Each Node module a run loads past a bare start costs it: node:os (for the core count) about
  // 0.2 ms on Node 22 and 26, node:process (commander's; the global process itself) 0.05. A
  // common run loads node:vm alone (the code caches), and node:os comes with --trials.
  it.each(['simulate', 'compound --format json', 'simulate --lang nl --value 100', 'compound --cycle 1m --years 1 --start-date 2027-01-01', 'goal 1000 --fanout 10'])(
    'fans %s loads no Node module but node:vm',
    (args) => {
      expect(loads(args).builtins).toEqual(['vm']);
    },
  );
  it('a run with --trials loads node:os, for the core count', () => {
    expect(loads('simulate --trials 100 --seed 1').builtins).toContain('os');
  });
  // One character past ASCII (an en dash in a regular expression did it) makes V8 hold a file's
  // whole text as two bytes a character, read and decoded as UTF-16: the files a run loads are ASCII.
  it.each(readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.cjs')))('dist/%s is ASCII', (name) => {
    const text = readFileSync(join(root, 'dist', name), 'latin1');
    expect([...text.matchAll(/[^\x00-\x7f]/g)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 10))).toEqual([]);
  });
  // A regular expression literal with a Unicode property escape is parsed when first evaluated
  // (ICU builds its sets): about 0.25 ms of every start on Node 22 and 26 for the one in
  // flags/parse.ts while it stood at the top of the file. Each such literal sits in a function.
  it('no regular expression with a Unicode property escape is made as a file of src/ loads', () => {
    const atLoad: string[] = [];
    const visit = (node: ts.Node, file: string, inFunction: boolean): void => {
      if (ts.isRegularExpressionLiteral(node) && node.text.includes('\\p{') && !inFunction) atLoad.push(`${file}: ${node.text}`);
      ts.forEachChild(node, (child) => visit(child, file, inFunction || ts.isFunctionLike(node)));
    };
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    for (const file of files) visit(ts.createSourceFile(file, readFileSync(join(root, 'src', file), 'utf8'), ts.ScriptTarget.Latest, true), file, false);
    expect(files.length).toBeGreaterThan(50);
    expect(atLoad).toEqual([]);
    // The check sees one where it is: a literal at a file's top level, and not one inside a function.
    const probe = (text: string) => { const before = atLoad.length; visit(ts.createSourceFile('probe.ts', text, ts.ScriptTarget.Latest, true), 'probe.ts', false); return atLoad.splice(before).length; };
    expect(probe('const word = /\\p{L}/u;')).toBe(1);
    expect(probe('const word = () => /\\p{L}/u;')).toBe(0);
  });
  // Making an Intl formatter loads its locale's data: the first Dutch date format cost about 20 ms of
  // a 40 ms start on Node 22 when words/nl.ts made three at load (#29). A formatter is made when used.
  it.each(['simulate', 'compound --format json', 'simulate --lang nl', 'compound --years 5 --lang nl --format csv', 'compound --cycle 1m --years 2 --start-date 2027-01-01 --chart'])('fans %s makes no Intl formatter, and runs no regular expression with a Unicode property escape', (args) => {
    const ran = loads(args);
    expect(ran.intl).toEqual([]);
    expect(ran.properties).toEqual([]);
  });
  // Each pattern a run executes is compiled by V8 at start-up, about 0.02 to 0.1 ms apiece (a case-blind
  // or long one more; string-width's emoji pattern 1.5 ms), and no code cache keeps that: fans's own
  // readers scan instead, and the build changes the lines of cli-table3 and commander that ran one
  // (scripts/bundle-patches.js). Together 0.7 ms of `fans simulate` on Node 22 to 26. What is left of
  // a common run is commander's reading of a command's name.
  it.each([
    ['simulate', {}],
    ['compound --format json', {}],
    ['simulate --depth 250', {}],
    ['simulate --lang nl', {}],
    ['simulate', { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_NUMERIC: '', LC_MESSAGES: '' }],
    ['compound --years 5 --format tsv', {}],
    ['simulate', { FORCE_COLOR: '0' }],
    // Money in euros: the amounts read by scans, the cells measured without string-width's emoji pattern (1.5 ms).
    ['simulate --value 100', { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_NUMERIC: '', LC_MESSAGES: '' }],
    ['compound --value "€ 250 per jaar" --years 3 --cost 1.000,-', { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_NUMERIC: '', LC_MESSAGES: '' }],
    ['compound --value 250/year --currency USD --years 3', {}],
    // On the calendar: dates read, flags named and Dutch dates written by scans too.
    ['compound --cycle 1m --years 1 --start-date 2027-01-01', { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_NUMERIC: '', LC_MESSAGES: '' }],
    ['simulate --cycle 30d --start-date 2027-01-01 --format json', {}],
    // A sampled run (its --quantiles read, its threads guessed from the raw words) and a picture (its text escaped).
    ['simulate --trials 2000 --seed 1', {}],
    ['compound --format svg', {}],
  ])('fans %s (%o) runs no pattern but commander\'s reading of the command name', (args, env) => {
    expect(loads(args, undefined, env).patterns).toEqual(['([^ ]+) *(.*)']);
  });
  // A Dutch reader (LANG=nl_NL.UTF-8) gets nl-NL numbers, dates, chart labels and euros written
  // by hand, as ICU writes them (property tests in test/output): loading ICU for them took a
  // Dutch simulate from 1.4 to 1.95 times node -e 0 on Node 22, a money run to 2.2.
  it.each([
    'simulate',
    'simulate --value 100',
    'simulate --chart',
    'compound --cycle 1m --years 1 --start-date 2027-01-01',
    'compound --value 100 --per year --churn 10% --discount 8% --chart',
    'goal 1200 --by-date --start 200 --rate 0.59 --cycle 1y --value 100 --per year --start-date 2027-01-01',
    'goal 1200 --by-date --start 200 --rate 0.59 --cycle 1y --cycle-spread 4m --trials 300 --seed 1 --value 100 --per year --start-date 2027-01-01 --chart',
  ])('under LANG=nl_NL.UTF-8, fans %s makes no Intl object and runs no regular expression with a Unicode property escape', (args) => {
    const ran = loads(args, undefined, { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_NUMERIC: '', LC_MESSAGES: '' });
    expect(ran.intl).toEqual([]);
    // An amount's period (`250/jaar`) is read with ASCII classes: with [\p{L}] every money run paid about 0.7 ms more.
    expect(ran.properties).toEqual([]);
  });
  it('a Dutch date is still written the Dutch way (the formatter made on first use)', () => {
    const ran = spawnSync(process.execPath, [join(root, 'bin', 'fans.js'), 'goal', '100', '--by-date', '--rate', '1', '--cycle', '1j', '--start-date', '2027-01-01', '--lang', 'nl', '--locale', 'nl-NL'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(ran.stdout).toMatch(/\d+ (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d/);
  });
  it('tells /dev/null from a terminal without loading node:tty', () => {
    expect(loads('simulate', (command) => `${command} > /dev/null`).builtins).not.toContain('tty');
  });
  it.runIf(hasScript)('on a terminal loads node:tty (for its width: sentences wrap there) and chalk only when there is colour to paint', () => {
    const coloured = loads('simulate', onTerminal);
    expect(coloured.builtins).toContain('tty');
    expect(coloured.read).toContain('dist/chalk.cjs');
    const plain = loads('simulate', onTerminal, { NO_COLOR: '1' });
    expect(plain.builtins).toContain('tty'); // the width, to wrap sentences at spaces
    expect(plain.read).not.toContain('dist/chalk.cjs');
  });
});
