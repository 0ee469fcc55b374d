import type { Worker } from 'node:worker_threads';
import { availableParallelism, threadsFor } from './threads.js';
import { plainNumber } from '../flags/number-reading.js';

/**
 * Worker threads started from the command line's words, before commander reads them.
 *
 * A worker takes about 0.1 s to boot (Node's own set-up, then the engine's code), while
 * parsing and checking a command and loading the Monte Carlo engine take about as long on the
 * main thread. Started first, the workers boot on the idle cores meanwhile and claim their
 * first block as the main thread claims its own, instead of 0.1 s after it (see npm run bench,
 * section 5).
 *
 * The words are only read for a guess, never trusted: {@link takePrestarted} hands the run
 * the workers it needs and ends the rest; a worker nobody takes costs its boot on an idle
 * core. The workers wait for their orders as a message, see trial-worker.ts.
 */
const key = Symbol.for('fans.prestartedWorkers');
/** Shared through globalThis: the entry file starts the workers, a lazily loaded file takes them. */
const held = globalThis as { [key]?: Worker[] };

/**
 * The value of `--name v` or `--name=v` in raw words when written plainly (`1000000`, `1e6`:
 * rule 1 of number-reading.ts, which the plan reads alike under every locale), or null. A
 * count written the locale's way (`1.000.000`) is not guessed: the locale is not known yet.
 */
function countIn(argv: readonly string[], name: string): number | null {
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) raw = argv[i + 1];
    else if (argv[i]!.startsWith(`${name}=`)) raw = argv[i]!.slice(name.length + 1);
  }
  if (raw === undefined) return null;
  const count = plainNumber(raw.trim());
  return count !== null && Number.isInteger(count) ? count : null;
}

/**
 * The threads a sampled run will most likely use, guessed from its words: `--trials`, and
 * `--depth` or `--years` (their defaults when absent; a calendar run counts as a year of
 * days). `likelyThreads(['simulate', '--trials', '1000000', '--depth', '10'])` is the core
 * count (at most 8); 1 for anything else, a command without --trials included.
 */
export function likelyThreads(argv: readonly string[]): number {
  const command = argv[0];
  const trials = countIn(argv, '--trials');
  if (trials === null || (command !== 'simulate' && command !== 'compound')) return 1;
  const calendar = argv.some((word) => givenAs(word, '--by') || givenAs(word, '--cycle-spread') || givenAs(word, '--until'));
  const periods = calendar ? 365 : (countIn(argv, command === 'simulate' ? '--depth' : '--years') ?? (command === 'simulate' ? 3 : 10));
  const asked = argv.some((word) => givenAs(word, '--threads')) ? countIn(argv, '--threads') : null;
  return Math.max(1, Math.min(threadsFor(trials, periods, asked), availableParallelism()));
}

/** Whether a word is `flag` or `flag=value` (`/^--flag(=|$)/`, without a pattern to compile). */
const givenAs = (word: string, flag: string): boolean => word === flag || word.startsWith(`${flag}=`);

/**
 * Starts the workers a run of these words will likely want (none for most commands), each
 * made by `start` (the entry file passes one that loads node:worker_threads only then).
 */
export function prestartWorkers(argv: readonly string[], start: () => Worker): void {
  const wanted = likelyThreads(argv) - 1;
  if (wanted < 1) return;
  const workers = Array.from({ length: wanted }, () => {
    const worker = start();
    // Unreferenced until taken: a waiting worker never keeps the process alive.
    worker.unref();
    // One that fails or ends while waiting is not handed over: the run starts a new one,
    // whose failure it hears. (Once taken, the run listens for itself.)
    const drop = () => {
      const i = workers.indexOf(worker);
      if (i >= 0) workers.splice(i, 1);
    };
    worker.once('error', drop);
    worker.once('exit', drop);
    return worker;
  });
  held[key] = workers;
}

/**
 * Up to `count` of the started workers, referenced again; the others are ended. Each
 * worker is handed over once: a second call gets none.
 */
export function takePrestarted(count: number): Worker[] {
  const workers = held[key] ?? [];
  held[key] = [];
  const taken = workers.splice(0, count);
  void endAll(workers.splice(0));
  for (const worker of taken) worker.ref();
  return taken;
}

const ending = Symbol.for('fans.endingWorkers');
/** Terminations under way, shared through globalThis as the workers are (see {@link endAll}). */
const pending = globalThis as { [ending]?: Promise<unknown>[] };

/**
 * Ends `workers` and resolves once all have ended. The process must not exit before: Node
 * can hang for good in an exit that races a worker's teardown (seen with 32 to 64 threads:
 * the result printed, every thread asleep). {@link workersEnded} waits for every such call.
 */
export function endAll(workers: readonly Worker[]): Promise<unknown> {
  // Ended when its 'exit' is heard or its terminate() settles, whichever comes first: a
  // worker that ended by itself is done, whatever terminate() then does.
  const ended = Promise.all(
    workers.map((worker) => new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.terminate().then(() => resolve(), () => resolve());
    })),
  );
  (pending[ending] ??= []).push(ended);
  return ended;
}

/**
 * Resolves once every worker this process started and ended has ended, or after `patience`
 * milliseconds: call before process.exit. The wait is bounded so that a termination Node
 * never reports cannot keep a finished run alive (its answer is written by then).
 */
export function workersEnded(patience = 5_000): Promise<unknown> {
  const all = Promise.all(pending[ending] ?? []);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, patience);
    // The timer alone keeps nothing alive: with every worker gone the wait ends at once.
    timer.unref();
  });
  return Promise.race([all, late]).finally(() => clearTimeout(timer));
}
