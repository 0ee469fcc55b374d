/**
 * The CLI's first file, dist/cli.cjs: the one file Node compiles itself, with no code cache,
 * so it holds only the loader (io/load.ts, bundled in). The CLI's start (run.ts, as
 * dist/run.cjs) and all after it compile from V8's code cache: with run.ts in this file,
 * `fans simulate` started about 0.3 ms later on Node 22 and 26 (see docs/performance.md).
 */
void import('./run.js');
