// A worker thread of `fans ... --trials`: runs the blocks of trials it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChainParams, runBlock } from '../model/montecarlo.js';

const { params, seed, trials } = workerData as { params: ChainParams; seed: number; trials: number };

parentPort!.on('message', (block: number) => {
  const summary = runBlock(params, seed, block, trials);
  parentPort!.postMessage(summary, [summary.sums.buffer as ArrayBuffer, summary.extinct.buffer as ArrayBuffer, summary.totals.buffer as ArrayBuffer]);
});
