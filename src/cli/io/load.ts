import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const loaded = new Map<string, unknown>();

/**
 * Loads a CommonJS file of dist/ as `require()` would, but compiled from a V8 code cache
 * written *after* a run, so it holds every function that run compiled, not only the file's
 * top level (which is all that Node 22's own compile cache keeps: measured, it took `fans
 * simulate` from 2.07 to 1.99 times a bare `node -e 0` on Node 22, where this cache gives
 * the figures in docs/performance.md). A cache fits one Node version; V8 rejects any other, and a
 * stale or damaged one, and the file is then compiled as usual.
 * - dist/NAME.NODEVERSION.cache: written by the build (FANS_WRITE_CODE_CACHE=1, only in a
 *   checkout, beside scripts/build.js) for the Node that built it;
 * - on any other Node, $XDG_CACHE_HOME/fans-referral (else ~/.cache/fans-referral): written
 *   at the end of the first run that found none there (or had one rejected), quietly not at
 *   all where it cannot be; no HOME, no cache.
 *
 * Each file holds `(function (exports, require, module, __filename, __dirname) { ... });`,
 * as the build writes it. The files live beside this one and require only Node's modules
 * and each other, so this file's own `require` serves them (node:module's createRequire
 * costs start-up time).
 */
export function loadCached(name: string): unknown {
  if (loaded.has(name)) return loaded.get(name);
  const file = `${__dirname}/${name}`;
  const building = process.env.FANS_WRITE_CODE_CACHE === '1' && inCheckout();
  const shipped = `${file}.${process.version}.cache`;
  const own = building ? null : userCache(name);
  let cachedData: Buffer | undefined;
  for (const path of building ? [] : [shipped, own]) {
    if (path === null || cachedData) continue;
    try {
      cachedData = readFileSync(path);
    } catch {
      cachedData = undefined;
    }
  }
  // The build wrote each file as the function Node wraps a CommonJS file in (see
  // scripts/build.js): compiling the text as read keeps one copy of it in memory, not two.
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  loaded.set(name, module.exports);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, __dirname);
  loaded.set(name, module.exports);
  const target = building ? shipped : cachedData === undefined || script.cachedDataRejected ? own : null;
  if (target !== null) {
    process.once('exit', () => {
      try {
        if (!building) mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, script.createCachedData());
      } catch {
        // A cache that cannot be written is only slower start-up next time: say nothing.
      }
    });
  }
  return module.exports;
}

/** Where this user's cache of a file for this Node lives, or null without a home. */
function userCache(name: string): string | null {
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME ? `${process.env.HOME}/.cache` : '');
  return home ? `${home}/fans-referral/${name}.${process.version}.cache` : null;
}

/** Whether dist/ sits in a checkout (scripts/build.js beside it), where the build may write caches. */
function inCheckout(): boolean {
  return existsSync(`${__dirname}/../scripts/build.js`);
}
