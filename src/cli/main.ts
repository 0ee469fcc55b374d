import { CommanderError } from 'commander';
import { GrowthOverflowError } from '../model/count.js';
import { type Format, render } from '../output/render.js';
import { compoundReport, compoundRows, compoundSchema } from './compound.js';
import { type Io, UsageError } from './io.js';
import { type Job, buildProgram, shortHelp } from './program.js';
import { simulateReport, simulateRows, simulateSchema } from './simulate.js';
import { buildStyle } from './style.js';
import { parseFlags } from './validate.js';

/** Exit codes: 0 success, 1 an unexpected failure (a bug), 2 a usage or input error. */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The whole CLI: reads `argv` (without `node` and the script), writes through `io` and
 * resolves to the exit code. Output is built whole and written once, so a failure never
 * leaves half an answer on stdout.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let job: Job | undefined;
  try {
    if (argv.length === 0) {
      io.stdout(shortHelp);
      return exitCodes.ok;
    }
    await buildProgram(io, (j) => (job = j)).parseAsync([...argv], { from: 'user' });
    if (job) io.stdout(await run(job, io));
    return exitCodes.ok;
  } catch (error) {
    return failed(error, io, argv.includes('--debug'));
  }
}

function failed(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // commander has written its message (one line) or the help already.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`fans: ${error.message}\n`);
    return exitCodes.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`fans: unexpected error: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return exitCodes.failure;
}

/** Computes the job's report and renders it; throws UsageError for bad input. */
async function run(job: Job, io: Io): Promise<string> {
  const style = buildStyle(io, job.flags);
  const format = job.flags.format as Format;
  switch (job.command) {
    case 'simulate': {
      const p = parseFlags(simulateSchema, pick(job.flags, simulateSchema.shape));
      const rows = withinRange(() => simulateRows(p), '--depth', 'level');
      return render(simulateReport(p, rows, style), format, style);
    }
    case 'compound': {
      const p = parseFlags(compoundSchema, pick(job.flags, compoundSchema.shape));
      const rows = withinRange(() => compoundRows(p), '--years', 'year');
      return render(compoundReport(p, rows, style), format, style);
    }
    default:
      throw new UsageError(`unknown command '${job.command}'`);
  }
}

/** The flags a schema knows, and only those. */
export function pick(flags: Record<string, unknown>, shape: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(shape).filter((key) => flags[key] !== undefined).map((key) => [key, flags[key]]));
}

/** Expected values that overflow a double become a usage error naming the flag that bounds them. */
export function withinRange<T>(compute: () => T, flag: string, period: string): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof GrowthOverflowError)) throw error;
    const last = error.period - 1;
    throw new UsageError(
      `${flag} must be at most ${last.toLocaleString('en-US')} with these parameters: expected values pass 1.8e308 at ${period} ${error.period.toLocaleString('en-US')} (whole-number inputs without conversion, churn or market are exact at any size)`,
    );
  }
}
