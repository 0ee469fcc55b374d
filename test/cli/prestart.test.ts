import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { likelyThreads, prestartWorkers, takePrestarted } from '../../src/cli/io/prestart.js';
import { spawnFans } from './harness.js';

const cores = Math.min(availableParallelism(), 8);

/** A stand-in worker that records what was done to it, and can fail as a worker does (an 'error' event). */
function fakeWorker(log: string[], name: string): Worker {
  return Object.assign(new EventEmitter(), {
    ref: () => void log.push(`${name} ref`),
    unref: () => void log.push(`${name} unref`),
    terminate: () => {
      log.push(`${name} terminate`);
      return Promise.resolve(0);
    },
  }) as unknown as Worker;
}

describe('threads a run starts (issue #33: what threads can cost)', () => {
  it('never more than the cores, nor than the blocks of 1,024 runs: --threads 64 on this machine starts at most its cores', async () => {
    const { threadsFor } = await import('../../src/cli/io/threads.js');
    expect(threadsFor(1_000_000, 10, 64)).toBe(Math.min(64, availableParallelism()));
    expect(threadsFor(1_000_000, 10, 1)).toBe(1);
    // Two blocks of runs: two threads at most, whatever is asked.
    expect(threadsFor(2048, 10, 64)).toBe(Math.min(2, availableParallelism()));
  });
});

describe('workers started before the CLI loads', () => {
  it('guesses the threads of a run from its raw words, as threadsFor will decide them', () => {
    expect(likelyThreads(['simulate', '--trials', '1000000', '--depth', '10'])).toBe(cores);
    expect(likelyThreads(['simulate', '--trials=1000000', '--depth=10'])).toBe(cores);
    expect(likelyThreads(['compound', '--trials', '1e6', '--rate', '0.5', '--years', '20'])).toBe(cores);
    expect(likelyThreads(['simulate', '--trials', '20000', '--threads', '2'])).toBe(Math.min(2, availableParallelism()));
    // Under 3,000,000 period-steps a run stays on one thread: 100,000 x (3 + 1) levels.
    expect(likelyThreads(['simulate', '--trials', '100000'])).toBe(1);
    // A calendar run counts as a year of days: 20,000 x 366 is past 3,000,000.
    expect(likelyThreads(['simulate', '--trials', '20000', '--cycle', '1w', '--by', 'day'])).toBe(cores);
    // A flag given with its value after `=` counts as given; a longer flag that starts alike does not.
    expect(likelyThreads(['simulate', '--trials', '20000', '--cycle', '1w', '--until=2028-01-01'])).toBe(cores);
    expect(likelyThreads(['simulate', '--trials', '20000', '--cycle', '1w', '--byday'])).toBe(1);
    expect(likelyThreads(['simulate', '--trials', '1000000', '--threads=1'])).toBe(1);
    for (const argv of [
      ['simulate', '--trials', '1000000', '--threads', '1'],
      ['simulate', '--trials', '1000000', '--threads', '0'],
      ['simulate', '--trials', 'many', '--depth', '10'],
      // Written the locale's way: a million under nl-NL, refused under en-US. The locale is not known before the CLI loads, so no guess (#28: one reading).
      ['simulate', '--trials=1.000.000', '--depth=10'],
      ['simulate', '--trials', '1,000,000', '--depth', '10'],
      ['simulate', '--trials', '1e6.5', '--depth', '10'],
      ['simulate', '--depth', '10'],
      ['goal', '1000', '--trials', '1000000'],
      ['fit', 'records.csv'],
      [],
    ]) {
      expect(likelyThreads(argv), argv.join(' ')).toBe(1);
    }
  });

  it('starts them unreferenced, hands over as many as a run takes, once, and ends the rest', () => {
    const log: string[] = [];
    let made = 0;
    prestartWorkers(['simulate', '--trials', '1000000', '--depth', '10', '--threads', '3'], () => fakeWorker(log, `w${++made}`));
    const started = Math.min(3, availableParallelism()) - 1;
    expect(made).toBe(started);
    expect(log).toEqual(Array.from({ length: started }, (_, i) => `w${i + 1} unref`));
    log.length = 0;
    const taken = takePrestarted(1);
    expect(taken).toHaveLength(Math.min(1, started));
    expect(log).toEqual([...Array.from({ length: started - 1 }, (_, i) => `w${i + 2} terminate`), ...(started > 0 ? ['w1 ref'] : [])]);
    expect(takePrestarted(4)).toEqual([]);
  });

  it('does not hand over a worker that failed or ended while waiting (the run starts a new one and hears its failure)', () => {
    const made: Worker[] = [];
    prestartWorkers(['simulate', '--trials', '1000000', '--depth', '10', '--threads', '3'], () => {
      const worker = fakeWorker([], `w${made.length + 1}`);
      made.push(worker);
      return worker;
    });
    expect(made).toHaveLength(Math.min(3, availableParallelism()) - 1);
    // Without a listener, an 'error' event would throw: the failure is heard, and the worker dropped.
    for (const worker of made) expect(() => worker.emit('error', new Error('cannot load'))).not.toThrow();
    made[0]?.emit('exit', 1);
    expect(takePrestarted(2)).toEqual([]);
  });

  it('starts none for a command that will not sample', () => {
    let made = 0;
    prestartWorkers(['simulate', '--fanout', '10', '--depth', '3'], () => {
      made++;
      return fakeWorker([], 'w');
    });
    expect(made).toBe(0);
    expect(takePrestarted(2)).toEqual([]);
  });

  it('gives the one-thread answer whether the workers it started are used, mixed with new ones, or left unused', () => {
    const run = (...extra: string[]) => spawnFans(['simulate', '--fanout', '3', '--trials', '20000', '--seed', '6', '--format', 'csv', ...extra]);
    const depth = ['--depth', '12'];
    const one = run(...depth, '--threads', '1');
    expect(one.code).toBe(0);
    // Started with the process, then (with 3 threads on fewer cores) new ones beside them.
    expect(run(...depth, '--threads', '2')).toEqual(one);
    expect(run(...depth, '--threads', '3')).toEqual(one);
    // Guessed a calendar run of many days, but --until leaves 2 weekly levels: one thread, the started workers ended.
    const calendar = ['--cycle', '1w', '--start-date', '2027-01-01', '--until', '2027-01-15', '--by', 'day'];
    const short = run(...calendar);
    expect(short.code).toBe(0);
    expect(run(...calendar, '--threads', '1')).toEqual(short);
  });

  it('reports a mistake at once, with one line and exit 2, though workers were started', () => {
    const ran = spawnFans(['simulate', '--trials', '1000000', '--depth', '10', '--fanout', '-1', '--threads', '2']);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(/--fanout/);
  });
});
