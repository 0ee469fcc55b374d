/**
 * Trials are summarised in blocks of this many, whatever the number of threads: block b is
 * trials b x 1024 .. (b + 1) x 1024 - 1, drawn from stream b of the seed.
 */
export const blockSize = 1024;

/** Blocks needed for a number of trials: `blockCount(1_000_000)` is 977. */
export const blockCount = (trials: number) => Math.ceil(trials / blockSize);
