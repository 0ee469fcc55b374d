// npm's `prepare`: builds dist/ after `npm install` in a checkout. With --omit=dev the build
// tools (esbuild, TypeScript) are not installed, so say so in one line and leave the install
// standing instead of failing it; bin/fans.js then says how to build.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('esbuild');
  require.resolve('typescript');
} catch {
  console.error('fans: dev dependencies are not installed (--omit=dev?), so dist/ was not built; run `npm install` and `npm run build` to build it');
  process.exit(0);
}
execSync('npm run build', { stdio: 'inherit' });
