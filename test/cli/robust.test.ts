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

describe('a stdout that would block', () => {
  // python hands fans a non-blocking pipe and reads it only after half a second, so the
  // pipe fills and write(2) says EAGAIN: the rest must go through Node's stream, whole.
  const reader = `
import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(0.5)
data = b''
while chunk := os.read(r, 1 << 16):
    data += chunk
sys.stdout.buffer.write(data)
sys.exit(child.wait())
`;
  const python = spawnSync('python3', ['--version']).status === 0;
  it.runIf(python)('writes every byte of a 7.5 MB CSV', () => {
    const ran = spawnSync('python3', ['-c', reader, process.execPath, fansPath, 'compound', '--years', '5000', '--format', 'csv'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const lines = ran.stdout.split('\r\n');
    expect(lines).toHaveLength(5003);
    expect(lines.at(-2)).toBe(`5000,${2n ** 4999n},${2n ** 5000n}`);
  });
});

describe('a terminal', () => {
  // script(1) runs fans on a pseudo-terminal 120 columns wide.
  const onTerminal = (command: string, env: Record<string, string> = {}) =>
    spawnSync('script', ['-qec', `stty cols 120 rows 40; "${process.execPath}" "${fansPath}" ${command}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: env.NO_COLOR ?? '' } });
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)('gets colour and a chart as wide as the terminal', () => {
    const ran = onTerminal('simulate --chart');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/\u001b\[1mtotal\u001b\[22m/);
    const lines = ran.stdout.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/);
    expect(Math.max(...lines.map((line) => line.trimEnd().length))).toBe(120);
  });
  it.runIf(hasScript)('gets no colour with NO_COLOR, and help as wide as the terminal', () => {
    expect(onTerminal('simulate', { NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    const help = onTerminal('--help').stdout.split(/\r?\n/);
    expect(help).toContain('  --no-color                no colour, even on a terminal (NO_COLOR does the same)');
    expect(help.some((line) => line.length > 80)).toBe(true);
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

describe('a stdout closed before start (issue 12)', () => {
  // Node.js puts /dev/null (opened read-write) in place of a closed standard descriptor before
  // any of fans runs: \`>&-\` then looks exactly like a parent that discards output
  // (stdio 'ignore', also /dev/null read-write). fans cannot tell them apart, so both are a
  // quiet success; treating the first as an error would fail every run whose output is ignored.
  it('is the same as output discarded by a parent: exit 0, nothing on stderr', () => {
    const closed = spawnSync('bash', ['-c', `"${process.execPath}" "${fansPath}" simulate >&-`], { encoding: 'utf8' });
    const ignored = spawnSync(process.execPath, [fansPath, 'simulate'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect({ status: closed.status, stderr: closed.stderr }).toEqual({ status: 0, stderr: '' });
    expect({ status: ignored.status, stderr: ignored.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('--trials none (issue 12)', () => {
  it('is no sampled run: the same table as without it, never a table of NaN', async () => {
    const { fans } = await import('./harness.js');
    const none = await fans(['simulate', '--trials', 'none']);
    expect(none).toEqual(await fans(['simulate']));
    expect((await fans(['simulate', '--trials', 'none', '--format', 'json'])).code).toBe(0);
    const stray = await fans(['simulate', '--trials', 'none', '--seed', '3']);
    expect(stray).toMatchObject({ code: 2, stdout: '', stderr: 'fans: --seed applies to sampled runs only: add --trials N\n' });
  });
});
