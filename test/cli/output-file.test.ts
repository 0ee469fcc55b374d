import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, fans } from './harness.js';

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

  it('refuses an extension naming a format the command does not write, or --chart beside a file format: one line, exit 2, nothing written', async () => {
    expectUsageError(await fans(['fit', 'examples/referrals.csv', '--output', join(dir, 'fit.png')]), /^fans: --output .*fit\.png asks for png, which fans fit does not write: give --format \(one of table, json, csv, tsv, xlsx, html\)$/);
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
