import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { progress } from '../../src/cli/io/trials.js';
import type { Io } from '../../src/cli/io/io.js';
import { join } from 'node:path';
import { expectGolden, expectUsageError, fans, root, spawnFans } from './harness.js';

const base = ['simulate', '--fanout', '2', '--depth', '8', '--trials', '3000', '--seed', '42'];

describe('--trials', () => {
  it('prints mean, percentiles and the share extinct per level', async () => {
    const ran = await fans([...base, '--distribution', 'negbin', '--dispersion', '0.5']);
    expect(ran.code).toBe(0);
    expectGolden('simulate-trials.table', ran.stdout);
  });

  it('carries the same columns into JSON, CSV and TSV', async () => {
    const doc = JSON.parse((await fans([...base, '--format', 'json'])).stdout);
    expect(Object.keys(doc.rows[0])).toEqual(['level', 'mean', 'meanTheory', 'sdTheory', 'p5', 'p50', 'p95', 'extinct', 'extinctTheory']);
    expect(doc.parameters).toMatchObject({ trials: 3000, seed: 42, distribution: 'poisson', quantiles: [5, 50, 95] });
    expect(doc.extinction).toMatchObject({ by: 8, theory: expect.closeTo(0.2031878699, 8) });
    expect(Math.abs(doc.extinction.estimate - doc.extinction.theory)).toBeLessThan(4 * doc.extinction.standardError + 0.01);
    // The seed goes with the data into a spreadsheet: a last column (JSON and the table say it already).
    expect((await fans([...base, '--format', 'csv'])).stdout.split('\r\n').slice(0, 2)).toEqual(['level,mean,meanTheory,sdTheory,p5,p50,p95,extinct,extinctTheory,seed', '0,1,1,0,1,1,1,0,0,42']);
    expect((await fans([...base, '--format', 'tsv', '--quantiles', '90,10,50'])).stdout.split('\n')[0]).toBe('level\tmean\tmeanTheory\tsdTheory\tp10\tp50\tp90\textinct\textinctTheory\tseed');
  });

  it('works for the compound model with churn', async () => {
    const doc = JSON.parse((await fans(['compound', '--rate', '0.5', '--churn', '20%', '--years', '30', '--trials', '4000', '--seed', '3', '--format', 'json'])).stdout);
    expect(Object.keys(doc.rows[0])).toEqual(['year', 'mean', 'meanTheory', 'sdTheory', 'p5', 'p50', 'p95', 'extinct', 'extinctTheory']);
    const { estimate, theory } = doc.extinction;
    expect(Math.abs(estimate - theory)).toBeLessThan(4 * Math.sqrt((theory * (1 - theory)) / 4000) + 0.005);
  });

  it('is byte for byte the same for the same seed, on 1 or 2 threads', async () => {
    const args = ['simulate', '--fanout', '3', '--depth', '12', '--trials', '20000', '--seed', '9', '--distribution', 'geometric', '--format', 'json'];
    const one = await fans([...args, '--threads', '1']);
    const two = await fans([...args, '--threads', '2']);
    const again = await fans([...args, '--threads', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(again.stdout).toBe(one.stdout);
  });

  it('reports the random seed it used, and that seed repeats the run', async () => {
    const first = JSON.parse((await fans(['simulate', '--trials', '500', '--format', 'json'])).stdout);
    expect(Number.isInteger(first.parameters.seed)).toBe(true);
    const again = JSON.parse((await fans(['simulate', '--trials', '500', '--seed', String(first.parameters.seed), '--format', 'json'])).stdout);
    expect(again).toEqual(first);
    expect((await fans(['simulate', '--trials', '500', '--seed', '5'])).stdout).toContain('--seed 5 repeats it');
  });

  it('gives the exact 95% bound when no run, or every run, died out: 1 - 0.05^(1/N), about 3/N', async () => {
    // 1 - 0.05^(1/500) = 0.005974 (3/500 = 0.006); 0.05^(1/300) = 0.99006
    expect((await fans(['simulate', '--trials', '500', '--seed', '1', '--distribution', 'fixed'])).stdout).toContain(
      'Chance the chain has died out by level 3: none of the 500 runs did, so below 0.597% (95% bound, 1 - 0.05^(1/N)).',
    );
    expect((await fans(['simulate', '--trials', '300', '--seed', '1', '--fanout', '0'])).stdout).toContain(
      'Chance the chain has died out by level 3: all 300 runs did, so above 99% (95% bound, 0.05^(1/N)).',
    );
  });

  it('says something true with one run: a bound below 100%, no 90% range of one value', async () => {
    const out = (await fans(['simulate', '--trials', '1', '--seed', '3'])).stdout;
    expect(out).toContain('the one run did not, so below 95% (95% bound, 1 - 0.05^(1/N))'); // 1 - 0.05 = 0.95, not 3/N = 300%
    expect(out).toMatch(/Mean total by level 3: [\d,]+; 1 run is too few for a p5–p95 range \(it needs 20\)\./);
    expect((await fans(['simulate', '--trials', '20', '--seed', '3'])).stdout).toMatch(/90% of runs between/);
  });

  it('refuses percentiles written as shares rather than guessing', async () => {
    expectUsageError(await fans(['simulate', '--trials', '10', '--quantiles', '0.05,0.5']), /^fans: --quantiles are percentiles from 0 to 100, and these all look like shares: for the 5th, 50th percentiles write 5,50/);
    expect((await fans(['simulate', '--trials', '10', '--seed', '1', '--quantiles', '0.5,50', '--format', 'csv'])).stdout.split('\r\n')[0]).toBe('level,mean,meanTheory,sdTheory,p0.5,p50,extinct,extinctTheory,seed');
  });

  it('equals the deterministic model with fixed referrals and full conversion', async () => {
    const doc = JSON.parse((await fans(['simulate', '--trials', '50', '--distribution', 'fixed', '--seed', '1', '--format', 'json'])).stdout);
    expect(doc.rows.map((r: { mean: number }) => r.mean)).toEqual([1, 11, 111, 1111]);
    expect(doc.rows.map((r: { p5: number; p95: number }) => [r.p5, r.p95])).toEqual([[1, 1], [11, 11], [111, 111], [1111, 1111]]);
  });

  it('stops at once on Ctrl-C with exit 130 and nothing on stdout', async () => {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      columns: undefined,
      readBytes: async () => new Uint8Array(),
      onInterrupt: (listener) => {
        const timer = setTimeout(() => listener('SIGINT'), 50);
        return () => clearTimeout(timer);
      },
    };
    for (const threads of ['1', '2']) {
      stdout = '';
      stderr = '';
      const code = await main(['simulate', '--trials', '10000000', '--depth', '15', '--threads', threads, '--format', 'json'], io);
      expect(code).toBe(130);
      expect(stdout).toBe('');
      expect(stderr).toBe('fans: interrupted\n');
    }
  });
});

describe('bad --trials input: one line, exit 2, empty stdout', () => {
  it.each([
    [['simulate', '--trials', '0'], /^fans: --trials must be a whole number from 1 to 10,000,000 \(got "0"\)$/],
    [['simulate', '--trials', '10000001'], /^fans: --trials must be a whole number/],
    [['simulate', '--trials', '10', '--distribution', 'gauss'], /^fans: --distribution must be one of fixed, poisson, negbin, geometric \(got "gauss"\)$/],
    [['simulate', '--trials', '10', '--distribution', 'negbin', '--dispersion', '0'], /^fans: --dispersion must be a number above 0/],
    [['simulate', '--trials', '10', '--distribution', 'negbin', '--dispersion', '-1'], /^fans: --dispersion must be a number above 0/],
    [['simulate', '--trials', '10', '--distribution', 'negbin'], /^fans: --distribution negbin needs --dispersion k/],
    [['simulate', '--trials', '10', '--dispersion', '0.5'], /^fans: --dispersion applies to --distribution negbin only$/],
    [['simulate', '--trials', '10', '--distribution', 'poisson', '--dispersion', '2'], /^fans: --dispersion applies to --distribution negbin only$/],
    [['simulate', '--dispersion', '2'], /^fans: --dispersion applies to sampled runs only: add --trials N$/],
    [['simulate', '--seed', '2'], /^fans: --seed applies to sampled runs only/],
    [['simulate', '--trials', '10', '--seed', '-1'], /^fans: --seed must be a whole number from 0 to 4,294,967,295/],
    [['simulate', '--trials', '10', '--quantiles', '0,50'], /^fans: --quantiles must be up to 9 percentiles above 0 and below 100/],
    [['simulate', '--trials', '10', '--quantiles', '50,abc'], /^fans: --quantiles must be/],
    [['simulate', '--trials', '10', '--threads', '0'], /^fans: --threads must be a whole number from 1 to 64/],
    [['simulate', '--trials', '10000000', '--depth', '100'], /^fans: --depth must be at most 19 with --trials 10,000,000/],
    [['simulate', '--trials', '10', '--depth', '400'], /^fans: --depth must be at most 289 with --trials and these parameters/],
  ])('%j', async (args, message) => {
    const ran = await fans(args);
    expectUsageError(ran, message);
  });
});

describe('progress', () => {
  it('draws a bar on a terminal stderr once a run passes a second, at most ten times a second, then clears it', () => {
    let stderr = '';
    let now = 0;
    const bar = progress({ stderr: (t) => void (stderr += t), stderrIsTTY: true }, 400_000, () => now);
    bar.update(1024);
    now = 900;
    bar.update(100_000);
    expect(stderr).toBe(''); // under a second: nothing
    now = 1000;
    bar.update(200_000);
    expect(stderr).toBe(`\r[${'#'.repeat(15)}${'.'.repeat(15)}]  50% of 400,000 runs`);
    now = 1050;
    bar.update(300_000);
    expect(stderr.split('\r')).toHaveLength(2); // not again within 100 ms
    now = 1200;
    bar.update(400_000);
    expect(stderr.endsWith(`\r[${'#'.repeat(30)}] 100% of 400,000 runs`)).toBe(true);
    bar.clear();
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws nothing when stderr is not a terminal, and clears nothing it did not draw', () => {
    let stderr = '';
    let now = 0;
    const bar = progress({ stderr: (t) => void (stderr += t), stderrIsTTY: false }, 10, () => now);
    now = 5000;
    bar.update(5);
    bar.clear();
    expect(stderr).toBe('');
  });

  it('writes nothing to stderr when it is not a terminal', () => {
    const ran = spawnFans(['simulate', '--depth', '10', '--trials', '200000', '--seed', '1', '--format', 'csv']);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    expect(ran.stdout.split('\r\n')[0]).toBe('level,mean,meanTheory,sdTheory,p5,p50,p95,extinct,extinctTheory,seed');
  });
});

// Issue #34, item 8: the work bound holds for the slowest path of each kind. A run-period of
// the general loop costs several of the fast Poisson loop's (runPeriodCost, measured in
// npm run limits): the 86 s and 71 s runs are refused, naming the most that fits.
describe('the work bound weighs the costlier paths', () => {
  it.each([
    [
      'compound --trials 40000 --years 4999 --rate 0.14 --distribution negbin --dispersion 0.01 --nonreferrers 1% --churn 1% --market 1e15 --paid 5 --threads 1',
      /^fans: --years must be at most 768 with --trials 40,000: runs x periods may be at most 30,769,230 with these options \(200,000,000 for Poisson referrals without nonreferrers, a market or bought fans: each of them costs draws\)$/,
    ],
    ['compound --fit examples/referrals.csv --trials 40000 --years 4999 --market 1e15', /^fans: --years must be at most 1,110 with --trials 40,000: runs x periods may be at most 44,444,444 with these options \(.*, or --fit: each of them costs draws\)$/],
  ])('fans %s: refused', async (command, message) => {
    expectUsageError(await fans(command.split(' ').map((w) => (w === 'examples/referrals.csv' ? join(root, w) : w))), message);
  });

  it('the fast path keeps the whole bound: --trials 10,000,000 --depth 19 is accepted, --depth 20 is not', async () => {
    expectUsageError(await fans(['simulate', '--trials', '10000000', '--depth', '20']), /^fans: --depth must be at most 19 with --trials 10,000,000: runs x periods may be at most 200,000,000$/);
    const { runPeriodCost } = await import('../../src/model/chains/engine.js');
    const poisson = { model: 'compound', start: 1, periods: 1, offspring: { distribution: 'poisson', introductions: 1, conversion: 1, dispersion: 1 }, churn: 0.1, market: null } as const;
    expect(runPeriodCost(poisson)).toBe(1);
    expect(runPeriodCost({ ...poisson, offspring: { ...poisson.offspring, distribution: 'negbin', dispersion: 0.5 } })).toBe(2 + 1);
    expect(runPeriodCost({ ...poisson, market: 100, nonreferrers: 0.1, paid: 5 })).toBe(2 + 1.5 + 1 + 1.5 + 0.5);
  });
});
