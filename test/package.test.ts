import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { root } from './cli/harness.js';

// Packs the built package (npm test builds dist/ first), installs the tarball into a
// temporary prefix with no access to the source tree, and runs what a user would run.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let tarball: string;
let prefix: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fans-package-'));
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  tarball = join(work, packed[0].filename);
  prefix = join(work, 'prefix');
  execFileSync(npm, ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball], { cwd: work, stdio: 'ignore' });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const fans = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(join(prefix, 'node_modules', '.bin', 'fans'), args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

describe('the packed tarball', () => {
  it('holds only what a user needs: bin, dist, examples, README, the docs, the changelog, LICENSE, package.json', () => {
    const files: string[] = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    const outside = files.filter((f) => !/^(bin\/|dist\/|examples\/[a-z]+\.(json|csv)$|fonts\/(DejaVuSans(-Bold)?\.ttf|LICENSE-DejaVu\.txt)$|README\.md$|CHANGELOG\.md$|docs\/[a-z-]+\.md$|LICENSE$|package\.json$)/.test(f));
    expect(outside).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['bin/fans.js', 'dist/cli.cjs', 'dist/main.cjs', 'dist/index.js', 'dist/types/index.d.ts', 'README.md', 'CHANGELOG.md', 'docs/money.md', 'docs/limits.md', 'LICENSE']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });

  it('installs a working `fans`: help, version, each format, a chart and threads', () => {
    expect(fans(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('simulate') });
    expect(fans(['--version']).stdout).toBe(`${pkg.version}\n`);
    expect(fans(['simulate'])).toMatchObject({ status: 0, stderr: '', stdout: expect.stringContaining('1 fan reaches 1,111 people in 3 steps.') });
    expect(JSON.parse(fans(['compound', '--format', 'json']).stdout).total).toBe(1024);
    expect(fans(['simulate', '--format', 'csv']).stdout).toBe('level,new,total\r\n0,1,1\r\n1,10,11\r\n2,100,111\r\n3,1000,1111\r\n');
    expect(fans(['compound', '--years', '2', '--format', 'tsv']).stdout).toBe('year\tnew\ttotal\n0\t1\t1\n1\t1\t2\n2\t2\t4\n');
    expect(fans(['simulate', '--trials', '5000', '--seed', '3', '--format', 'json']).status).toBe(0);
    expect(fans(['compound', '--format', 'svg'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^<svg [^]*<\/svg>\n$/) });
    expect(fans(['simulate', '--chart'])).toMatchObject({ status: 0, stdout: expect.stringContaining('(log scale)') });
    // The xlsx writer is a file of its own in dist/, loaded from the install.
    expect(fans(['simulate', '--format', 'xlsx'])).toMatchObject({ status: 0, stderr: '', stdout: expect.stringMatching(/^PK\x03\x04/) });
    // PNG through the native resvg module and the shipped fonts; HTML as one page.
    expect(fans(['simulate', '--format', 'png'])).toMatchObject({ status: 0, stderr: '', stdout: expect.stringMatching(/^\uFFFDPNG\r\n/) });
    expect(fans(['simulate', '--format', 'html'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^<!doctype html>[^]*<svg [^]*<\/html>\n$/) });
    expect(fans(['simulate', '--lang', 'nl', '--market', '10.000', '--locale', 'nl-NL']).stdout).toContain('Markt: 10.000 personen');
    // Two worker threads load dist/trial-worker.cjs from the install.
    expect(fans(['simulate', '--trials', '3000', '--seed', '3', '--threads', '2', '--format', 'csv']).stdout).toBe(fans(['simulate', '--trials', '3000', '--seed', '3', '--threads', '1', '--format', 'csv']).stdout);
    expect(fans(['simulate', '--fanout', '-1'])).toMatchObject({ status: 2, stdout: '' });
  });

  it("runs every example of `fans compare --help` as written, from the install", () => {
    const help = fans(['compare', '--help']).stdout;
    // In order, in one folder: a later example may use the file an earlier one saved.
    const lines = help.split('\n').filter((l) => l.trim().startsWith('$ fans'));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const bin = join(prefix, 'node_modules', '.bin');
    for (const line of lines) {
      const command = line.trim().slice(2).replace(/\s{2,}.*$/, '');
      const ran = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { cwd: work, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: work } });
      expect({ command, status: ran.status, stderr: ran.stderr }).toEqual({ command, status: 0, stderr: '' });
    }
    expect(fans(['example', 'article']).stdout).toBe(readFileSync(join(root, 'examples', 'article.json'), 'utf8'));
  });

  it('the installed `fans` command is dist/cli.cjs itself, not bin/fans.js: one file fewer to find and compile at every start', () => {
    const installed = realpathSync(join(prefix, 'node_modules', '.bin', 'fans'));
    expect(installed).toBe(join(prefix, 'node_modules', pkg.name, 'dist', 'cli.cjs'));
    expect(readFileSync(installed, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(installed).mode & 0o111).not.toBe(0);
    expect(fans(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  it('a checkout becomes the `fans` command with `npm install -g .` (here into a temporary prefix)', () => {
    const global = join(work, 'global');
    execFileSync(npm, ['install', '-g', '--prefix', global, '--no-audit', '--no-fund', '--ignore-scripts', '.'], { cwd: root, stdio: 'ignore' });
    const ran = spawnSync('bash', ['-c', 'fans simulate'], { cwd: work, encoding: 'utf8', env: { PATH: `${join(global, 'bin')}:${process.env.PATH ?? ''}`, HOME: work } });
    expect(ran).toMatchObject({ status: 0, stderr: '', stdout: expect.stringContaining('1 fan reaches 1,111 people in 3 steps.') });
  });

  it('still works when a code cache is stale or damaged (V8 rejects it)', () => {
    // The cache of the Node that built the package; on any other Node a file by that name is one more foreign cache.
    const cache = join(prefix, 'node_modules', pkg.name, 'dist', `main.cjs.${process.version}.cache`);
    writeFileSync(cache, Buffer.from('not a code cache'));
    expect(fans(['simulate'])).toMatchObject({ status: 0, stdout: expect.stringContaining('1,111') });
    rmSync(cache);
    expect(fans(['compound', '--format', 'json'])).toMatchObject({ status: 0 });
  });

  it('exposes the library API with types: import { treeGrowth } from the package', () => {
    const script = `import { treeGrowth, compoundGrowth, treeDefaults } from '${pkg.name}';
      console.log(String(treeGrowth({ ...treeDefaults }).at(-1).total), String(compoundGrowth({ start: 1, rate: 1, years: 10, conversion: 1, churn: 0, market: null }).at(-1).total));`;
    const ran = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: prefix, encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe('1111 1024\n');
    // require() works too (Node 20.19+ loads the ES module), and errors read as the source does.
    const required = spawnSync(
      process.execPath,
      ['-e', `const f = require('${pkg.name}'); try { f.treeGrowth({ ...f.treeDefaults, fanout: -1 }); } catch (e) { console.log(e.name, e instanceof f.FansInputError, e.message); console.log(e.stack.split('\\n')[2].trim()); }`],
      { cwd: prefix, encoding: 'utf8' },
    );
    expect(required.stderr).toBe('');
    expect(required.stdout.split('\n')[0]).toBe('FansInputError true fanout must be a number from 0 to 1,000,000 (got -1)');
    expect(required.stdout.split('\n')[1]).toMatch(/^at treeLevels \(.*dist\/index\.js:\d+:\d+\)$/);
    const types = readFileSync(join(prefix, 'node_modules', pkg.name, 'dist', 'types', 'index.d.ts'), 'utf8');
    // The public API named one by one: no `export *` that would leak internals.
    expect(types).not.toContain('export *');
    expect(types).toMatch(/export \{ type TreeParams, type TreeRow, treeDefaults, treeGrowth,/);
    // Fits and exact counts for JSON, from the package; internals (binOf) are not in it.
    const fitted = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import * as fans from '${pkg.name}';
        const fit = fans.fitReferrals({ kind: 'counts', frequencies: fans.frequenciesOf([0, 0, 1, 2, 0, 3]), truncated: false });
        const dated = fans.fitDated({ fans: [{ count: 1, exposure: 400, fans: 50 }, { count: 0, exposure: 400, fans: 50 }], delays: { values: [20, 30, 40], counts: [15, 20, 15] } }, ['gamma']);
        console.log(fit.preferred.parameters.K, dated.preferred.K.value.toFixed(3), JSON.stringify(fans.treeGrowth({ ...fans.treeDefaults }).at(-1), fans.countReplacer), 'binOf' in fans);`,
      ],
      { cwd: prefix, encoding: 'utf8' },
    );
    expect(fitted.stderr).toBe('');
    expect(fitted.stdout).toBe('1 0.500 {"level":3,"new":"1000","total":"1111","paid":"0"} false\n');
    expect(existsSync(join(prefix, 'node_modules', pkg.name, 'dist', 'types', 'model', 'growth', 'tree.d.ts'))).toBe(true);
  });
});

describe('a checkout without its build (issue 12)', () => {
  it('bin/fans.js says in one line how to build, not a stack', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'fans-unbuilt-'));
    try {
      execFileSync('cp', ['-r', join(root, 'bin'), join(root, 'package.json'), checkout]);
      const ran = spawnSync(process.execPath, [join(checkout, 'bin', 'fans.js'), 'simulate'], { encoding: 'utf8' });
      expect(ran.status).toBe(1);
      expect(ran.stdout).toBe('');
      expect(ran.stderr).toBe('fans: not built: dist/cli.cjs is missing; run `npm install` (with dev dependencies) and `npm run build` in the checkout, or install the packed tarball\n');
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });

  it('prepare leaves an install without dev dependencies standing, with one line', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'fans-prepare-'));
    try {
      execFileSync('cp', ['-r', join(root, 'scripts'), join(root, 'package.json'), checkout]);
      const ran = spawnSync(process.execPath, [join(checkout, 'scripts', 'prepare.js')], { cwd: checkout, encoding: 'utf8' });
      expect(ran.status).toBe(0);
      expect(ran.stderr).toMatch(/^fans: dev dependencies are not installed \(--omit=dev\?\), so dist\/ was not built/);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });
});

describe('FANS_WRITE_CODE_CACHE in an installed package (issue 12)', () => {
  it('writes nothing into the install and says nothing', () => {
    const dist = join(prefix, 'node_modules', pkg.name, 'dist');
    const snapshot = () =>
      readdirSync(dist, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `${entry.name} ${readFileSync(join(dist, entry.name)).toString('base64')}`);
    const before = snapshot();
    const ran = fans(['compound', '--format', 'svg'], { FANS_WRITE_CODE_CACHE: '1' });
    expect(ran).toMatchObject({ status: 0, stderr: '' });
    expect(snapshot()).toEqual(before);
  });
});
