// The one test command: typecheck, lint, size budgets, Node tests (core, devnet, package, e2e),
// browser tests. It prints each runner's output as it goes and ends with one line, "N passed,
// N failed, N skipped", summing every runner, so CI can tell a suite that ran from one that ran
// nothing. Every skipped (or todo) test is printed by name. In CI (CI=true) a skip fails the run
// unless its reason says why the test cannot run there: "cannot run in CI: …" (README, "Tests").
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Skipped and todo tests: { name, file, reason, todo? }. */
const skips = [];
const CI = ['true', '1'].includes(String(process.env.CI).toLowerCase());
const CI_REASON = /cannot run in CI: \S/;

function run(name, command, args, env = {}) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
    let output = '';
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** A check that has no test count of its own (typecheck, lint) counts as one test. */
async function check(name, command, args) {
  const { code } = await run(name, command, args);
  if (code === 0) totals.passed++;
  else totals.failed++;
  console.log(`${code === 0 ? '✔' : '✘'} ${name}`);
}

/** Every *.test.ts below the folders (Node 20's runner takes no globs). */
function testFiles(dirs) {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) found.push(path);
    }
  };
  dirs.forEach(walk);
  return found.sort();
}

/**
 * Node's test runner: the spec reporter prints the run, scripts/node-test-reporter.mjs writes the
 * counts and the skipped tests to a JSON file.
 */
async function nodeTests(name, dirs) {
  const files = testFiles(dirs);
  if (files.length === 0) return;
  mkdirSync('.cache', { recursive: true });
  const results = `.cache/node-results-${dirs.map((d) => d.replace(/\W/g, '-')).join('_')}.json`;
  rmSync(results, { force: true });
  const { code } = await run(name, process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-reporter.mjs',
    `--test-reporter-destination=${results}`,
    ...files,
  ]);
  const counts = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 0, skipped: 0, todo: 0, skips: [] };
  totals.passed += counts.passed;
  totals.skipped += counts.skipped + counts.todo;
  skips.push(...counts.skips);
  // A runner that crashed before reporting still fails the suite.
  totals.failed += counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0);
}

async function browserTests() {
  // The two-copies test loads the built single-file bundle, so build it first.
  const build = await run('build the single-file bundle', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'cdn', '--logLevel', 'warn']);
  if (build.code !== 0) totals.failed++;
  const results = '.cache/wtr-results.json';
  rmSync(results, { force: true });
  const { code } = await run('browser tests (Chromium)', process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js']);
  if (!existsSync(results)) {
    totals.failed++;
    return;
  }
  const counts = JSON.parse(readFileSync(results, 'utf8'));
  totals.passed += counts.passed;
  totals.skipped += counts.skipped;
  skips.push(...counts.skips);
  totals.failed += counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0);
}

await check('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
// The core without the DOM (ECMAScript and src/runtime.d.ts only), the devnet with Node's types.
await check('typecheck: core without the DOM', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.core.json']);
await check('typecheck: devnet (Node, no DOM)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.devnet.json']);
await check('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
await check('format (Prettier; npm run format rewrites)', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']);
// Typing fixtures: the tags in React JSX and in a Vue template, with @ts-expect-error lines for
// what must not compile (a wrong value, an unknown prop, a wrong handler).
await check('typed tags in React (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'test/types/tsconfig.react.json']);
await check('typed tags in Vue (vue-tsc)', process.execPath, ['node_modules/vue-tsc/bin/vue-tsc.js', '-p', 'test/types/tsconfig.vue.json']);
// Size budgets (design §7): what a page loads before first render, each figure against its
// ceiling in the table at the top of scripts/size.ts; one over its ceiling fails the run.
await check('size budgets (npm run size)', process.execPath, ['--import', 'tsx', 'scripts/size.ts']);
await nodeTests('node tests (core, devnet, package)', ['test/core', 'test/devnet', 'test/package']);
await browserTests();
await nodeTests('end-to-end tests (demo in Chromium)', ['test/e2e']);

if (skips.length > 0) {
  console.log(`\nSkipped${CI ? ' (CI: a skip needs a "cannot run in CI: …" reason)' : ''}:`);
  for (const skip of skips) {
    const allowed = !CI || CI_REASON.test(skip.reason);
    if (!allowed) totals.failed++;
    const where = skip.file ? ` (${relative(process.cwd(), skip.file.replace(/^file:\/\//, ''))})` : '';
    console.log(`  ${allowed ? '-' : '✘'} ${skip.todo ? 'todo: ' : ''}${skip.name}${where}${skip.reason ? `: ${skip.reason}` : ''}`);
  }
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
