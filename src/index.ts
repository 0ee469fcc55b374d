// The library: pure models, no I/O. Each line re-exports one module.
export * from './model/count.js';
export * from './model/tree.js';
export * from './model/compound.js';
export * from './model/goal.js';
