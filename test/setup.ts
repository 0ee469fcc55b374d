import fc from 'fast-check';

// Property tests are reproducible: one fixed seed unless FC_SEED asks for another (a longer
// or different campaign: FC_SEED=$RANDOM FC_RUNS=10000 npx vitest run).
fc.configureGlobal({
  seed: Number(process.env.FC_SEED ?? 20261127),
  ...(process.env.FC_RUNS ? { numRuns: Number(process.env.FC_RUNS) } : {}),
});
