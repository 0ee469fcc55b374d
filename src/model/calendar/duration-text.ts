import type { CycleLength } from './dates.js';

/** Units a duration can be written in, and the column they name. */
export const durationUnits = { d: 'days', w: 'weeks', m: 'months', y: 'years' } as const;

/**
 * A duration written back in its short form, as the flags take it.
 *
 * @example durationText({ amount: 30, unit: 'd' }) // => '30d'
 */
export const durationText = (d: CycleLength): string => `${d.amount}${d.unit}`;
