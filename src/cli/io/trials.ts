import { type BlockSummary, type ChainParams, TrialSummary, blockCount, runBlock, sketchLayout, sketchedPeriods } from '../../model/chains/montecarlo.js';
import type { SketchEntries } from '../../model/chains/sketch.js';
import { type Io, type StopSignal, Interrupted } from './io.js';
import { thousands } from '../flags/parse.js';
import { workerUrl } from './threads.js';
import { endAll, takePrestarted } from './prestart.js';
import type { WorkerOrders } from './trial-worker.js';

export { Interrupted } from './io.js';

/** A progress line on stderr, only on a terminal and only for runs past a second. */
export function progress(io: Pick<Io, 'stderr' | 'stderrIsTTY'>, total: number, clock: () => number = Date.now): { update(done: number): void; clear(): void } {
  const started = clock();
  let shown = 0;
  let drawn = false;
  return {
    update(done) {
      const now = clock();
      if (!io.stderrIsTTY || now - started < 1000 || now - shown < 100) return;
      shown = now;
      drawn = true;
      const share = done / total;
      const width = 30;
      const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
      io.stderr(`\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}% of ${thousands(total)} runs`);
    },
    clear() {
      if (drawn) io.stderr('\r\u001b[K');
    },
  };
}

/**
 * Runs the trials in blocks, on `threads` threads when asked (this one and threads - 1
 * workers, each taking the next block as it is free), merging the blocks so the result is
 * the same for any number of threads; yields between blocks so Ctrl-C is heard.
 */
export async function runTrials(io: Io, params: ChainParams, trials: number, seed: number, threads: number): Promise<TrialSummary> {
  const summary = new TrialSummary(params.periods, sketchedPeriods(params), sketchLayout(params));
  const blocks = blockCount(trials);
  const bar = progress(io, trials);
  let interrupted: StopSignal | null = null;
  let stopWorkers = () => {};
  const stopListening = io.onInterrupt((signal) => {
    interrupted = signal;
    stopWorkers();
  });
  try {
    if (threads <= 1) {
      // Workers started for a guess (prestart.ts) that this run does not need.
      takePrestarted(0);
      for (let block = 0; block < blocks; block++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (interrupted) throw new Interrupted(interrupted);
        summary.add(runBlock(params, seed, block, trials, summary.sketches));
        bar.update(summary.trials);
      }
    } else {
      // Loaded only for threads: node:worker_threads brings node:stream with it.
      const { Worker } = await import('node:worker_threads');
      if (interrupted) throw new Interrupted(interrupted);
      await new Promise<void>((resolve, reject) => {
        // The next block to run, claimed atomically by whichever thread is free: no thread
        // waits for another to hand it work. This thread runs blocks too, so no core waits
        // while the threads - 1 workers start.
        const claim = new Int32Array(new SharedArrayBuffer(4));
        // Workers started with the process (prestart.ts) first, then new ones.
        const workers = takePrestarted(threads - 1);
        while (workers.length < threads - 1) workers.push(new Worker(workerUrl()));
        const orders: WorkerOrders = { params, seed, trials, claim };
        for (const worker of workers) worker.postMessage(orders);
        let stopped = false;
        let handedOver = 0;
        let mineDone = false;
        // Settled only once every worker has ended: a process that exits while workers are
        // still being torn down can hang in Node for good (seen with 32 to 64 threads).
        const stop = (error: unknown) => {
          stopped = true;
          void endAll(workers).then(() => reject(error));
        };
        const finish = () => {
          if (stopped || !mineDone || handedOver < workers.length) return;
          stopped = true;
          void endAll(workers).then(() => resolve());
        };
        stopWorkers = () => stop(new Interrupted(interrupted ?? 'SIGINT'));
        for (const worker of workers) {
          // A worker sends each block's summary, then its sketches when no block is left.
          worker.on('message', (message: BlockSummary | { sketches: SketchEntries[] }) => {
            if (stopped) return;
            if ('sketches' in message) {
              summary.mergeSketches(message.sketches);
              handedOver++;
              finish();
              return;
            }
            summary.add(message);
            bar.update(summary.trials);
          });
          worker.on('error', stop);
          // A worker ends only when the run ends it (trial-worker.ts): one that ends before it
          // handed over its sketches took its blocks with it, and the run would wait for ever.
          worker.on('exit', (code) => {
            if (!stopped) stop(new Error(`a worker thread ended before its work was done (exit code ${code})`));
          });
        }
        const runHere = () => {
          if (stopped) return;
          const block = Atomics.add(claim, 0, 1);
          if (block >= blocks) {
            // Out of blocks: sketch the totals held back while the workers finish theirs.
            summary.sketches.flush();
            mineDone = true;
            finish();
            return;
          }
          try {
            summary.add(runBlock(params, seed, block, trials, summary.sketches));
          } catch (error) {
            stop(error);
            return;
          }
          bar.update(summary.trials);
          // Between blocks: the workers' summaries, Ctrl-C.
          setImmediate(runHere);
        };
        setImmediate(runHere);
      });
    }
  } finally {
    stopListening();
    bar.clear();
  }
  if (interrupted) throw new Interrupted(interrupted);
  return summary;
}
