import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdWriter, isTerminal } from '../../src/cli/io/fd-write.js';
import { scratchDir } from './harness.js';

const scratch = scratchDir('fans-fd-');

/** A fake write(2): takes at most `chunk` bytes per call, then fails with `code` once `failAt` bytes are in. */
function fakeFd(chunk: number, failAt = Infinity, code = 'EAGAIN') {
  const written: number[] = [];
  const write = (_fd: number, bytes: Uint8Array, offset: number) => {
    if (written.length >= failAt) throw Object.assign(new Error(code), { code });
    const n = Math.min(chunk, bytes.length - offset, failAt - written.length);
    written.push(...bytes.subarray(offset, offset + n));
    return n;
  };
  return { written, write };
}

function fakeStream() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (c: string | Uint8Array) => chunks.push(Buffer.from(c).toString('utf8')) } as unknown as NodeJS.WritableStream };
}

describe('fdWriter', () => {
  it('writes all the bytes through partial writes, multi-byte characters intact', () => {
    const fd = fakeFd(3);
    const failures: unknown[] = [];
    const out = fdWriter(1, () => fakeStream().stream, (e) => failures.push(e), fd.write);
    out('1 → 10 → 100 → 1,000\n');
    out('€');
    expect(Buffer.from(fd.written).toString('utf8')).toBe('1 → 10 → 100 → 1,000\n€');
    expect(failures).toEqual([]);
    expect(out.streamed).toBe(false);
  });

  it('hands the rest to the stream when the descriptor would block, and keeps to the stream after', () => {
    const fd = fakeFd(4, 6);
    const { chunks, stream } = fakeStream();
    let made = 0;
    const out = fdWriter(1, () => (made++, stream), () => expect.fail('not a failure'), fd.write);
    out('level,new,total\n');
    expect(out.streamed).toBe(true);
    out('3,1000,1111\n');
    expect(Buffer.from(fd.written).toString('utf8')).toBe('level,');
    expect(chunks).toEqual(['new,total\n', '3,1000,1111\n']);
    expect(made).toBe(2);
  });

  it.each(['EPIPE', 'ENOSPC'])('reports %s to its caller and writes nothing more', (code) => {
    const fd = fakeFd(100, 0, code);
    const failures: NodeJS.ErrnoException[] = [];
    const out = fdWriter(1, () => expect.fail('no stream'), (e) => void failures.push(e), fd.write);
    out('x\n');
    expect(failures.map((e) => e.code)).toEqual([code]);
    expect(fd.written).toEqual([]);
  });

  it('writes to a real file descriptor', () => {
    const path = join(scratch, 'out.txt');
    const fd = openSync(path, 'w');
    fdWriter(fd, () => expect.fail('no stream'), (e) => expect.fail(e.message))('1,111\n');
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('1,111\n');
  });
});

describe('isTerminal', () => {
  const asked: number[] = [];
  const isatty = (fd: number) => (asked.push(fd), true);
  it('is false for a file, /dev/null and a closed descriptor, without asking isatty (pipes: test/cli/startup.test.ts)', () => {
    const path = join(scratch, 'f');
    const file = openSync(path, 'w');
    const devNull = openSync('/dev/null', 'w');
    expect(isTerminal(file, isatty)).toBe(false);
    expect(isTerminal(devNull, isatty)).toBe(false);
    closeSync(file);
    closeSync(devNull);
    expect(isTerminal(file, isatty)).toBe(false);
    expect(asked).toEqual([]);
  });
  it.runIf(existsSync('/dev/zero'))('asks isatty about another character device', () => {
    const zero = openSync('/dev/zero', 'r');
    expect(isTerminal(zero, isatty)).toBe(true);
    expect(asked).toEqual([zero]);
    closeSync(zero);
  });
});
