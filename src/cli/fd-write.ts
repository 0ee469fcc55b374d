import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Writes text to a file descriptor; see {@link fdWriter}. */
export interface FdWriter {
  (text: string): void;
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
  const writer = (text: string) => {
    if (streamed) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
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
 * Whether a descriptor is a terminal. A pipe or a file is told by `fstat` alone; only a
 * character device (a terminal, or /dev/null) loads `node:tty` to ask.
 */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(fd);
}
