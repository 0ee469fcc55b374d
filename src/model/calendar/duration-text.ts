import type { CycleLength } from './dates.js';

/**
 * A duration written back in its short form, as the flags take it.
 *
 * @example durationText({ amount: 30, unit: 'd' }) // => '30d'
 */
export const durationText = (d: CycleLength): string => `${d.amount}${d.unit}`;
