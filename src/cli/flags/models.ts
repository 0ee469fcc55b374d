import type { FlagValues } from './options.js';

/**
 * The model flags of each command, in the order they are read (the first that does not read is
 * the error), by the plan (cli/plan.ts) with options.ts's readFlags; each option's own reading
 * (its number rule, bounds and default) is options.ts's. The market's cross-field check
 * (marketBelowStart) is the plan's, after the flags. A scenario file's schema takes the same
 * flags as zod fields (flags/scenarios.ts).
 */

/** Flags of `fans simulate`: the tree model. */
export const simulateFlags = ['start', 'fanout', 'depth', 'conversion', 'nonreferrers', 'market', 'cycle', 'paid'] as const;
export type SimulateParams = FlagValues<(typeof simulateFlags)[number]>;

/** Flags of `fans compound`: the compound model. */
export const compoundFlags = ['start', 'rate', 'years', 'conversion', 'nonreferrers', 'churn', 'market', 'paid'] as const;
export type CompoundFlags = FlagValues<(typeof compoundFlags)[number]>;

/** Flags of `fans goal`: either model, the given half of a pair without a default ({@link goalOptional}). */
export const goalFlags = ['start', 'conversion', 'nonreferrers', 'churn', 'market', 'cycle', 'paid', 'fanout', 'depth', 'rate', 'years'] as const;
/** The goal's flags that stay undefined when not given: what the goal solves for. */
export const goalOptional = ['churn', 'fanout', 'depth', 'rate', 'years'] as const;
export type GoalFlags = FlagValues<(typeof goalFlags)[number], (typeof goalOptional)[number]>;
