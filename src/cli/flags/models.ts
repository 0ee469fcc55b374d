import * as z from 'zod/mini';
import { field, fields, optionSpecs, optionalField } from './options.js';
import { once } from './validate.js';

/**
 * The model flags of each command, one zod schema each, read by the plan (cli/plan.ts) once
 * a run; each option's own reading (its number rule, bounds and default) is options.ts's.
 * Plain objects: the plan hands a schema only the flags of its shape, so a strict object
 * would refuse nothing more; and the market's cross-field check (options.ts's
 * marketBelowStart) is the plan's, after the schema. Built as a strict object with that
 * check as a refinement, simulate's schema took about 0.3 ms more of every start on Node 22
 * (docs/performance.md).
 */

/** Flags of `fans simulate`: the tree model. */
export const simulateSchema = once(() =>
  z.object(fields(['start', 'fanout', 'depth', 'conversion', 'nonreferrers', 'market', 'cycle', 'paid'])),
);
export type SimulateParams = z.infer<ReturnType<typeof simulateSchema>>;

/** Flags of `fans compound`: the compound model. */
export const compoundSchema = once(() =>
  z.object(fields(['start', 'rate', 'years', 'conversion', 'nonreferrers', 'churn', 'market', 'paid'])),
);
export type CompoundFlags = z.infer<ReturnType<typeof compoundSchema>>;

/** Flags of `fans goal`: either model, the given half of a pair without a default. */
export const goalSchema = once(() =>
  z.object({
    start: field(optionSpecs.start),
    conversion: field(optionSpecs.conversion),
    nonreferrers: field(optionSpecs.nonreferrers),
    churn: optionalField(optionSpecs.churn),
    market: field(optionSpecs.market),
    cycle: field(optionSpecs.cycle),
    paid: field(optionSpecs.paid),
    fanout: optionalField(optionSpecs.fanout),
    depth: optionalField(optionSpecs.depth),
    rate: optionalField(optionSpecs.rate),
    years: optionalField(optionSpecs.years),
  }),
);
export type GoalFlags = z.infer<ReturnType<typeof goalSchema>>;
