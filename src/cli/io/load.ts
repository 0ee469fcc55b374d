import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * The files loaded so far, by name, for the whole process: this loader is bundled into each
 * file that loads another (cli.cjs, main.cjs, sampled.cjs, ...), and each copy must hand out
 * the one instance of a file (fit.cjs keeps what it read from standard input, which can be
 * read once), so the map lives on globalThis, not in the copy.
 */
const loaded: Map<string, unknown> = ((globalThis as Record<symbol, unknown>)[Symbol.for('fans-referral.loaded')] ??= new Map<string, unknown>()) as Map<string, unknown>;

/**
 * Loads a CommonJS file of dist/ as `require()` would, but compiled from a V8 code cache
 * written *after* a run, so it holds every function that run compiled, not only the file's
 * top level (which is all that Node 22's own compile cache keeps: measured, it took `fans
 * simulate` from 2.07 to 1.99 times a bare `node -e 0` on Node 22, where this cache gives
 * the figures in docs/performance.md). A cache fits one Node version and one build; V8 rejects
 * another Node's or a damaged one, this file one of another build, and the file is then
 * compiled as usual.
 * - dist/NAME.NODEVERSION.cache: written by the build (FANS_WRITE_CODE_CACHE=1, only in a
 *   checkout, beside scripts/build.js) for the Node that built it;
 * - on any other Node, $XDG_CACHE_HOME/fans-referral (else ~/.cache/fans-referral): written
 *   at the end of the first run that found none there (or had one rejected), quietly not at
 *   all where it cannot be; no HOME, no cache.
 *
 * Each file holds `(function (exports, require, module, __filename, __dirname) { /*TAG*\/ ... });`,
 * as the build writes it (scripts/code-tag.js); each cache opens with its file's TAG, and a
 * cache with another is not used: V8 checks only the source's length, so a cache left by an
 * older build of the same length would run its functions at the wrong offsets.
 *
 * The files live beside this one and require only Node's modules and each other, so this
 * file's own `require` serves them (node:module's createRequire costs start-up time).
 */
export function loadCached(name: string): unknown {
  if (loaded.has(name)) return loaded.get(name);
  const file = `${__dirname}/${name}`;
  const building = process.env.FANS_WRITE_CODE_CACHE === '1' && inCheckout();
  const shipped = `${file}.${process.version}.cache`;
  const own = building ? null : userCache(name);
  // The build wrote each file as the function Node wraps a CommonJS file in (see
  // scripts/build.js): compiling the text as read keeps one copy of it in memory, not two.
  const text = readFileSync(file, 'utf8');
  const tag = tagOf(text);
  let cachedData: Buffer | undefined;
  for (const path of building || tag === null ? [] : [shipped, own]) {
    if (path === null || cachedData) continue;
    try {
      const read = readFileSync(path);
      cachedData = read.length > tagLength && read.toString('latin1', 0, tagLength) === tag ? read.subarray(tagLength) : undefined;
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(text, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  loaded.set(name, module.exports);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, __dirname);
  loaded.set(name, module.exports);
  const target = tag === null ? null : building ? shipped : cachedData === undefined || script.cachedDataRejected ? own : null;
  if (target !== null) {
    process.once('exit', () => {
      try {
        if (!building) mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, Buffer.concat([Buffer.from(tag!, 'latin1'), script.createCachedData()]));
      } catch {
        // A cache that cannot be written is only slower start-up next time: say nothing.
      }
    });
  }
  return module.exports;
}

const tagLength = 16;
const wrapperStart = '(function (exports, require, module, __filename, __dirname) { /*';

/**
 * The build's tag of a lazy file (scripts/code-tag.js: 16 hex digits of a hash of its text),
 * which a cache must carry to be used: V8 itself checks only the source's length. Null for a
 * file without one (then no cache is read or written).
 * @example tagOf('(function (exports, require, module, __filename, __dirname) { /*0123456789abcdef*\/ ...') // '0123456789abcdef'
 */
function tagOf(text: string): string | null {
  if (!text.startsWith(wrapperStart)) return null;
  const tag = text.slice(wrapperStart.length, wrapperStart.length + tagLength);
  // A loop, not /^[0-9a-f]{16}$/: V8 would compile that pattern at every start.
  for (const c of tag) if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return null;
  return tag.length === tagLength && text.startsWith('*/', wrapperStart.length + tagLength) ? tag : null;
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
