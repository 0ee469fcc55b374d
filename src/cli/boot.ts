import { output } from './io/std.js';
import { version } from './version.js';

/**
 * The CLI's first file, dist/cli.cjs: the one file Node compiles itself, with no code cache,
 * so it holds only the loader (io/load.ts, bundled in) and the answer to `fans --version`,
 * the one answer that needs nothing else (commander's own --version prints the same line; a
 * test holds them equal). Everything else (run.ts and the CLI it starts, dist/main.cjs)
 * compiles from V8's code cache: with run.ts in this file, `fans simulate` started about
 * 0.3 ms later on Node 22 and 26, and as a file of its own beside main.cjs about 0.25 ms
 * later (see docs/performance.md).
 */
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) output(`${version}\n`);
else void import('./run.js');
