import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import type { Io } from '../../src/cli/io/io.js';
import { main } from '../../src/cli/main.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A new folder under the system's temporary one, removed with all it holds when the test
 * file's tests have run. Call it at a file's top level (vitest gathers afterAll hooks then).
 * @example const dir = scratchDir('fans-completion-'); // /tmp/fans-completion-Ab12Cd
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes (binary formats); in-process runs only. */
  bytes?: Buffer;
}

/** An Io for code that should write nothing and read no file: no terminal, no environment; reading a file rejects. */
export const quietIo: Io = {
  stdout: () => {},
  stderr: () => {},
  env: {},
  stdoutIsTTY: false,
  stderrIsTTY: false,
  columns: undefined,
  readBytes: () => Promise.reject(new Error('no input: this test reads no file')),
  onInterrupt: () => () => {},
};

/** Runs the CLI in-process with a fake terminal-less environment. */
export async function fans(args: string[], options: { env?: Record<string, string>; tty?: boolean; stdin?: string | Buffer; columns?: number } = {}): Promise<Ran> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const io: Io = {
    stdout: (t) => void chunks.push(Buffer.from(t)),
    stderr: (t) => void (stderr += t),
    env: { LANG: 'en_US.UTF-8', ...options.env },
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
    columns: options.columns,
    readBytes: async (path, limit) => {
      const bytes = path === '-' ? (typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? Buffer.alloc(0))) : readFileSync(path);
      if (bytes.length > limit) throw Object.assign(new Error('too large'), { name: 'TooLarge' });
      return bytes;
    },
    onInterrupt: () => () => {},
  };
  const code = await main(args, io);
  const bytes = Buffer.concat(chunks);
  // Not enumerable: tests compare runs with toEqual on code, stdout and stderr.
  return Object.defineProperty({ code, stdout: bytes.toString('utf8'), stderr }, 'bytes', { value: bytes, enumerable: false });
}

/**
 * Runs the built bin/fans.js in a real process. With `watchdog` (seconds) a run that has not
 * ended by then is killed and comes back with code -1 and `killed` set: a hang fails its test
 * at once instead of stalling the suite.
 */
export function spawnFans(args: string[], env: Record<string, string> = {}, input?: string, watchdog?: number): Ran & { killed?: boolean } {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'fans.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env },
    input,
    encoding: 'utf8',
    ...(watchdog ? { timeout: watchdog * 1000, killSignal: 'SIGKILL' as const } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, ...(result.signal === 'SIGKILL' ? { killed: true } : {}) };
}

/**
 * A user mistake as the CLI must report it: exit 2, nothing on stdout, and one line on
 * stderr (newline-terminated) matching `message`.
 */
export function expectUsageError(ran: Ran, message: RegExp): void {
  expect(ran).toMatchObject({ code: 2, stdout: '' });
  expect(ran.stderr.endsWith('\n')).toBe(true);
  expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(ran.stderr.trimEnd()).toMatch(message);
}

/**
 * Compares text with a committed golden file under test/golden/. Run with
 * UPDATE_GOLDEN=1 to rewrite the files deliberately, then review the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(root, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/**
 * The records of a delimited text (RFC 4180: quotes, doubled quotes, CRLF or LF line ends),
 * and whether a quote was left open. The empty record after a last line end is left off.
 */
export function delimitedRecords(text: string, separator: string): { records: string[][]; open: boolean } {
  const records: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) records.at(-1)!.push(field), (field = '');
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      records.at(-1)!.push(field), (field = ''), records.push([]);
      if (c === '\r') i++;
    } else field += c;
  }
  if (field !== '') records.at(-1)!.push(field);
  if (records.at(-1)!.length === 0) records.pop();
  return { records, open: quoted };
}

/** A run's JSON document (`--format json`), checked to have succeeded quietly: exit 0, nothing on stderr. */
export async function fansJson(args: string[], env: Record<string, string> = {}) {
  const ran = await fans([...args, '--format', 'json'], { env });
  expect(ran.stderr).toBe('');
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout);
}
