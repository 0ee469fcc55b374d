import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Script } from 'node:vm';

const loaded = new Map<string, unknown>();

/**
 * Loads a CommonJS file of dist/ as `require()` would, but compiled from the V8 code cache
 * stored beside it (`main.cjs.cache`) when V8 accepts it: Node 20 has no compile cache of
 * its own (module.enableCompileCache came in 22), and compiling the CLI is a good part of
 * its start-up. A missing, stale or foreign cache (another Node version) is ignored.
 * With FANS_WRITE_CODE_CACHE=1 (the build does this) the cache is written on exit, holding
 * every function the run compiled; only in a checkout (beside scripts/build.js), never into an
 * installed package, and quietly not at all where it cannot be written.
 *
 * Each file holds `(function (exports, require, module, __filename, __dirname) { ... });`,
 * as the build writes it. The files live beside this one and require only Node's modules
 * and each other, so this file's own `require` serves them (node:module's createRequire
 * costs start-up time).
 */
export function loadCached(name: string): unknown {
  if (loaded.has(name)) return loaded.get(name);
  const file = `${__dirname}/${name}`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  // The build wrote each file as the function Node wraps a CommonJS file in (see
  // scripts/build.js): compiling the text as read keeps one copy of it in memory, not two.
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  loaded.set(name, module.exports);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, __dirname);
  loaded.set(name, module.exports);
  if (process.env.FANS_WRITE_CODE_CACHE === '1' && inCheckout()) {
    process.once('exit', () => {
      try {
        writeFileSync(`${file}.cache`, script.createCachedData());
      } catch {
        // A cache that cannot be written is only slower start-up next time: say nothing.
      }
    });
  }
  return module.exports;
}

/** Whether dist/ sits in a checkout (scripts/build.js beside it), where the build may write caches. */
function inCheckout(): boolean {
  return existsSync(`${__dirname}/../scripts/build.js`);
}
