import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeTag, unwrapLazy, wrapLazy } from '../../scripts/code-tag.js';
import { root } from './harness.js';

// V8 checks a code cache against its source by the source's length only. A user's cache
// (~/.cache/fans-referral) outlives an upgrade, and a new build of a file of the same length
// would run with the old build's functions at the old offsets: a SyntaxError deep inside a
// command, as CI met after a one-line change to table.cjs. The build tags each file with a
// hash of its text (scripts/code-tag.js), each cache carries its file's tag, and a cache made
// for another build is never handed to V8 (src/cli/io/load.ts).
describe('the code cache of an older build', () => {
  const app = mkdtempSync(join(tmpdir(), 'fans-cache-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  // An installed copy (no scripts/build.js beside dist/): caches live in the user's folder.
  cpSync(join(root, 'bin'), join(app, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(app, 'dist'), { recursive: true, filter: (from) => !from.endsWith('.cache') });
  const caches = join(app, 'caches', 'fans-referral');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(app, 'bin', 'fans.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(app, 'caches') } });
  const table = join(app, 'dist', 'table.cjs');
  const cacheOf = (name: string) => join(caches, `${name}.${process.version}.cache`);
  // Commands whose table functions the first run below never compiled: V8 compiles them
  // from the source when first called, at the offsets the cache recorded.
  const others = [
    ['simulate', '--fanout', '1', '--depth', '300'],
    ['simulate', '--value', '10'],
    ['fit', join(root, 'examples', 'referrals.csv')],
  ];
  const expected = others.map((args) => run(...args).stdout);

  it('is not used for a new build of the same length', () => {
    rmSync(join(app, 'caches'), { recursive: true, force: true });
    const first = run('compound', '--years', '3');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const old = readFileSync(table, 'utf8');
    expect(readFileSync(cacheOf('table.cjs')).subarray(0, 16).toString('latin1')).toBe(codeTag(unwrapLazy(old)));

    // "A new build": the same program, every function one character further on, the same length.
    const body = unwrapLazy(old).replace('"use strict";', ' "use strict";').replace(/\n$/, '');
    const rebuilt = wrapLazy(body);
    expect(rebuilt).toHaveLength(old.length);
    expect(rebuilt).not.toBe(old);
    writeFileSync(table, rebuilt);

    others.forEach((args, i) => {
      const ran = run(...args);
      expect(ran.stderr).toBe('');
      expect(ran.status).toBe(0);
      expect(ran.stdout).toBe(expected[i]);
    });
    // The stale cache was replaced by one for the new build.
    expect(readFileSync(cacheOf('table.cjs')).subarray(0, 16).toString('latin1')).toBe(codeTag(body));
    expect(run('compound', '--years', '3').stdout).toBe(first.stdout);
  });

  it('a damaged or foreign cache is only slower start-up', () => {
    run('simulate');
    for (const name of readdirSync(caches)) writeFileSync(join(caches, name), name.startsWith('main') ? 'not a cache' : '');
    const ran = run('simulate', '--value', '10');
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(expected[1]);
  });
});
