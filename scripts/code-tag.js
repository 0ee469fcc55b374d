import { createHash } from 'node:crypto';

/**
 * How the build writes a lazy file of dist/ and src/cli/io/load.ts reads it: the function
 * Node wraps a CommonJS file in, opened by a tag of 16 hex digits, a hash of the file's text.
 * V8 accepts a code cache for any source of the length it was made for, so a cache made for
 * an older build of the same length would run that build's compiled functions at the old
 * offsets; the loader keeps the tag in each cache and uses only a cache with this file's tag.
 * @example wrapLazy('module.exports = 1;') // '(function (exports, require, module, __filename, __dirname) { /*3c8f…*\/ module.exports = 1;\n});'
 */
export const lazyWrapper = (tag) => `(function (exports, require, module, __filename, __dirname) { /*${tag}*/ `;

/** The first 16 hex digits of the SHA-256 of a file's text. */
export const codeTag = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A lazy file's text as the build writes it. */
export const wrapLazy = (body) => `${lazyWrapper(codeTag(body))}${body}\n});`;

/** The text `wrapLazy` wrapped. */
export const unwrapLazy = (text) => text.slice(lazyWrapper('0'.repeat(16)).length, -'\n});'.length);
