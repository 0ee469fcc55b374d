import { linkSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync, constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Interrupted, UsageError } from './io.js';
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
  ELOOP: 'it is a loop of links',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EIO: 'an input/output error',
  EPIPE: 'the reader of the pipe went away',
};

/** Codes that mean the path cannot be used as given (exit 2); the others are failures (exit 1). */
const pathProblems = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'ELOOP']);

function problem(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const text = `cannot write --output ${fileLabel(file)}: ${reasons[code] ?? code ?? 'it cannot be written'}; nothing was written`;
  return pathProblems.has(code) ? new UsageError(text) : new WriteFailed(text);
}

/**
 * Where --output's bytes go:
 * - `file`: a regular file, new or (with --force) replaced whole; `path` is the file itself,
 *   so a link to a file keeps being a link and the file it points to is replaced;
 * - `through`: a character device (/dev/null, a terminal) or a pipe (a FIFO), or a path
 *   that names an open file descriptor (/dev/stderr, /dev/fd/3): written through as
 *   a shell's `>` would, never renamed over, and no --force needed (nothing is replaced).
 */
export type OutputTarget = { kind: 'file'; path: string } | { kind: 'through'; path: string };

/**
 * What `file` is and whether fans may write it, checked before any work: its folder exists,
 * it is not a folder, a block device or a socket, a link leads to a file, and a regular
 * file that exists is replaced only with `force`. A UsageError says what is wrong.
 */
export function outputTarget(file: string, force: boolean): OutputTarget {
  if (file === '' || file.endsWith('/')) throw new UsageError(`--output must name a file (got ${fileLabel(file) || '""'})`);
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw problem(file, error);
    if (isLink(file)) throw new UsageError(`--output ${fileLabel(file)} is a link to a file that does not exist: give the file's own path`);
    try {
      if (!statSync(dirname(file)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    } catch (inner) {
      throw problem(file, inner);
    }
    return { kind: 'file', path: file };
  }
  if (stat.isDirectory()) throw problem(file, { code: 'EISDIR' });
  if (stat.isCharacterDevice() || stat.isFIFO() || descriptorPath.test(resolve(file))) return { kind: 'through', path: file };
  if (!stat.isFile()) throw new UsageError(`--output ${fileLabel(file)} is a ${stat.isBlockDevice() ? 'block device' : 'socket'}: fans writes files, character devices (such as /dev/null) and pipes`);
  if (!force) throw new UsageError(`--output ${fileLabel(file)} exists: add --force to replace it`);
  return { kind: 'file', path: isLink(file) ? realpathSync(file) : file };
}

/** A path that names an open file descriptor: /dev/stderr, /dev/fd/3, /proc/self/fd/3 (not /dev/shm's files, which are files). */
const descriptorPath = /^\/(?:dev\/(?:fd\/\d+|std(?:in|out|err))|proc\/[^/]+\/fd\/\d+)$/;

const isLink = (file: string) => {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Bytes written between two looks at whether the run was stopped. */
const chunk = 1 << 20;

/**
 * Writes `bytes` to `file`, a regular file whole or not at all: into a temporary file beside
 * it (same folder, so the rename stays on one file system), flushed to disk, then moved into
 * place. Without `force` the move is a hard link, which fails if the file appeared
 * meanwhile, so an existing file is never replaced; where links are not supported the file
 * is checked and renamed. A device or a pipe is written through (see {@link OutputTarget}).
 * On any failure, and when `stop` is aborted (a signal, looked at between megabytes), the
 * temporary file is removed and the target left as it was.
 *
 * @example await writeWhole('report.xlsx', bytes, false) // report.xlsx appears complete, or not at all
 */
export async function writeWhole(file: string, bytes: Uint8Array, force: boolean, stop?: AbortSignal): Promise<void> {
  const target = outputTarget(file, force);
  if (target.kind === 'through') {
    try {
      const handle = await open(target.path, constants.O_WRONLY | constants.O_TRUNC);
      try {
        await writeAll(handle, bytes, stop);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw error instanceof Interrupted ? error : problem(file, error);
    }
    return;
  }
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let made = false;
  try {
    const handle = await open(temporary, 'wx', 0o644);
    made = true;
    try {
      await writeAll(handle, bytes, stop);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (stop?.aborted) throw new Interrupted(stop.reason);
    if (force) {
      // Looked at again just before the move: a file that turned into something else while
      // the run went on (a device, a link) is not renamed over.
      const now = outputTarget(file, true);
      if (now.kind !== 'file' || now.path !== target.path) throw new UsageError(`--output ${fileLabel(file)} changed while fans ran; nothing was written`);
      renameSync(temporary, target.path);
    } else {
      try {
        linkSync(temporary, target.path);
        unlinkSync(temporary);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`--output ${fileLabel(file)} exists: add --force to replace it`);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        outputTarget(file, false);
        renameSync(temporary, target.path);
      }
    }
    made = false;
  } catch (error) {
    if (made) {
      try {
        unlinkSync(temporary);
      } catch {
        // already moved
      }
    }
    if (error instanceof UsageError || error instanceof Interrupted) throw error;
    throw problem(file, error);
  }
}

/** Writes all of `bytes` a megabyte at a time, stopping with {@link Interrupted} once `stop` is aborted. */
async function writeAll(handle: import('node:fs/promises').FileHandle, bytes: Uint8Array, stop: AbortSignal | undefined): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    if (stop?.aborted) throw new Interrupted(stop.reason);
    const { bytesWritten } = await handle.write(bytes, offset, Math.min(chunk, bytes.length - offset));
    offset += bytesWritten;
  }
}

/** The size of a file for people: `812 bytes`, `12.3 kB`, `4.1 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
