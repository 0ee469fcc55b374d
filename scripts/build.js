// Bundles the CLI into dist/ with esbuild; the type check runs separately (tsc --noEmit).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/run.ts', index: 'src/index.ts', 'trial-worker': 'src/cli/trial-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Chunks sit beside the entries, so `new URL('./trial-worker.js', import.meta.url)` works from any of them.
  chunkNames: '[name]-[hash]',
  // cli-table3 and its helpers are CommonJS and call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
