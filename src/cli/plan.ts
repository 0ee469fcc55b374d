import type { Flags } from './flags/flags.js';
import { type OptionName, calendarOptions, marketBelowStart, moneyFlagNames, readFlags, trialOptions } from './flags/options.js';
import type { TrialFlags } from './flags/trials.js';
import { type CompoundFlags, type GoalFlags, type SimulateParams, compoundFlags, goalFlags, goalOptional, simulateFlags } from './flags/models.js';
import { type Io, UsageError } from './io/io.js';
import type { Money } from '../model/money.js';
import type { Job } from './program.js';

export type { FlagName, Flags } from './flags/flags.js';

/**
 * The plan of a run: the words of its command line (or of a scenario in a `fans compare`
 * file) read once, into typed values, before anything runs. Commands receive a plan; they
 * ask its {@link Flags} whether a flag was given (to refuse combinations by name) and read
 * their model's own flags from them by the options' specs (readFlags), once a run.
 */

/** Commander's flags as the plan's: it hands over only the names its options declare (program.ts). */
export const flagsOf = (flags: Job['flags']): Flags => flags as Flags;

/** A command whose answer is a report. */
export type ReportCommand = Exclude<Job['command'], 'example' | 'completion'>;

/** A run, planned: its command and model, positional words, flags, and what they ask for, read once. */
export type Plan = PlanOf<'simulate', SimulateParams> | PlanOf<'compound', CompoundFlags> | PlanOf<'goal', GoalFlags> | PlanOf<'fit' | 'compare', null>;

/** The plan of a command: `model` its model's flags, read by their specs (flags/models.ts). */
export interface PlanOf<C extends ReportCommand, M> {
  command: C;
  model: M;
  args: readonly string[];
  flags: Flags;
  /** `--trials` and its companions; null: expected values, not sampled runs. */
  trials: TrialFlags | null;
  /** The money flags read into amounts (`--value`, `--per`, ...); null: no money. */
  money: Money | null;
  /** Whether the run is on the calendar: a calendar flag, or `--cycle`. */
  calendar: boolean;
  /**
   * Whether its report is drawn (`--chart`, or a picture format): a sampled goal by date
   * then runs on past its answer for the band the chart draws; else it stops once answered.
   */
  drawn: boolean;
}

/** The money flags and targets: their reading loads only when one is given. */
const moneyGiven = (flags: Flags) => moneyFlagNames.some((name) => flags[name] !== undefined);

/**
 * The plan of `command` with `flags`: a forecast from dated records (`--fit` a file with
 * join dates, with `--trials`) takes its calendar from the file (dated-forecast.ts), read
 * here. Numbers are read the way main.ts set (readNumbersUnder: `10.000` under nl-NL); the
 * amounts' currency, when none is given, is `locale`'s; `shown.drawn`: whether the report is
 * drawn (a scenario of `fans compare` may be). Throws UsageError for what cannot be read.
 */
export async function planOf(io: Io, command: ReportCommand, given: Flags, args: readonly string[], locale: string, shown: { drawn: boolean } = { drawn: true }): Promise<Plan> {
  const model = command === 'simulate' || command === 'compound' || command === 'goal';
  // A forecast from dated records runs on the calendar the file gives.
  const flags = model && given.fit !== undefined ? await (await import('./commands/dated-forecast.js')).withDatedFit(io, command, given) : given;
  const money = model && moneyGiven(flags) ? (await import('./flags/money.js')).moneyOf(flags, locale) : null;
  const base = {
    args,
    flags,
    trials: model ? trialsOf(flags, command === 'goal') : null,
    money,
    calendar: model && (calendarOptions.some((name) => flags[name] !== undefined) || flags.cycle !== undefined),
    drawn: shown.drawn,
  };
  switch (command) {
    case 'simulate':
      return { command, model: modelOf<SimulateParams>(flags, simulateFlags), ...base };
    case 'compound':
      return { command, model: modelOf<CompoundFlags>(flags, compoundFlags), ...base };
    case 'goal':
      return { command, model: modelOf<GoalFlags>(flags, goalFlags, goalOptional), ...base };
    default:
      return { command, model: null, ...base };
  }
}

/**
 * A model's flags read (options.ts's readFlags), then checked across: the market must hold the
 * starting fans (the flags themselves are read first, so a flag that does not read is the error).
 */
function modelOf<M extends { start: number; market: number | null }>(flags: Flags, names: readonly OptionName[], optional: readonly OptionName[] = []): M {
  const model = readFlags(flags, names, optional) as unknown as M;
  const problem = marketBelowStart(model);
  if (problem !== null) throw new UsageError(`--market ${problem}`);
  return model;
}

/**
 * The trial flags, or null when `--trials` is not given (or is `none`, the default the help
 * shows); the other trial flags alone are a usage error for simulate and compound (a goal
 * refuses them itself, beside --by-date).
 */
function trialsOf(flags: Flags, goal: boolean): TrialFlags | null {
  const t = flags.trials === undefined ? null : readFlags(flags, trialOptions);
  if (t !== null && t.trials !== null) return t;
  const stray = trialOptions.find((name) => name !== 'trials' && flags[name] !== undefined);
  if (stray && !goal) throw new UsageError(`--${stray} applies to sampled runs only: add --trials N`);
  return null;
}
