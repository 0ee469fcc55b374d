import { fstatSync, statSync, writeSync } from 'node:fs';

/** Writes text to a file descriptor; see {@link fdWriter}. */
export interface FdWriter {
  (text: string | Uint8Array): void;
  /** Whether some text went to the stream, which may still hold it: the process must not exit before it drains. */
  readonly streamed: boolean;
}

/**
 * A writer of text to a file descriptor (1 or 2) that does not create `process.stdout`:
 * building that stream loads `net`, `stream` and `tty`, about 5% of Node's start-up here,
 * to write one answer. It writes with `fs.writeSync`, looping over partial writes; when the
 * descriptor is non-blocking and full (EAGAIN) it hands the rest, and everything after, to
 * the stream, which waits for the reader. Any other failure goes to `failed` (EPIPE: the
 * reader went away).
 *
 * @example
 * const out = fdWriter(1, () => process.stdout, (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));
 * out('1,111\n');
 */
export function fdWriter(
  fd: number,
  stream: () => NodeJS.WritableStream,
  failed: (error: NodeJS.ErrnoException) => void,
  write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync,
): FdWriter {
  let streamed = false;
  const writer = (text: string | Uint8Array) => {
    if (streamed) {
      stream().write(text);
      return;
    }
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let offset = 0;
    try {
      while (offset < bytes.length) offset += write(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return failed(error as NodeJS.ErrnoException);
      streamed = true;
      stream().write(bytes.subarray(offset));
    }
  };
  return Object.defineProperty(writer, 'streamed', { get: () => streamed }) as FdWriter;
}

/**
 * Whether a descriptor is a terminal. A pipe or a file is told by `fstat` alone, and so is
 * /dev/null (where benchmarks send output); only another character device asks `isatty`,
 * which the caller hands in so that `node:tty` (and `net` and `stream` with it) loads then
 * and not before.
 */
export function isTerminal(fd: number, isatty: (fd: number) => boolean): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    if (stat.rdev === devNull()) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

function devNull(): number | undefined {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return undefined; // no /dev/null (Windows): isatty decides
  }
}

