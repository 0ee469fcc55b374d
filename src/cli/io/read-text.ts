import { type Io, UsageError } from './io.js';
import { fileLabel } from '../flags/parse.js';

/** Why a file could not be read, in words of our own: Node's message repeats the whole path. */
const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  ENAMETOOLONG: 'the name is too long',
  ENOTDIR: 'a part of the path is not a folder',
};

/**
 * A file's text (`-`: standard input): at most `limit` bytes of UTF-8, a byte-order mark
 * dropped. Every problem is a UsageError naming the file; past the limit it says `tooLarge`
 * (`is larger than 1 MiB; ...`), without reading the rest.
 */
export async function readText(io: Io, file: string, limit: number, tooLarge: string): Promise<string> {
  const name = fileLabel(file);
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file, limit);
  } catch (error) {
    if ((error as Error).name === 'TooLarge') throw new UsageError(`${name}: ${tooLarge}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${name}: ${(code && reasons[code]) ?? code ?? 'it cannot be read'}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(`${name}: is not UTF-8 text`);
  }
}
