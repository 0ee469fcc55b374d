// The library: pure models, no I/O. Each line re-exports one module.
export * from './model/count.js';
export { FansInputError } from './model/check.js';
export { bounds } from './model/limits.js';
export * from './model/growth/tree.js';
export * from './model/growth/compound.js';
export * from './model/growth/goal.js';
export * from './model/chains/random.js';
export * from './model/chains/poisson.js';
export * from './model/chains/offspring.js';
export * from './model/chains/extinction.js';
export * from './model/chains/concentration.js';
export * from './model/chains/sketch.js';
export * from './model/chains/montecarlo.js';
export * from './model/calendar/dates.js';
export * from './model/calendar/delays.js';
export * from './model/calendar/renewal.js';
