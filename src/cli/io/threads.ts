import { blockCount } from '../../model/chains/blocks.js';

/**
 * Below this many period-steps a run stays on the main thread: starting workers and
 * merging their blocks costs more than it saves (100,000 runs of 10 levels were faster
 * on one thread on a 2-core machine; see npm run bench).
 */
const workerThreshold = 3_000_000;

/**
 * The cores this process may use (node:os's availableParallelism). node:os is loaded on first
 * use, by a run that may want threads: it is not in Node's start-up snapshot, and loading it
 * cost every run about 0.2 ms on Node 22 and 26 (docs/performance.md). `process.getBuiltinModule`
 * came with Node 20.16 and 22.3; before, the bundle's CommonJS `require` serves.
 */
export function availableParallelism(): number {
  const os = (process.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined) ?? (require('node:os') as typeof import('node:os'));
  return os.availableParallelism();
}

/**
 * Threads for a run: as asked, but at most one per block and one per core (a CPU-bound run
 * gains nothing from more threads than cores, and each worker costs memory: `--threads 64`
 * on 2 cores started 63 workers, 1.1 GB); else every core (at most 8) for big runs and 1 for
 * small ones. `threadsFor(1_000_000, 10, null)` is the core count; `threadsFor(1_000, 10, null)` is 1.
 */
export function threadsFor(trials: number, periods: number, asked: number | null): number {
  const blocks = blockCount(trials);
  if (asked !== null) return Math.max(1, Math.min(asked, blocks, availableParallelism()));
  if (trials * (periods + 1) < workerThreshold) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, blocks));
}

/** Where the bundled worker lives: beside the bundle, or in dist/ when running from source. */
export function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../../dist/trial-worker.cjs', import.meta.url) : new URL('./trial-worker.cjs', import.meta.url);
}
