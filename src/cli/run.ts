import { type Io, TooLarge } from './io.js';
import { version } from './version.js';

/** The real process as an {@link Io}. */
export function processIo(): Io {
  return {
    stdout: (chunk) => void process.stdout.write(chunk),
    stderr: (chunk) => void process.stderr.write(chunk),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.columns,
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

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The one answer that needs nothing else: skip loading the CLI (commander's own
  // --version prints the same line; a test holds them equal).
  process.stdout.write(`${version}\n`);
} else {
  void import('./main.js').then(async ({ main }) => {
    process.exitCode = await main(argv, processIo());
  });
}
