import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainParams } from '../../src/model/chains/params.js';
import { endAll, workersEnded } from '../../src/cli/io/prestart.js';
import { runTrials } from '../../src/cli/io/trials.js';
import { quietIo } from './harness.js';

// How a run's threads end, whatever a worker does. A run must never wait for ever: it waits for
// a worker's blocks only while the worker lives, and the process waits for a worker's end only
// for a bounded time (CI once saw `--threads 64` on Node 26 killed by its 45 s watchdog).

const prestarted = Symbol.for('fans.prestartedWorkers');
const ending = Symbol.for('fans.endingWorkers');
const shared = globalThis as { [prestarted]?: Worker[]; [ending]?: Promise<unknown>[] };

afterEach(() => {
  shared[prestarted] = [];
  shared[ending] = [];
});

/** A worker that never ends by itself and never reports being ended. */
function stuckWorker(): Worker & EventEmitter {
  return Object.assign(new EventEmitter(), { terminate: () => new Promise<number>(() => {}) }) as unknown as Worker & EventEmitter;
}

const quiet = quietIo;

describe('the threads of a sampled run end', () => {
  it('a worker that ends before handing over its work fails the run with a message, instead of leaving it waiting', async () => {
    // The run takes this worker as one started with the process (prestart.ts): on its orders it exits.
    shared[prestarted] = [new Worker('require("node:worker_threads").parentPort.once("message", () => process.exit(3))', { eval: true })];
    const params: ChainParams = { model: 'tree', start: 1, periods: 10, offspring: { distribution: 'poisson', introductions: 2, conversion: 1, dispersion: 1 }, churn: 0, market: null };
    await expect(runTrials(quiet, params, 200_000, 1, 2)).rejects.toThrow('a worker thread ended before its work was done (exit code 3)');
  }, 20_000);

  it('a worker counts as ended when it exits, though its terminate() never settles', async () => {
    const worker = stuckWorker();
    const ended = endAll([worker]);
    worker.emit('exit', 1);
    await expect(ended).resolves.toEqual([undefined]);
  }, 5_000);

  it('the process waits for a worker that never reports its end only for a bounded time', async () => {
    void endAll([stuckWorker()]);
    const started = performance.now();
    await workersEnded(50);
    // Ended by its patience: not before it, and not much after (a loose bound for busy machines).
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 10_000);
});
