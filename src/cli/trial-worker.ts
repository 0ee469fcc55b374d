// A worker thread of `fans ... --trials`: runs the blocks of trials it is sent, sketches
// their totals itself, and hands over its sketches when told the run is done.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChainParams, PeriodSketches, runBlock } from '../model/montecarlo.js';

const { params, seed, trials } = workerData as { params: ChainParams; seed: number; trials: number };
const sketches = new PeriodSketches(params.periods);

parentPort!.on('message', (block: number | 'done') => {
  if (block === 'done') {
    const entries = sketches.entries();
    parentPort!.postMessage({ sketches: entries }, entries.map((e) => e.counts.buffer as ArrayBuffer));
    return;
  }
  const summary = runBlock(params, seed, block, trials, sketches);
  parentPort!.postMessage(summary, [summary.sums.buffer as ArrayBuffer, summary.extinct.buffer as ArrayBuffer]);
});
