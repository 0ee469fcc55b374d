import type { OptionName } from './flags/options.js';
import { calendarOptions, moneyFlagNames, optionSpecs, trialOptions } from './flags/options.js';
import { isInvalid, quoted } from './flags/parse.js';
import { parseFlags, pick } from './flags/validate.js';
import { type TrialFlags, trialSchema } from './flags/trials.js';
import { type Io, UsageError } from './io/io.js';
import type { Money } from '../model/money.js';
import type { Job } from './program.js';

/**
 * The plan of a run: the words of its command line (or of a scenario in a `fans compare`
 * file) read once, into typed values, before anything runs. Commands receive a plan; they
 * ask its {@link Flags} whether a flag was given (to refuse combinations by name) and read
 * their model's own flags from them with their schema, once a run.
 */

/** Every flag a command takes, as commander names it (camelCase). */
export type FlagName =
  | OptionName
  | 'format' | 'output' | 'force' | 'locale' | 'lang' | 'unit' | 'color' | 'debug'
  | 'chart' | 'scale' | 'title' | 'subtitle' | 'target' | 'size'
  | 'net' | 'revenue' | 'maxReward' | 'byDate'
  | 'input' | 'column' | 'fans' | 'zeroTruncated' | 'id' | 'referredBy' | 'sizes' | 'censoredAt' | 'minSize' | 'sheet' | 'joined' | 'asOf' | 'countsPer';

/** The words of a command line by flag: the text given (or a scenario file's number), `true` for a switch; absent when not given. */
export type Flags = Readonly<Partial<Record<FlagName, string | number | boolean>>>;

/** Commander's flags as the plan's: it hands over only the names its options declare (program.ts). */
export const flagsOf = (flags: Job['flags']): Flags => flags as Flags;

/** A command whose answer is a report. */
export type ReportCommand = Exclude<Job['command'], 'example' | 'completion'>;

/** A run, planned: its command, positional words, flags, and what they ask for, read once. */
export interface Plan {
  command: ReportCommand;
  args: readonly string[];
  flags: Flags;
  /** `--trials` and its companions; null: expected values, not sampled runs. */
  trials: TrialFlags | null;
  /** The money flags read into amounts (`--value`, `--per`, ...); null: no money. */
  money: Money | null;
  /** Whether the run is on the calendar: a calendar flag, or `--cycle`. */
  calendar: boolean;
}

/** The money flags and targets: their reading loads only when one is given. */
const moneyGiven = (flags: Flags) => moneyFlagNames.some((name) => flags[name] !== undefined);

/**
 * The plan of `command` with `flags`: a forecast from dated records (`--fit` a file with
 * join dates, with `--trials`) takes its calendar from the file (dated-forecast.ts), read
 * here; amounts are read under `locale`. Throws UsageError for what cannot be read.
 */
export async function planOf(io: Io, command: ReportCommand, given: Flags, args: readonly string[], locale: string): Promise<Plan> {
  const model = command === 'simulate' || command === 'compound' || command === 'goal';
  // A forecast from dated records runs on the calendar the file gives.
  const flags = model && given.fit !== undefined ? await (await import('./commands/dated-forecast.js')).withDatedFit(io, command, given) : given;
  const money = model && moneyGiven(flags) ? (await import('./flags/money.js')).moneyOf(flags, locale) : null;
  return {
    command,
    args,
    flags,
    trials: model ? trialsOf(flags, command === 'goal') : null,
    money,
    calendar: model && (calendarOptions.some((name) => flags[name] !== undefined) || flags.cycle !== undefined),
  };
}

/**
 * The trial flags, or null when `--trials` is not given (or is `none`, the default the help
 * shows); the other trial flags alone are a usage error for simulate and compound (a goal
 * refuses them itself, beside --by-date).
 */
function trialsOf(flags: Flags, goal: boolean): TrialFlags | null {
  const trials = flags.trials === undefined ? null : optionSpecs.trials.parse(String(flags.trials));
  if (isInvalid(trials)) throw new UsageError(`--trials ${trials.invalid} (got ${quoted(flags.trials)})`);
  if (trials === null) {
    const stray = trialOptions.find((name) => name !== 'trials' && flags[name] !== undefined);
    if (stray && !goal) throw new UsageError(`--${stray} applies to sampled runs only: add --trials N`);
    return null;
  }
  return parseFlags(trialSchema(), pick(flags, trialSchema().shape));
}
