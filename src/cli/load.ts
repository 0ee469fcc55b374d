import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const loaded = new Map<string, unknown>();

/**
 * Loads a CommonJS file of dist/ as `require()` would, but compiled from the V8 code cache
 * stored beside it (`main.cjs.cache`) when V8 accepts it: Node 20 has no compile cache of
 * its own (module.enableCompileCache came in 22), and compiling the CLI is a good part of
 * its start-up. A missing, stale or foreign cache (another Node version) is ignored.
 * With FANS_WRITE_CODE_CACHE=1 (the build does this) the cache is written on exit, holding
 * every function the run compiled.
 */
export function loadCached(name: string): unknown {
  if (loaded.has(name)) return loaded.get(name);
  const file = join(__dirname, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  loaded.set(name, module.exports);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  loaded.set(name, module.exports);
  if (process.env.FANS_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(`${file}.cache`, script.createCachedData()));
  return module.exports;
}
