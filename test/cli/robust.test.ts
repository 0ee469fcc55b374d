import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './harness.js';

const fansPath = join(root, 'bin', 'fans.js');
const quoted = (args: string[]) => args.map((a) => `'${a}'`).join(' ');

describe('output into a pipe that closes early', () => {
  it.each([
    ['a long exact CSV', ['compound', '--years', '5000', '--format', 'csv']],
    ['a long JSON document', ['simulate', '--fanout', '2', '--depth', '3000', '--format', 'json']],
    ['a long table', ['simulate', '--fanout', '1', '--depth', '5000']],
    ['a comparison', ['compare', join(root, 'examples', 'programmes.json'), '--format', 'tsv']],
    ['a goal', ['goal', '1000000', '--fanout', '10']],
    ['sampled runs', ['simulate', '--trials', '20000', '--seed', '1', '--format', 'csv']],
    ['an SVG chart', ['simulate', '--depth', '400', '--format', 'svg']],
  ])('%s | head -n 1 exits quietly', (_, args) => {
    const ran = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${fansPath}" ${quoted(args)} | head -n 1`], { encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('a full stdout', () => {
  it.runIf(existsSync('/dev/full'))('reports one line, no stack, exit 1', () => {
    const ran = spawnSync('bash', ['-c', `"${process.execPath}" "${fansPath}" simulate > /dev/full`], { encoding: 'utf8' });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe('fans: cannot write output: ENOSPC: no space left on device, write\n');
  });
});

describe('Ctrl-C during a long Monte Carlo run', () => {
  it.each([['auto'], ['1']])('stops at once with exit 130 and nothing on stdout (threads %s)', async (threads) => {
    const child = spawn(process.execPath, [fansPath, 'simulate', '--trials', '10000000', '--depth', '15', '--threads', threads, '--format', 'json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    setTimeout(() => child.kill('SIGINT'), 1000);
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('fans: interrupted\n');
    expect(Date.now() - started).toBeLessThan(10_000); // the full run would take minutes
  }, 30_000);
});
