import { type FlagValues, trialOptions } from './options.js';

/** The flags of a sampled run (`--trials` and its companions), read once by the plan (cli/plan.ts). */
export type TrialFlags = FlagValues<(typeof trialOptions)[number]>;
