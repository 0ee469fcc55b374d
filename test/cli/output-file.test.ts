import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, fans, root, spawnFans } from './harness.js';

/** `--output FILE`: written whole or not at all, an existing file kept unless --force. */
describe('--output', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fans-output-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every format to the file, says so on stderr, and nothing on stdout', async () => {
    for (const format of ['table', 'json', 'csv', 'tsv', 'svg', 'xlsx']) {
      const file = join(dir, `tree.${format}`);
      const ran = await fans(['simulate', '--format', format, '--output', file]);
      expect(ran.code, format).toBe(0);
      expect(ran.stdout).toBe('');
      expect(ran.stderr).toMatch(new RegExp(`^fans: wrote .*tree\\.${format} \\(\\d+(\\.\\d)? (bytes|kB)\\)\\n$`));
      const direct = await fans(['simulate', '--format', format]);
      // A zip stores the time it was made: compare xlsx by its container, the rest byte for byte.
      if (format === 'xlsx') expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
      else expect(readFileSync(file)).toEqual(direct.bytes);
    }
    // No temporary files left beside them.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('without --format, writes the format the extension names (groei.xlsx is a spreadsheet, not a text table under that name)', async () => {
    for (const [name, format] of [['groei.xlsx', 'xlsx'], ['groei.CSV', 'csv'], ['groei.tsv', 'tsv'], ['groei.json', 'json'], ['groei.svg', 'svg'], ['groei.htm', 'html'], ['groei.png', 'png']] as const) {
      const file = join(dir, name);
      const ran = await fans(['simulate', '--output', file]);
      expect(ran.code, name).toBe(0);
      const direct = await fans(['simulate', '--format', format]);
      // Containers with a time in them (zip) or renderer bytes (png): their signatures; the rest byte for byte.
      if (format === 'xlsx') expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
      else if (format === 'png') expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      else expect(readFileSync(file), name).toEqual(direct.bytes);
    }
    // An unknown extension, none, or a name that is all extension (.csv, a hidden file): a table.
    const table = (await fans(['simulate'])).bytes;
    for (const name of ['groei.txt', 'groei', '.csv']) {
      expect((await fans(['simulate', '--output', join(dir, name)])).code, name).toBe(0);
      expect(readFileSync(join(dir, name)), name).toEqual(table);
    }
    // --format as given wins over the extension.
    expect((await fans(['simulate', '--format', 'csv', '--output', join(dir, 'data.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'data.json'), 'utf8')).toMatch(/^level,new,total\r\n/);
  });

  it('refuses a picture of an answer with nothing to draw, or --chart beside a file format: one line, exit 2, nothing written', async () => {
    // Nobody referred anyone: no distribution is fitted, so there is no picture of observed and fitted counts.
    expectUsageError(await fans(['fit', '-', '--output', join(dir, 'fit.png')], { stdin: 'referrals\n0\n0\n0\n' }), /^fans: this answer has no chart to draw: use --format table, json, csv, tsv, xlsx or html$/);
    expectUsageError(await fans(['simulate', '--chart', '--output', join(dir, 'chart.svg')]), /^fans: --chart draws under the table, and --output .*chart\.svg writes svg, a chart already: leave out --chart$/);
    expectUsageError(await fans(['simulate', '--chart', '--output', join(dir, 'chart.csv')]), /^fans: --chart draws under the table, and --output .*chart\.csv writes csv: leave out --chart, or add --format table$/);
    expect(readdirSync(dir).filter((name) => name.startsWith('fit.') || name.startsWith('chart.'))).toEqual([]);
  });

  it('keeps an existing file unless --force, and replaces it whole with --force', async () => {
    const file = join(dir, 'kept.csv');
    writeFileSync(file, 'precious');
    expectUsageError(await fans(['simulate', '--format', 'csv', '--output', file]), /^fans: --output .*kept\.csv exists: add --force to replace it$/);
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const forced = await fans(['simulate', '--format', 'csv', '--output', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('level,new,total\r\n0,1,1\r\n1,10,11\r\n2,100,111\r\n3,1000,1111\r\n');
  });

  it('refuses a missing folder, a folder as the file, and --force alone: one line, exit 2, nothing written', async () => {
    expectUsageError(await fans(['simulate', '--output', join(dir, 'no', 'such', 'x.csv')]), /^fans: cannot write --output .*x\.csv: its folder does not exist; nothing was written$/);
    expectUsageError(await fans(['simulate', '--output', dir]), /^fans: cannot write --output .*: it is a folder; nothing was written$/);
    expectUsageError(await fans(['simulate', '--force']), /^fans: --force replaces the file of --output: add --output FILE$/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('refuses binary output to a terminal, pointing to --output; writes it to a pipe', async () => {
    expectUsageError(await fans(['simulate', '--format', 'xlsx'], { tty: true }), /^fans: --format xlsx writes a binary file, not text for a terminal: add --output FILE\.xlsx \(or redirect: > FILE\.xlsx\)$/);
    const piped = await fans(['simulate', '--format', 'xlsx']);
    expect(piped.code).toBe(0);
    expect(piped.bytes!.subarray(0, 2).toString()).toBe('PK'); // a zip container
  });

  // A tiny tmpfs is a real full disk; a read-only tmpfs a real read-only folder. Mounting
  // needs root (CI runs as root here); elsewhere these two are skipped, and say so.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  describe.skipIf(!canMount)('on a full disk and a read-only file system (tmpfs mounts)', () => {
    const mounted: string[] = [];
    const mount = (options: string) => {
      const point = mkdtempSync(join(tmpdir(), 'fans-mount-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point]);
      mounted.push(point);
      return point;
    };
    afterAll(() => {
      for (const point of mounted) {
        spawnSync('umount', [point]);
        rmSync(point, { recursive: true, force: true });
      }
    });

    it('a full disk: one line, exit 1, no partial file and no temporary file left', async () => {
      const full = mount('size=16k');
      const file = join(full, 'big.csv');
      const ran = await fans(['simulate', '--depth', '200', '--format', 'csv', '--output', file]);
      expect(ran).toMatchObject({ code: 1, stdout: '' });
      expect(ran.stderr).toMatch(/^fans: cannot write --output .*big\.csv: no space left on the disk; nothing was written\n$/);
      expect(readdirSync(full)).toEqual([]);
    });

    it('a read-only folder: one line, exit 2, nothing written', async () => {
      const readOnly = mount('ro,size=16k');
      expectUsageError(await fans(['simulate', '--output', join(readOnly, 'x.csv')]), /^fans: cannot write --output .*x\.csv: the file system is read-only; nothing was written$/);
      expect(readdirSync(readOnly)).toEqual([]);
    });
  });
});

/** Issue #34, item 2: devices, pipes and links are written through or refused, never renamed over. */
describe('--output to a device, a pipe or a link', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fans-special-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes through /dev/null, with or without --force, and /dev/null stays a character device', async () => {
    for (const extra of [[], ['--force']]) {
      const ran = await fans(['simulate', '--format', 'csv', '--output', '/dev/null', ...extra]);
      expect(ran).toMatchObject({ code: 0, stdout: '' });
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    }
  });

  it('a full device (/dev/full) is a failure to write, exit 1, and stays a device', async () => {
    const ran = await fans(['simulate', '--format', 'csv', '--output', '/dev/full', '--force']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^fans: cannot write --output \/dev\/full: no space left on the disk/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes through a FIFO to its reader, which stays a FIFO', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A shell reads the pipe while fans writes it: the reader gets the CSV, the FIFO stays.
    const out = execFileSync('sh', ['-c', `cat "$1" & node "$2" simulate --depth 2 --format csv --output "$1" --force; wait`, 'sh', fifo, join(root, 'bin', 'fans.js')], { encoding: 'utf8', timeout: 20_000 });
    expect(out).toBe('level,new,total\r\n0,1,1\r\n1,10,11\r\n2,100,111\r\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('/dev/stdout goes to whatever stdout is (here a pipe), not to a file named after it', () => {
    const ran = spawnFans(['simulate', '--depth', '1', '--format', 'csv', '--output', '/dev/stdout']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe('level,new,total\r\n0,1,1\r\n1,10,11\r\n');
  });

  it('through a link to a file: refused without --force; with it the file is replaced and the link kept', async () => {
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(real, 'old\n');
    symlinkSync('real.csv', link);
    expectUsageError(await fans(['simulate', '--depth', '1', '--output', link]), /exists: add --force to replace it$/);
    expect(readFileSync(real, 'utf8')).toBe('old\n');
    expect((await fans(['simulate', '--depth', '1', '--output', link, '--force'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('level,new,total\r\n0,1,1\r\n1,10,11\r\n');
  });

  it('a link to a missing file is refused, and `--output -` is stdout', async () => {
    const dangling = join(dir, 'dangling.csv');
    symlinkSync('nowhere.csv', dangling);
    expectUsageError(await fans(['simulate', '--output', dangling, '--force']), /is a link to a file that does not exist: give the file's own path$/);
    expect(existsSync(join(dir, 'nowhere.csv'))).toBe(false);
    const ran = await fans(['simulate', '--depth', '1', '--format', 'csv', '--output', '-']);
    expect(ran).toMatchObject({ code: 0, stdout: 'level,new,total\r\n0,1,1\r\n1,10,11\r\n', stderr: '' });
  });
});

/** Issue #34, item 3: a signal during a run or its --output write leaves nothing behind. */
describe('signals: SIGINT, SIGTERM and SIGHUP stop a run, remove its temporary file, and exit 128 + the signal', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fans-signal-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writeWhole stopped after it made its temporary file removes it and leaves no target', async () => {
    const { writeWhole } = await import('../../src/cli/io/output-file.js');
    const file = join(dir, 'stopped.json');
    const stop = new AbortController();
    const writing = writeWhole(file, new Uint8Array(8 << 20), false, stop.signal);
    stop.abort('SIGTERM');
    await expect(writing).rejects.toMatchObject({ name: 'Interrupted', signal: 'SIGTERM' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during a sampled run with --output: "fans: interrupted", exit %i, no file, no temporary file', async (signal, code) => {
    const file = join(dir, `run-${signal}.json`);
    // 5,000,000 runs of 30 levels: several seconds of work, stopped after one.
    const child = spawn(process.execPath, [join(root, 'bin', 'fans.js'), 'simulate', '--trials', '5000000', '--depth', '30', '--threads', '1', '--format', 'json', '--output', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill(signal);
    const exit = await exited;
    expect(exit).toBe(code);
    expect(stderr).toBe('fans: interrupted\n');
    expect(readdirSync(dir).filter((name) => name.includes(`run-${signal}`))).toEqual([]);
  });
});

// Issue #28, item 7: an extension no format has is refused, not written as a text table.
describe('--output extensions', () => {
  it('plan.pdf is refused in one line, nothing written; .txt and no extension are the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fans-ext-'));
    try {
      expectUsageError(await fans(['simulate', '--output', join(dir, 'plan.pdf')]), /^fans: --output .*plan\.pdf: fans writes no \.pdf file; name it \.txt \(a table\), \.csv, \.tsv, \.json, \.xlsx, \.html, \.svg or \.png, or give --format$/);
      expect(readdirSync(dir)).toEqual([]);
      for (const name of ['plan.txt', 'plan']) {
        expect((await fans(['simulate', '--output', join(dir, name)])).code).toBe(0);
        expect(readFileSync(join(dir, name), 'utf8')).toContain('│ level │');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--output: only descriptors are written through by name', () => {
  it.runIf(existsSync('/dev/shm'))('a regular file under /dev/shm is a file: kept without --force, replaced whole with it', async () => {
    const file = join(mkdtempSync('/dev/shm/fans-'), 'report.csv');
    try {
      writeFileSync(file, 'old\n');
      expectUsageError(await fans(['simulate', '--output', file]), /exists: add --force to replace it$/);
      expect(readFileSync(file, 'utf8')).toBe('old\n');
      expect((await fans(['simulate', '--depth', '1', '--output', file, '--force'])).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe('level,new,total\r\n0,1,1\r\n1,10,11\r\n');
    } finally {
      rmSync(join(file, '..'), { recursive: true, force: true });
    }
  });
});
