// A worker thread of `fans ... --trials`: claims blocks of trials one at a time (an atomic
// counter shared with the other threads), sketches their totals itself, sends each block's
// summary, and hands over its sketches when no block is left.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChainParams, PeriodSketches, blockCount, runBlock } from '../model/montecarlo.js';

const { params, seed, trials, claim } = workerData as { params: ChainParams; seed: number; trials: number; claim: Int32Array };
const sketches = new PeriodSketches(params.periods);
const blocks = blockCount(trials);

for (let block = Atomics.add(claim, 0, 1); block < blocks; block = Atomics.add(claim, 0, 1)) {
  const summary = runBlock(params, seed, block, trials, sketches);
  parentPort!.postMessage(summary, [summary.sums.buffer as ArrayBuffer, summary.extinct.buffer as ArrayBuffer]);
}
const entries = sketches.entries();
parentPort!.postMessage({ sketches: entries }, entries.map((e) => e.counts.buffer as ArrayBuffer));
