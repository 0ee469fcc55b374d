// npm run limits (also the last part of npm run bench): the most expensive input each command
// accepts, at its documented limits, run once each under /usr/bin/time: wall time and peak
// memory (max RSS), against the promise that everything accepted finishes within a minute
// and 1 GB on this machine. It reports; it asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fans = join(root, 'bin', 'fans.js');
if (!existsSync('/usr/bin/time')) {
  console.log('\nLimits: /usr/bin/time is not installed (Debian package `time`); skipped.');
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'fans-limits-'));
const file = (name, scenarios) => {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify({ scenarios }));
  return path;
};
const fiftyExact = file('fifty-exact.json', Array.from({ length: 50 }, (_, i) => ({ name: `s${i}`, command: 'simulate', fanout: 1000000, depth: 250 })));
const fiftyLong = file('fifty-long.json', Array.from({ length: 50 }, (_, i) => ({ name: `s${i}`, command: 'compound', years: 10000, rate: 0.0001 * (i + 1), conversion: '50%' })));

// fans fit at its largest who-referred-whom file (2,000,000 fans): every id is kept, the costliest shape.
const referrals = join(work, 'referrals.csv');
{
  const lines = ['id,referred_by'];
  let bytes = 15;
  let state = 7;
  for (let n = 0; n < 2_000_000; n++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const by = n === 0 || state % 10 === 0 ? '' : `customer${state % n}`;
    const line = `customer${n},${by}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  writeFileSync(referrals, `${lines.join('\n')}\n`);
}
// 64 MiB of who referred whom with short ids (5 million rows): refused past 2,000,000 fans.
const shortIds = join(work, 'short-ids.csv');
{
  const lines = ['id,referred_by', '0,'];
  let bytes = 17;
  for (let n = 1; bytes < 64 * 1024 * 1024 - 64; n++) {
    const line = `${n.toString(36)},${((n * 2654435761) % n).toString(36)}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  writeFileSync(shortIds, `${lines.join('\n')}\n`);
}
// Counts with a distinct value each: a column of customer numbers taken for counts.
const customerNumbers = join(work, 'customer-numbers.csv');
{
  let state = 11;
  const lines = ['referrals'];
  for (let n = 0; n < 100_000; n++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    lines.push(String(state % 1_000_000_001));
  }
  writeFileSync(customerNumbers, `${lines.join('\n')}\n`);
}
const distinctCounts = join(work, 'distinct-counts.csv');
writeFileSync(distinctCounts, `referrals\n${Array.from({ length: 30_000 }, (_, i) => i).join('\n')}\n`);
// Files refused while they are read: a 60 MB line of 30 million columns, a 60 MB quoted field,
// 320,000 JSON objects with a key each of their own.
const wideLine = join(work, 'wide.csv');
writeFileSync(wideLine, `${'1,'.repeat(30_000_000 - 1)}1\n`);
const longField = join(work, 'long-field.csv');
writeFileSync(longField, `referrals,note\n1,"${'x'.repeat(60_000_000)}"\n`);
const manyKeys = join(work, 'many-keys.json');
writeFileSync(manyKeys, JSON.stringify(Array.from({ length: 320_000 }, (_, i) => ({ [`k${i}`]: 1 }))));
// Chain sizes at the largest --censored-at and --min-size: each likelihood sums 1,000 terms and a tail.
const sizes = join(work, 'sizes.csv');
writeFileSync(sizes, `size\n${Array.from({ length: 500 }, (_, i) => 999 + ((i * 7919) % 40)).join('\n')}\n`);

const cases = [
  ['fit, who referred whom, 2,000,000 fans (the most it fits)', ['fit', referrals, '--format', 'json']],
  ['fit, 64 MiB of who referred whom with short ids (refused at 2,000,001 fans)', ['fit', shortIds, '--format', 'json'], 2],
  ['fit, 100,000 counts up to 1e9 (a column of customer numbers)', ['fit', customerNumbers, '--format', 'json']],
  ['fit, 30,000 distinct counts 0 to 29,999', ['fit', distinctCounts, '--format', 'json']],
  ['fit, a 60 MB line of 30 million columns (refused)', ['fit', wideLine, '--format', 'json'], 2],
  ['fit, a 60 MB quoted field (refused)', ['fit', longField, '--format', 'json'], 2],
  ['fit, 320,000 JSON objects with keys of their own (refused)', ['fit', manyKeys, '--format', 'json'], 2],
  ['fit --sizes --censored-at 1,000 --min-size 999', ['fit', sizes, '--sizes', '--censored-at', '1000', '--min-size', '999', '--format', 'json']],
  ['simulate, exact, 40 million digits (fanout 1,000,000, depth 2,581), JSON', ['simulate', '--fanout', '1000000', '--depth', '2581', '--format', 'json']],
  ['simulate, the same as a table (numbers shortened)', ['simulate', '--fanout', '1000000', '--depth', '2581']],
  ['compound, exact, rate 1,000 over the most years that fit, CSV', ['compound', '--rate', '1000', '--years', '3650', '--format', 'csv']],
  ['compound, 10,000 years of expected values, SVG', ['compound', '--rate', '0.07', '--conversion', '99%', '--years', '10000', '--format', 'svg']],
  ['simulate --trials 10,000,000 --depth 19 (2e8 run-periods), Poisson', ['simulate', '--trials', '10000000', '--depth', '19', '--seed', '1', '--format', 'csv']],
  ['compound --trials 40,000 --years 2,499, negbin k = 0.01 (1e8 run-periods, weighed 2)', ['compound', '--trials', '40000', '--years', '2499', '--rate', '0.14', '--distribution', 'negbin', '--dispersion', '0.01', '--seed', '1', '--format', 'json']],
  ['the same on one thread', ['compound', '--trials', '40000', '--years', '2499', '--rate', '0.14', '--distribution', 'negbin', '--dispersion', '0.01', '--seed', '1', '--threads', '1', '--format', 'json']],
  // The slowest paths of the engine, at their weighted bound (see runPeriodCost), on one thread.
  ['compound --trials 40,000 --years 768, negbin, nonreferrers, churn, market, paid (1 thread)', ['compound', '--trials', '40000', '--years', '768', '--rate', '0.14', '--distribution', 'negbin', '--dispersion', '0.01', '--nonreferrers', '1%', '--churn', '1%', '--market', '1e15', '--paid', '5', '--seed', '1', '--threads', '1', '--format', 'json']],
  ['compound --fit --trials 40,000 --years 1,110 --market 1e15 (1 thread)', ['compound', '--fit', join(root, 'examples', 'referrals.csv'), '--trials', '40000', '--years', '1110', '--market', '1e15', '--seed', '1', '--threads', '1', '--format', 'json']],
  ['simulate --fit --trials 40,000 --depth 832 --market 1e15 --paid 5 (1 thread)', ['simulate', '--fit', join(root, 'examples', 'referrals.csv'), '--trials', '40000', '--depth', '832', '--market', '1e15', '--paid', '5', '--seed', '1', '--threads', '1', '--format', 'json']],
  ['goal --years 10,000 with churn and a market (the scan)', ['goal', '999999', '--years', '10000', '--churn', '0.3', '--market', '1000000', '--format', 'json']],
  ['goal 1e300 --fanout 1: the deepest search (5,000 levels)', ['goal', '1e300', '--fanout', '1', '--format', 'json']],
  ['compare, 50 exact scenarios (19 million digits counted), CSV', ['compare', fiftyExact, '--format', 'csv']],
  ['compare, 50 scenarios of 10,000 years, SVG', ['compare', fiftyLong, '--format', 'svg']],
  ['compare, the same with --chart', ['compare', fiftyLong, '--chart']],
  // Calendar runs: the largest a run by day or period may be, and the work bound of sampled runs with a spread.
  ['compound by week for 100 years (5,218 rows), a 7d cycle spread 3d', ['compound', '--rate', '0.001', '--cycle', '7d', '--cycle-spread', '3d', '--start-date', '2000-01-01', '--until', '2099-12-31', '--by', 'week', '--format', 'csv']],
  ['simulate --trials 74,000 by day for 10 years, spread (at the work bound, 1 thread)', ['simulate', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--by', 'day', '--trials', '74000', '--seed', '1', '--threads', '1', '--format', 'csv']],
  ['compound --trials 9,300 by day for 10 years, spread (whole fans, at the bound, 1 thread)', ['compound', '--rate', '0.3', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--by', 'day', '--trials', '9300', '--seed', '1', '--threads', '1', '--format', 'csv']],
  ['simulate --trials 1,179,000 by month for 10 years, a subcritical tree (5 fans a run: runs by events, at the bound, 1 thread)', ['simulate', '--fanout', '0.8', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--by', 'month', '--trials', '1179000', '--seed', '1', '--threads', '1', '--format', 'csv']],
  ['compound --trials 20,300 by quarter for 8 years, from 10 fans, a 3m cycle spread 6w (runs by events then stages, at the bound, 1 thread)', ['compound', '--rate', '0.3', '--cycle', '3m', '--cycle-spread', '6w', '--years', '8', '--by', 'quarter', '--start', '10', '--trials', '20300', '--seed', '1', '--threads', '1', '--format', 'csv']],
  ["the meeting's goal, goal 1200 --by-date --trials 23,245 (at the bound: runs x their work to a quarter past the expected date)", ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--start-date', '2027-01-01', '--trials', '23245', '--seed', '1', '--format', 'json']],
  ['the same drawn, --trials 23,201 (SVG: its band runs on to its last day, and again through the latest percentile date)', ['goal', '1200', '--by-date', '--start', '200', '--rate', '0.59', '--cycle', '1y', '--cycle-spread', '4m', '--start-date', '2027-01-01', '--trials', '23201', '--seed', '1', '--format', 'svg']],
  ['goal 1e30 --by-date --trials 54,000 over 10 years by day (never reached: every day run; at the bound, runs x days)', ['goal', '1e30', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--trials', '54000', '--seed', '1', '--format', 'json']],
  ['the same drawn, with the band of the totals (SVG)', ['goal', '1e30', '--by-date', '--fanout', '1.5', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--trials', '54000', '--seed', '1', '--format', 'svg']],
  ['goal --net 1e15 --value 100 --by-date --fanout 1.1, the same, never reached, with the band of the net (SVG)', ['goal', '--net', '1e15', '--value', '100', '--by-date', '--fanout', '1.1', '--cycle', '1m', '--cycle-spread', '10d', '--start-date', '2027-01-01', '--until', '2036-12-31', '--trials', '54000', '--seed', '1', '--format', 'svg']],
];

const rows = [];
// A case's third element is the exit code it should end with: 0, or 2 for input refused while it is read.
for (const [what, args, expected = 0] of cases) {
  const ran = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, fans, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const [seconds, kb] = ran.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const ok = ran.status === expected && seconds <= 60 && kb <= 1024 * 1024;
  rows.push([what, ran.status === expected ? seconds.toFixed(1) : `exit ${ran.status}`, (kb / 1024).toFixed(0), (ran.stdout.length / 1e6).toFixed(1), ok ? 'yes' : 'NO']);
}
rmSync(work, { recursive: true, force: true });
const header = ['largest accepted input', 's', 'peak MiB', 'output MB', 'within 1 min, 1 GB'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
console.log(`\nLimits: the most expensive accepted input of every command, once each\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
