import { fdWriter } from './fd-write.js';

/**
 * What to do when output cannot be written. A reader that went away (`fans ... | head`) is
 * not an error: stop quietly. Anything else (a full disk) is one line on stderr and exit 1.
 */
function outputFailed(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  errors(`fans: cannot write output: ${error.message}\n`);
  process.exit(1);
}

let stdoutWatched = false;
/** process.stdout, created only if a write has to wait for the reader. */
function stdoutStream(): NodeJS.WritableStream {
  if (!stdoutWatched) process.stdout.on('error', outputFailed);
  stdoutWatched = true;
  return process.stdout;
}

/** The process's standard output, written with `fs.writeSync` (see {@link fdWriter}). */
export const output = fdWriter(1, stdoutStream, outputFailed);

/** The process's standard error; stderr cannot report its own failure, so a closed stderr is ignored. */
export const errors = fdWriter(2, () => process.stderr, () => undefined);
