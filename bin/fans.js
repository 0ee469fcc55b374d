#!/usr/bin/env node
try {
  require('../dist/cli.cjs');
} catch (error) {
  // A checkout installed without its build (npm install --omit=dev skips esbuild, so
  // `prepare` cannot build dist/): one line saying what to do, not a stack.
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.cjs')) {
    process.stderr.write('fans: not built: dist/cli.cjs is missing; run `npm install` (with dev dependencies) and `npm run build` in the checkout, or install the packed tarball\n');
    process.exitCode = 1;
  } else throw error;
}
