// Bundles the CLI into dist/ with esbuild; the type check runs separately (tsc --noEmit).
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { wrapLazy } from './code-tag.js';
import { bundlePatches } from './bundle-patches.js';

/**
 * commander requires node:child_process at load time, for executable subcommands, which
 * fans never uses; loading it costs about 6% of Node's start-up here. Hand commander a
 * stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:process, which is the global `process` itself; loading the module
 * for it cost about 0.05 ms of every start on Node 22 (it is not in Node's start-up snapshot).
 */
const globalProcess = {
  name: 'global-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, () => ({ path: 'process', namespace: 'global-process' }));
    b.onLoad({ filter: /.*/, namespace: 'global-process' }, () => ({ contents: 'module.exports = process;', loader: 'js' }));
  },
};

rmSync('dist', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', minify: process.env.FANS_NO_MINIFY !== '1', legalComments: 'none', logLevel: 'warning' };

/** cli-table3 measures cells with src/output/string-width.ts: string-width with an ASCII fast path. */
const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes('node_modules/cli-table3') ? { path: 'string-width', namespace: 'fast-string-width' } : undefined,
    );
    // cli-table3 calls require('string-width') as a function.
    b.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, () => ({
      contents: "module.exports = require('./src/output/string-width.ts').stringWidth;",
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

/**
 * src/cli/version.ts reads the version from package.json; bundled as written, each file that
 * needs it (cli.cjs for `--version`, main.cjs for commander's) would carry the whole of
 * package.json (1.5 kB, in cli.cjs compiled without a cache at every start). The build gives
 * them the version alone.
 */
const versionAlone = {
  name: 'version-alone',
  setup(b) {
    b.onLoad({ filter: /src[\\/]cli[\\/]version\.ts$/ }, () => ({
      contents: `export const version = ${JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version)};`,
      loader: 'ts',
    }));
  },
};

/**
 * cli-table3 and commander with the changes scripts/bundle-patches.js makes for start-up time
 * (two cli-table3 helpers that do not allocate, no pattern run on a cell without colour codes,
 * commander's flags read without patterns). The build stops when a file no longer holds a text
 * as written there: another version of the dependency, to be looked at again.
 */
const patchedDependencies = {
  name: 'patched-dependencies',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/](cli-table3[\\/]src[\\/](cell|utils)|commander[\\/]lib[\\/](option|command))\.js$/ }, (args) => {
      const file = Object.keys(bundlePatches).find((name) => args.path.replaceAll('\\', '/').endsWith(`node_modules/${name}`));
      let text = readFileSync(args.path, 'utf8');
      for (const [name, [before, after]] of Object.entries(bundlePatches[file])) {
        if (!text.includes(before)) throw new Error(`scripts/build.js: ${args.path} no longer holds ${name} as scripts/bundle-patches.js has it (another version?)`);
        text = text.replace(before, after);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

/** Imports that become separate files of dist/, and the files. */
const lazyFileNames = {
  './run.js': 'main.cjs',
  './table.js': 'table.cjs',
  './sampled.js': 'sampled.cjs',
  './chart.js': 'chart.cjs',
  './svg.js': 'svg.cjs',
  './money-svg.js': 'money-svg.cjs',
  './fit-svg.js': 'fit-svg.cjs',
  './xlsx.js': 'xlsx.cjs',
  './fit.js': 'fit.cjs',
  './png.js': 'png.cjs',
  './html.js': 'html.cjs',
  './calendar.js': 'calendar.cjs',
  './goal-by-date.js': 'goal-by-date.cjs',
  './compare-dates.js': 'compare-dates.cjs',
  '../io/read-sheet.js': 'read-sheet.cjs',
  chalk: 'chalk.cjs',
  './goal.js': 'goal.cjs',
  './goal-money.js': 'goal-money.cjs',
  './money.js': 'money.cjs',
  './flags/money.js': 'money-flags.cjs',
  './compare.js': 'compare.cjs',
  './compare-runs.js': 'compare-runs.cjs',
  './dated-forecast.js': 'dated-forecast.cjs',
  './examples.js': 'examples.cjs',
  './completion.js': 'completion.cjs',
  './nl.js': 'nl.cjs',
};

/**
 * Imports that become separate files of dist/, loaded only when a command needs them:
 * the CLI (run.ts, its I/O, signals and early worker start, and the CLI proper, as main.cjs),
 * so that dist/cli.cjs, the one file Node compiles itself with no code cache, holds only the
 * loader and `--version`; cli-table3 (not needed for JSON, CSV, TSV),
 * chalk (not needed without a terminal), the Monte Carlo engine (only for --trials), the
 * terminal chart (--chart), the SVG renderer (--format svg), its money panel and the fit's picture, the xlsx writer (--format xlsx),
 * fitting (fans fit, --fit), the xlsx reader (read-excel-file and fflate, for a workbook),
 * each command's own code past simulate and compound (goal, its money, a goal by date, compare,
 * compare on dates, money amounts, a dated forecast, examples, completion) and the Dutch words (--lang nl).
 * They load through src/cli/io/load.ts, which compiles them from V8's code cache. Modules they
 * share are copied into each file, so errors are told apart by name, not class identity.
 */
const lazyFiles = {
  name: 'lazy-files',
  setup(b) {
    // The commands' files are imported as ./commands/x.js from src/cli and as ./x.js beside each other.
    b.onResolve({ filter: /^(\.\/(commands\/)?(run|table|sampled|chart|svg|money-svg|fit-svg|xlsx|fit|png|html|calendar|goal-by-date|compare-dates|goal|goal-money|money|compare|compare-runs|dated-forecast|examples|completion|nl)\.js|\.\/flags\/money\.js|\.\.\/io\/read-sheet\.js|chalk)$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: lazyFileNames[args.path.replace('./commands/', './')], namespace: 'lazy-file' } : undefined,
    );
    // The loader is bundled into each file that loads another (cli.cjs, main.cjs): one file
    // fewer for Node to find, read and compile at start-up. Each file is loaded from one place.
    b.onLoad({ filter: /.*/, namespace: 'lazy-file' }, (args) => ({
      contents: `module.exports = require('./src/cli/io/load.ts').loadCached(${JSON.stringify(args.path)});`,
      loader: 'js',
      resolveDir: new URL('..', import.meta.url).pathname,
    }));
  },
};

// The CLI: CommonJS files. Node loads a CommonJS file faster than an ES module (an empty .mjs
// costs about 10% of Node's start-up here, an empty .cjs about 3%), and parsing costs by the
// byte, so each command loads only the files it needs.
const cjs = {
  ...common,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import() of our own lazy files and of node: modules becomes require(): no ES module loader.
  supported: { 'dynamic-import': false },
  // import.meta.url of the CommonJS file, worked out only when asked (rarely: a worker's
  // address, a terminal check): pathToFileURL at every start costs more than it should.
  define: { 'import.meta.url': 'importMeta.url' },
  banner: { js: "const importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  plugins: [lazyChildProcess, globalProcess, lazyFiles, fastStringWidth, patchedDependencies, versionAlone],
};
await build({
  ...cjs,
  entryPoints: {
    cli: 'src/cli/boot.ts',
    main: 'src/cli/run.ts',
    table: 'src/output/table.ts',
    sampled: 'src/cli/commands/sampled.ts',
    chart: 'src/output/chart.ts',
    svg: 'src/output/svg.ts',
    'money-svg': 'src/output/money-svg.ts',
    'fit-svg': 'src/output/fit-svg.ts',
    xlsx: 'src/output/xlsx.ts',
    fit: 'src/cli/commands/fit.ts',
    png: 'src/output/png.ts',
    html: 'src/output/html.ts',
    calendar: 'src/cli/commands/calendar.ts',
    'goal-by-date': 'src/cli/commands/goal-by-date.ts',
    'compare-dates': 'src/cli/commands/compare-dates.ts',
    'read-sheet': 'src/cli/io/read-sheet.ts',
    chalk: 'node_modules/chalk/source/index.js',
    goal: 'src/cli/commands/goal.ts',
    'goal-money': 'src/cli/commands/goal-money.ts',
    money: 'src/cli/commands/money.ts',
    'money-flags': 'src/cli/flags/money.ts',
    compare: 'src/cli/commands/compare.ts',
    'compare-runs': 'src/cli/commands/compare-runs.ts',
    'dated-forecast': 'src/cli/commands/dated-forecast.ts',
    examples: 'src/cli/commands/examples.ts',
    completion: 'src/cli/completion.ts',
    nl: 'src/output/words/nl.ts',
    'trial-worker': 'src/cli/io/trial-worker.ts',
  },
});

// The lazy files are loaded only by src/cli/io/load.ts, which compiles each as the function Node
// wraps a CommonJS file in. Writing that wrapper into the file spares the loader building a
// second copy of the text at start-up (V8 allocates it in the young heap, and past about
// 800 KB there a short run pays for a garbage collection). The wrapper opens with a hash of
// the text, which each code cache keeps (scripts/code-tag.js says why).
for (const name of Object.values(lazyFileNames)) {
  const file = `dist/${name}`;
  writeFileSync(file, wrapLazy(readFileSync(file, 'utf8')));
}

// dist/cli.cjs is the installed `fans` command itself (package.json's bin): a shebang, and
// executable. Through bin/fans.js (the checkout's entry, which says how to build when dist/ is
// missing) every run paid Node's finding, reading and compiling of one file more: about
// 0.4 ms of `fans simulate` on Node 22 and 26 (docs/performance.md).
writeFileSync('dist/cli.cjs', `#!/usr/bin/env node\n${readFileSync('dist/cli.cjs', 'utf8')}`);
chmodSync('dist/cli.cjs', 0o755);

// The library: an ES module for `import { treeGrowth } from 'fans-referral'` (and, on Node
// 20.19 and later, `require('fans-referral')`). Not minified, names kept: a user's stack
// trace and error class names read as the source does (FansInputError, treeLevels).
await build({ ...common, minify: false, keepNames: true, entryPoints: { index: 'src/index.ts' }, outdir: 'dist', format: 'esm' });

// Fill the V8 code caches beside the lazy files by running the commands people run most.
import { execFileSync } from 'node:child_process';
// Each run adds what it compiled to the caches of the files it loaded; the most common last.
const warmUp = [
  ['simulate', '--chart'],
  ['compound', '--format', 'svg'],
  ['compound', '--format', 'json'],
  ['simulate', '--trials', '2000', '--seed', '1', '--format', 'csv'],
  ['simulate', '--cycle', '30d', '--start-date', '2027-01-01', '--format', 'json'],
  ['simulate', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--format', 'json'],
  ['compare', 'examples/article.json', '--format', 'json'],
  ['compound', '--value', '100', '--format', 'json'],
  ['goal', '1000', '--fanout', '10', '--format', 'json'],
  ['simulate', '--lang', 'nl'],
  ['simulate'],
];
for (const args of warmUp) {
  execFileSync(process.execPath, ['bin/fans.js', ...args], { env: { ...process.env, FANS_WRITE_CODE_CACHE: '1', NO_COLOR: '1' }, stdio: 'ignore' });
}
