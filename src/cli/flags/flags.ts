import type { OptionName } from './options.js';

/** The flags of a run by name: the vocabulary of the plan (cli/plan.ts) and of everything that reads it. */

/** Every flag a command takes, as commander names it (camelCase). */
export type FlagName =
  | OptionName
  | 'format' | 'output' | 'force' | 'locale' | 'lang' | 'unit' | 'color' | 'debug'
  | 'chart' | 'scale' | 'title' | 'subtitle' | 'target' | 'size'
  | 'net' | 'revenue' | 'maxReward' | 'byDate'
  | 'input' | 'column' | 'fans' | 'zeroTruncated' | 'id' | 'referredBy' | 'sizes' | 'censoredAt' | 'minSize' | 'sheet' | 'joined' | 'asOf' | 'countsPer';

/** The words of a command line by flag: the text given (or a scenario file's number), `true` for a switch; absent when not given. */
export type Flags = Readonly<Partial<Record<FlagName, string | number | boolean>>>;
