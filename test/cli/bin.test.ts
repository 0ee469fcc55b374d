import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, spawnFans } from './harness.js';

// These run the built bin/fans.js (`npm test` builds it first) as a user would.
describe('bin/fans.js', () => {
  it('prints the table on stdout and nothing on stderr', () => {
    const ran = spawnFans(['simulate']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('1,111');
    expect(ran.stderr).toBe('');
  });

  it('exits 2 with one line on stderr and nothing on stdout for bad input', () => {
    const ran = spawnFans(['simulate', '--fanout', '-3']);
    expect(ran).toEqual({ code: 2, stdout: '', stderr: 'fans: --fanout must be a number from 0 to 1,000,000 (got "-3")\n' });
  });

  it('exits 2 for an unknown command, with a suggestion', () => {
    const ran = spawnFans(['compund']);
    expect(ran).toEqual({ code: 2, stdout: '', stderr: "fans: unknown command 'compund' (did you mean compound?)\n" });
  });

  it('writes no colour codes when piped, even with FORCE_COLOR unset and NO_COLOR set', () => {
    expect(spawnFans(['simulate'], { NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    expect(spawnFans(['simulate']).stdout).not.toMatch(/\u001b\[/);
  });

  it('exits quietly when piped into head', () => {
    // 5,000 years of exact 2^t is several megabytes: head closes the pipe long before the end.
    const fansPath = join(root, 'bin', 'fans.js');
    const ran = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${fansPath}" compound --years 5000 --format csv | head -n 1`], {
      encoding: 'utf8',
    });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe('year,new,total\r\n');
    expect(ran.status).toBe(0);
  });

  it('writes JSON that parses, and CSV and TSV that python reads', () => {
    const json = JSON.parse(spawnFans(['compound', '--years', '100', '--format', 'json']).stdout);
    expect(json.rows).toHaveLength(101);
    const csv = spawnFans(['simulate', '--format', 'csv']).stdout;
    const tsv = spawnFans(['simulate', '--format', 'tsv']).stdout;
    const read = (text: string, dialect: string) =>
      spawnSync('python3', ['-c', `import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin, ${dialect}))))`], { input: text, encoding: 'utf8' });
    const fromCsv = read(csv, "dialect='excel'");
    const fromTsv = read(tsv, "dialect='excel-tab'");
    const expected = [['level', 'new', 'total'], ['0', '1', '1'], ['1', '10', '11'], ['2', '100', '111'], ['3', '1000', '1111']];
    expect(JSON.parse(fromCsv.stdout)).toEqual(expected);
    expect(JSON.parse(fromTsv.stdout)).toEqual(expected);
  });
});

describe('bin/fans.js --version', () => {
  it('answers from the fast path exactly as commander does in-process', async () => {
    const { fans } = await import('./harness.js');
    const inProcess = await fans(['--version']);
    expect(spawnFans(['--version'])).toEqual(inProcess);
    expect(spawnFans(['-V'])).toEqual(inProcess);
  });
});

describe('the bundle draws the same tables as the source', () => {
  it.each([
    [['simulate']],
    [['simulate', '--depth', '8', '--chart']],
    [['compare', '-']],
    [['goal', '1000', '--depth', '3']],
    [['simulate', '--trials', '2000', '--seed', '3']],
  ])('%j', async (args) => {
    const { fans } = await import('./harness.js');
    // Wide characters and emoji in names: the bundle measures cells with an ASCII fast path.
    const stdin = JSON.stringify({ scenarios: [{ name: 'café 漢字', command: 'simulate' }, { name: '🚀 launch', command: 'compound', years: 4 }] });
    const bundled = spawnFans(args, {}, stdin);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe((await fans(args, { stdin })).stdout);
  });
});
