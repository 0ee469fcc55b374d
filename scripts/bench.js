// npm run bench: start-up, deep exact arithmetic and Monte Carlo figures, as ratios measured
// in this one run (these machines are shared and noisy). No timing assertions: it reports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fans = join(root, 'bin', 'fans.js');
const runs = Number(process.env.BENCH_RUNS ?? 40);

function time(args, { node = false } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, node ? args : [fans, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fixed = (x, d = 2) => x.toFixed(d);
const table = (title, header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
};

// 1. Start-up: every command's median against a bare `node -e 0`, interleaved so noise hits all alike.
const startup = { 'node -e 0': [], 'fans simulate': [], 'fans compound --format json': [], 'fans --version': [] };
const argsOf = { 'node -e 0': ['-e', '0'], 'fans simulate': ['simulate'], 'fans compound --format json': ['compound', '--format', 'json'], 'fans --version': ['--version'] };
for (let i = 0; i < 3; i++) for (const name of Object.keys(startup)) time(argsOf[name], { node: name.startsWith('node') }); // warm the disk cache
for (let i = 0; i < runs; i++) {
  for (const name of Object.keys(startup)) startup[name].push(time(argsOf[name], { node: name.startsWith('node') }).ms);
}
const base = median(startup['node -e 0']);
const fastest = Math.min(...startup['node -e 0']);
// The median is the figure; the fastest runs, where the machine's other load added least, show the floor.
table(`Start-up, median of ${runs} runs (interleaved)`, ['command', 'median ms', 'ratio to node -e 0', 'fastest-run ratio'], Object.entries(startup).map(([name, ms]) => [name, fixed(median(ms), 1), fixed(median(ms) / base), fixed(Math.min(...ms) / fastest)]));

// 2. Deep exact arithmetic, checked against BigInt closed forms.
const deep = [];
{
  const { ms, stdout } = time(['simulate', '--fanout', '10', '--depth', '1000', '--format', 'json']);
  const exact = stdout.includes(`"total": ${'1'.repeat(1001)},`);
  deep.push(['simulate --fanout 10 --depth 1000 --format json', fixed(ms, 0), fixed(ms / base), exact ? 'yes: 1001 ones' : 'NO']);
}
{
  const { ms, stdout } = time(['compound', '--years', '5000', '--format', 'csv']);
  const last = stdout.trimEnd().split('\r\n').at(-1);
  const exact = last === `5000,${2n ** 4999n},${2n ** 5000n}`;
  deep.push(['compound --years 5000 --format csv', fixed(ms, 0), fixed(ms / base), exact ? 'yes: 2^5000' : 'NO']);
}
table('Deep exact arithmetic', ['command', 'ms', 'ratio to node -e 0', 'exact'], deep);

// 3. Monte Carlo: throughput, cost as the population grows, memory as trials grow.
// Each figure of 100,000 trials is the median of 5 interleaved runs; populations and memory
// on one thread, so worker start-up and worker heaps do not blur what the engine costs.
const mcRun = (extra) => {
  const args = ['simulate', '--fanout', '10', '--depth', '10', '--seed', '1', '--format', 'json', ...extra];
  const started = process.hrtime.bigint();
  const ran = spawnSync(process.execPath, [fans, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (ran.status !== 0) throw new Error(ran.stderr);
  return { ms, doc: JSON.parse(ran.stdout) };
};
/** The median time of each variant over `repeats` rounds, the variants interleaved so noise hits all alike. */
const mc = (variants, repeats = 3) => {
  const runs = variants.map(() => []);
  for (let i = 0; i < repeats; i++) variants.forEach((extra, v) => runs[v].push(mcRun(extra)));
  return runs.map((r) => ({ ms: median(r.map((x) => x.ms)), doc: r.at(-1).doc }));
};
const peakMb = (extra) => {
  const args = ['simulate', '--fanout', '10', '--depth', '10', '--seed', '1', '--format', 'csv', ...extra];
  const ran = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, fans, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return ran.status === 0 ? Number(ran.stderr.trim().split('\n').at(-1)) / 1024 : NaN;
};
const [auto, one, thousandfold, millionfold] = mc([
  ['--trials', '100000'],
  ['--trials', '100000', '--threads', '1'],
  ['--trials', '100000', '--threads', '1', '--start', '1000'],
  ['--trials', '100000', '--threads', '1', '--start', '1000000'],
], 5);
const [millionOne, millionTwo] = mc([['--trials', '1000000', '--threads', '1'], ['--trials', '1000000', '--threads', '2']], 1);
table('Monte Carlo: simulate --fanout 10 --depth 10 (totals past 1e10)', ['run', 'ms', 'ratio to node -e 0', 'final mean'], [
  ['100,000 trials, threads auto (1 at this size)', fixed(auto.ms, 0), fixed(auto.ms / base, 1), auto.doc.rows.at(-1).mean.toExponential(3)],
  ['100,000 trials, 1 thread', fixed(one.ms, 0), fixed(one.ms / base, 1), one.doc.rows.at(-1).mean.toExponential(3)],
  ['1,000,000 trials, 1 thread', fixed(millionOne.ms, 0), fixed(millionOne.ms / base, 1), millionOne.doc.rows.at(-1).mean.toExponential(3)],
  ['1,000,000 trials, 2 threads', fixed(millionTwo.ms, 0), fixed(millionTwo.ms / base, 1), millionTwo.doc.rows.at(-1).mean.toExponential(3)],
]);
table('Monte Carlo: cost as the population grows (100,000 trials, fanout 10, 10 levels, 1 thread)', ['total at level 10', 'ms', 'ratio to 1.1e10'], [
  ['about 1.1e10 (1 starting fan)', fixed(one.ms, 0), '1.00'],
  ['about 1.1e13 (1,000 starting fans)', fixed(thousandfold.ms, 0), fixed(thousandfold.ms / one.ms)],
  ['about 1.1e16 (1,000,000 starting fans)', fixed(millionfold.ms, 0), fixed(millionfold.ms / one.ms)],
]);
if (existsSync('/usr/bin/time')) {
  const memory = [10_000, 100_000, 1_000_000].map((trials) => [trials, peakMb(['--trials', String(trials), '--threads', '1']), peakMb(['--trials', String(trials), '--threads', '2'])]);
  table('Monte Carlo: peak memory (max RSS, MiB) as trials grow', ['trials', '1 thread', 'ratio', '2 threads', 'ratio'], memory.map(([t, a, b]) => [t.toLocaleString('en-US'), fixed(a, 1), fixed(a / memory[0][1]), fixed(b, 1), fixed(b / memory[0][2])]));
}
console.log(`\nnode ${process.version} on ${process.platform}/${process.arch}, ${availableParallelism()} cores`);
