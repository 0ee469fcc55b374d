import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from './io.js';
import { fileLabel } from '../flags/parse.js';

/** A failure to write a file that is not the user's mistake (a full disk): exit code 1. */
export class WriteFailed extends Error {
  override name = 'WriteFailed';
}

const reasons: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EIO: 'an input/output error',
};

/** Codes that mean the path cannot be used as given (exit 2); the others are failures (exit 1). */
const pathProblems = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG']);

function problem(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const text = `cannot write --output ${fileLabel(file)}: ${reasons[code] ?? code ?? 'it cannot be written'}; nothing was written`;
  return pathProblems.has(code) ? new UsageError(text) : new WriteFailed(text);
}

/**
 * Checks before any work that `file` can be written: its folder exists, it is not a folder,
 * and it does not exist unless `force`. A UsageError says what is wrong.
 */
export function checkOutputPath(file: string, force: boolean): void {
  if (file === '' || file.endsWith('/')) throw new UsageError(`--output must name a file (got ${fileLabel(file) || '""'})`);
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw problem(file, error);
    try {
      if (!statSync(dirname(file)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    } catch (inner) {
      throw problem(file, inner);
    }
    return;
  }
  if (stat.isDirectory()) throw problem(file, { code: 'EISDIR' });
  if (!force) throw new UsageError(`--output ${fileLabel(file)} exists: add --force to replace it`);
}

/**
 * Writes `bytes` to `file` whole or not at all: into a temporary file beside it (same folder,
 * so the rename stays on one file system), flushed to disk, then moved into place. Without
 * `force` the move is a hard link, which fails if the file appeared meanwhile, so an
 * existing file is never replaced; where links are not supported the file is checked and
 * renamed. On any failure the temporary file is removed and the target left as it was.
 *
 * @example writeWhole('report.xlsx', bytes, false) // report.xlsx appears complete, or not at all
 */
export function writeWhole(file: string, bytes: Uint8Array, force: boolean): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o644);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (force) renameSync(temporary, file);
    else {
      try {
        linkSync(temporary, file);
        unlinkSync(temporary);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`--output ${fileLabel(file)} exists: add --force to replace it`);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        checkOutputPath(file, false);
        renameSync(temporary, file);
      }
    }
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // already moved, or never made
    }
    if (error instanceof UsageError) throw error;
    throw problem(file, error);
  }
}

/** The size of a file for people: `812 bytes`, `12.3 kB`, `4.1 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
