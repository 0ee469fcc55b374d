import * as z from 'zod/mini';
import { fields, trialOptions } from './options.js';
import { once } from './validate.js';

/** The flags of a sampled run (`--trials` and its companions), checked once, by the plan (cli/plan.ts). */
export const trialSchema = once(() => z.strictObject(fields(trialOptions)));
export type TrialFlags = z.infer<ReturnType<typeof trialSchema>>;
