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
 * dropped; with `legacy` (records people export from spreadsheets) also UTF-16 with a
 * byte-order mark, and bytes that are not UTF-8 as Windows-1252, said on stderr. Every problem is a UsageError naming the file; past the limit it says `tooLarge`
 * (`is larger than 1 MiB; ...`), without reading the rest.
 */
export async function readText(io: Io, file: string, limit: number, tooLarge: string, legacy = false): Promise<string> {
  return decodeText(io, fileLabel(file), await readFileBytes(io, file, limit, tooLarge), legacy);
}

/** A file's bytes (`-`: standard input), at most `limit`; every problem a UsageError naming the file. */
export async function readFileBytes(io: Io, file: string, limit: number, tooLarge: string): Promise<Uint8Array> {
  const name = fileLabel(file);
  try {
    return await io.readBytes(file, limit);
  } catch (error) {
    if ((error as Error).name === 'TooLarge') throw new UsageError(`${name}: ${tooLarge}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${name}: ${(code && reasons[code]) ?? code ?? 'it cannot be read'}`);
  }
}

/** Bytes as text: see {@link readText}. */
export function decodeText(io: Io, name: string, bytes: Uint8Array, legacy: boolean): string {
  // UTF-16 with its byte-order mark (Excel's "Unicode text"): decoded as such.
  if (legacy && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (!legacy) throw new UsageError(`${name}: is not UTF-8 text`);
  }
  // Not UTF-8: Excel's "CSV" on a western Windows writes Windows-1252 (ë, é, € in one byte each). Read so, and said.
  io.stderr(`fans: ${name} is not UTF-8; read as Windows-1252 (Excel's CSV on a western Windows); save it as "CSV UTF-8" to be sure of every character\n`);
  return new TextDecoder('windows-1252').decode(bytes);
}
