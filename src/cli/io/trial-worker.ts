// A worker thread of `fans ... --trials`. It may be started before its run is known (see
// prestart.ts), so it waits for its orders as the first message: then it claims blocks of
// trials one at a time (an atomic counter shared with the other threads), sketches their
// totals itself, sends each block's summary, and hands over its sketches when no block is left.
// Then it waits, listening, until the run ends it: a worker that ended itself while the run
// terminated it could leave terminate() unsettled for good (seen with 32 to 64 threads).
import { parentPort } from 'node:worker_threads';
import { type ChainParams, PeriodSketches, blockCount, runBlock, sketchedPeriods } from '../../model/chains/montecarlo.js';

/** What a worker is told to do: the run, and the counter of claimed blocks. */
export interface WorkerOrders {
  params: ChainParams;
  seed: number;
  trials: number;
  claim: Int32Array;
}

parentPort!.on('message', ({ params, seed, trials, claim }: WorkerOrders) => {
  const sketches = new PeriodSketches(sketchedPeriods(params));
  const blocks = blockCount(trials);
  for (let block = Atomics.add(claim, 0, 1); block < blocks; block = Atomics.add(claim, 0, 1)) {
    const summary = runBlock(params, seed, block, trials, sketches);
    parentPort!.postMessage(summary, [summary.sums.buffer as ArrayBuffer, summary.extinct.buffer as ArrayBuffer, ...(summary.reached ? [summary.reached.buffer as ArrayBuffer] : []), ...(summary.paidBack ? [summary.paidBack.buffer as ArrayBuffer] : []), ...(summary.customerDays ? [summary.customerDays.buffer as ArrayBuffer] : [])]);
  }
  const entries = sketches.entries();
  parentPort!.postMessage({ sketches: entries }, entries.map((e) => e.counts.buffer as ArrayBuffer));
});
