import { isTerminal } from './io/fd-write.js';
import { errors, output } from './io/std.js';
import { type Io, type StopSignal, TooLarge, stopSignals } from './io/io.js';
import { prestartWorkers, workersEnded } from './io/prestart.js';
import { workerUrl } from './io/threads.js';
import { main } from './main.js';

/**
 * node:tty's isatty, loaded on first use. This file runs only as the entry of a CommonJS file of
 * the bundle (dist/main.cjs, loaded by dist/cli.cjs), where `require` is Node's; esbuild leaves a call inside a function lazy.
 */
const isatty = (fd: number) => (require('node:tty') as typeof import('node:tty')).isatty(fd);

/** The real process as an {@link Io}; whether a stream is a terminal is asked when needed. */
export function processIo(): Io {
  let stdoutTTY: boolean | undefined;
  let stderrTTY: boolean | undefined;
  return {
    stdout: output,
    stderr: errors,
    env: process.env,
    get stdoutIsTTY() {
      return (stdoutTTY ??= isTerminal(1, isatty));
    },
    get stderrIsTTY() {
      return (stderrTTY ??= isTerminal(2, isatty));
    },
    get columns() {
      return this.stdoutIsTTY ? process.stdout.columns : undefined;
    },
    readBytes: async (path, limit) => {
      const { createReadStream } = await import('node:fs');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of path === '-' ? process.stdin : createReadStream(path)) {
        size += (chunk as Buffer).length;
        if (size > limit) throw new TooLarge(`larger than ${limit} bytes`);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    onInterrupt: (listener) => {
      stopListeners.add(listener);
      return () => void stopListeners.delete(listener);
    },
  };
}

/**
 * Who hears SIGINT, SIGTERM and SIGHUP: a run in progress stops at its next look (between
 * blocks of trials, between megabytes of an --output file), removes what it had begun to
 * write, and exits 128 + the signal's number; with no one listening the process exits so
 * at once. Signals are delivered between two pieces of JavaScript, never inside one.
 */
const stopListeners = new Set<(signal: StopSignal) => void>();
function listenForStops(): void {
  for (const signal of Object.keys(stopSignals) as StopSignal[]) {
    process.on(signal, () => {
      if (stopListeners.size === 0) {
        errors('fans: interrupted\n');
        process.exitCode = stopSignals[signal];
        void workersEnded().then(() => process.exit(stopSignals[signal]));
        return;
      }
      for (const listener of [...stopListeners]) listener(signal);
    });
  }
}

const argv = process.argv.slice(2);
listenForStops();
// Workers for a big sampled run boot while the CLI reads its words (see prestart.ts).
prestartWorkers(argv, () => new (require('node:worker_threads') as typeof import('node:worker_threads')).Worker(workerUrl()));
void main(argv, processIo()).then(async (code) => {
  // Should the process run dry while it waits for its workers, it still exits with this.
  process.exitCode = code;
  await workersEnded();
  // Everything is written (synchronously) and every worker has ended: exit now rather than
  // idle in the event loop, where V8 may run a garbage collection no one is waiting for.
  // Text that went to a stream (a full non-blocking pipe) is left to drain first.
  if (output.streamed || errors.streamed) process.exitCode = code;
  else process.exit(code);
});
