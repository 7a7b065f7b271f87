// `npm run build` (and `npm pack`, through prepack): the package as npm ships it. TypeScript
// compiles src/, devnet/, components/ and react/ to ES2022 modules with declarations in dist/pkg
// (tsconfig.build.json); the devnet's scenario files, which it reads at run time, and its README
// are copied beside its code. The package's `exports` and `bin` point there, so users need no TypeScript.
// The elements' `html` and `css` template literals ship minified (scripts/minify-literals.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyLiterals } from './minify-literals.mjs';

rmSync('dist/pkg', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// The JSON scenarios only: a TypeScript one (mantra-like.ts) is compiled by tsc above.
cpSync('devnet/scenarios', 'dist/pkg/devnet/scenarios', { recursive: true, filter: (source) => !source.endsWith('.ts') });
// The devnet's own README ships beside its code (the package README links to it).
cpSync('devnet/README.md', 'dist/pkg/devnet/README.md');
for (const file of readdirSync('dist/pkg/components', { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js')) continue;
  const path = join('dist/pkg/components', file);
  const minified = await minifyLiterals(readFileSync(path, 'utf8'), path);
  if (minified !== null) writeFileSync(path, minified);
}
console.log('dist/pkg: built');
