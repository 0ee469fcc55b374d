import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { Io } from './io.js';
import { main } from './main.js';

/** The real process as an {@link Io}. */
export function processIo(): Io {
  return {
    stdout: (chunk) => void process.stdout.write(chunk),
    stderr: (chunk) => void process.stderr.write(chunk),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns,
    readText: (path) => (path === '-' ? text(process.stdin) : readFile(path, 'utf8')),
    onInterrupt: (listener) => {
      process.on('SIGINT', listener);
      return () => void process.off('SIGINT', listener);
    },
  };
}

// A reader that went away (`fans ... | head`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`fans: cannot write output: ${error.message}\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2), processIo());
