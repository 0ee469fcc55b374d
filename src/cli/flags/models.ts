import * as z from 'zod/mini';
import { field, fields, marketHoldsStart, optionSpecs, optionalField } from './options.js';
import { once } from './validate.js';

/**
 * The model flags of each command, one zod schema each, read by the plan (cli/plan.ts) once
 * a run; each option's own reading (its number rule, bounds and default) is options.ts's.
 */

/** Flags of `fans simulate`: the tree model. */
export const simulateSchema = once(() =>
  z.strictObject(fields(['start', 'fanout', 'depth', 'conversion', 'nonreferrers', 'market', 'cycle', 'paid'])).check(z.superRefine(marketHoldsStart)),
);
export type SimulateParams = z.infer<ReturnType<typeof simulateSchema>>;

/** Flags of `fans compound`: the compound model. */
export const compoundSchema = once(() =>
  z.strictObject(fields(['start', 'rate', 'years', 'conversion', 'nonreferrers', 'churn', 'market', 'paid'])).check(z.superRefine(marketHoldsStart)),
);
export type CompoundFlags = z.infer<ReturnType<typeof compoundSchema>>;

/** Flags of `fans goal`: either model, the given half of a pair without a default. */
export const goalSchema = once(() =>
  z
    .strictObject({
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
    })
    .check(z.superRefine(marketHoldsStart)),
);
export type GoalFlags = z.infer<ReturnType<typeof goalSchema>>;
