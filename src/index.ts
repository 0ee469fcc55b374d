// The library: pure models, no I/O. Each line re-exports one module.
export * from './model/count.js';
export { FansInputError } from './model/check.js';
export { bounds } from './model/limits.js';
export * from './model/tree.js';
export * from './model/compound.js';
export * from './model/goal.js';
export * from './model/random.js';
export * from './model/poisson.js';
export * from './model/offspring.js';
export * from './model/extinction.js';
export * from './model/concentration.js';
export * from './model/sketch.js';
export * from './model/montecarlo.js';
export * from './model/calendar/dates.js';
export * from './model/calendar/delays.js';
export * from './model/calendar/renewal.js';
