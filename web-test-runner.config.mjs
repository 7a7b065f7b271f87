// Browser tests: @web/test-runner in Debian's headless Chromium (never a downloaded browser),
// TypeScript through esbuild, and a devnet started once for the run. Loaded under tsx (see the
// `test:browser` script) so that it can import the devnet's TypeScript directly.
//
// cosmjs and cosmjs-types are CommonJS, which esbuild plus @rollup/plugin-commonjs cannot serve
// (docs toolchain.md). Test files that need them are named `*.vite.test.ts` and are served by Vite
// in middleware mode under /__vite/, which pre-bundles the CommonJS packages as ESM; every other
// test file still goes through esbuild, so the existing tests are not slowed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createServer as createViteServer } from 'vite';
import { startDevnet, generateScenario } from './devnet/index.ts';
import { CHROME_FLAGS } from './test/helpers/chromium.ts';
import { fiveHundredScenario } from './test/shared/scenario-500.ts';

/** Starts the devnets the browser tests read and tells each test page where they are. */
function devnetPlugin() {
  const devnets = {};
  return {
    name: 'ics-devnet',
    async serverStart() {
      devnets.main = await startDevnet({ blockTimeMs: 0 });
      devnets.many = await startDevnet({ blockTimeMs: 0, scenario: generateScenario({ chains: 260 }) });
      // A provider shaped like MANTRA (prefix mantra, denom uom shown as OM), and the same without denom metadata.
      devnets.mantra = await startDevnet({ blockTimeMs: 0, scenario: 'mantra-like' });
      devnets.mantraBare = await startDevnet({ blockTimeMs: 0, scenario: 'mantra-like', denomMetadata: false });
      devnets.fiveHundred = await startDevnet({ blockTimeMs: 0, scenario: fiveHundredScenario() });
    },
    async serverStop() {
      await Promise.all(Object.values(devnets).map((d) => d.stop()));
    },
    urls() {
      return {
        rest: devnets.main.restUrl,
        rpc: devnets.main.rpcUrl,
        manyChainsRest: devnets.many.restUrl,
        mantraRest: devnets.mantra.restUrl,
        mantraRpc: devnets.mantra.rpcUrl,
        mantraBareRest: devnets.mantraBare.restUrl,
        fiveHundredRest: devnets.fiveHundred.restUrl,
      };
    },
  };
}

/**
 * Writes pass/fail/skip counts where scripts/test.mjs reads them for the closing line, and each
 * skipped test by name (with its suites' titles, where a "cannot run in CI: …" reason may sit:
 * mocha's skips carry no reason of their own).
 */
function countingReporter(file) {
  const count = (suite, totals, file, titles) => {
    for (const test of suite.tests) {
      if (test.skipped) {
        totals.skipped++;
        totals.skips.push({ name: [...titles, test.name].join(' > '), file, reason: REASON.exec([...titles, test.name].join(' '))?.[0] ?? '' });
      } else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite.suites) count(child, totals, file, [...titles, child.name]);
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, skips: [] };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals, session.testFile, []);
        // A file that failed to load or threw outside a test ran nothing: count it as a failure.
        if (session.errors.length > 0 || !session.testResults) totals.failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}

/** The reason a test gives for not running in CI (README, "Tests"): in a test's or a suite's title. */
const REASON = /cannot run in CI: [^()]+/;

const devnet = devnetPlugin();

/** The test files that need cosmjs, served through Vite (see `vitePlugin`). */
const VITE_TEST_FILES = 'test/**/*.vite.test.ts';

/**
 * Vite in middleware mode for /__vite/ requests (the `*.vite.test.ts` files and what they import).
 * The runner asks for a test file by its own URL; for a `*.vite.test.ts` file the answer is a short
 * module that loads the file through /__vite/ instead, so its `describe` and `it` calls register
 * with mocha as usual. It first hands the file `sendKeys`, which lives on the esbuild side.
 */
function vitePlugin() {
  let vite;
  return {
    name: 'ics-vite',
    async serverStart() {
      vite = await createViteServer({
        configFile: false,
        root: process.cwd(),
        base: '/__vite/',
        appType: 'custom',
        logLevel: 'warn',
        server: { middlewareMode: true, hmr: false, ws: false },
        // Scan the entry up front so every CommonJS dependency is pre-bundled before the page asks,
        // instead of a re-optimisation (and a page reload) in the middle of a test.
        optimizeDeps: { entries: [VITE_TEST_FILES] },
      });
    },
    async serverStop() {
      await vite?.close();
    },
    serve(context) {
      if (!context.path.endsWith('.vite.test.ts')) return undefined;
      // The specifier is built at run time so that no resolver on this side rewrites it.
      const body = [
        "import { sendKeys } from '@web/test-runner-commands';",
        'window.__sendKeys = sendKeys;',
        `await import(\`\${'/__vite'}${context.path}\`);`,
        'export {};',
      ].join('\n');
      return { body, type: 'js' };
    },
    handle(ctx, next) {
      if (!ctx.url.startsWith('/__vite/')) return next();
      ctx.respond = false;
      return new Promise((resolve) => {
        vite.middlewares(ctx.req, ctx.res, () => {
          ctx.respond = true;
          resolve(next());
        });
        ctx.res.on('finish', resolve);
      });
    },
  };
}

const vite = vitePlugin();

export default {
  files: ['test/browser/**/*.test.ts', 'test/elements/**/*.test.ts'],
  nodeResolve: true,
  // One file at a time: they share the devnet and reset it between tests.
  concurrency: 1,
  testsFinishTimeout: 600_000,
  // The time budget is per wait, not per test: each wait for an element's state has its own limit
  // (`until` in test/elements/helpers.ts, 8 s), and a test may chain several of them and axe
  // runs, so the per-test timeout is only a backstop for a test that hangs outside any wait.
  testFramework: { config: { timeout: 120_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROME_FLAGS,
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), devnet, vite],
  middleware: [(ctx, next) => vite.handle(ctx, next)],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <body>
    <script>window.__ICS_DEVNET__ = ${JSON.stringify(devnet.urls())};</script>
    <script>
      // A failed assertion's actual and expected go to the runner as they are; a DOM node among
      // them (e.g. document.activeElement) never finishes sending, and the file hangs until the
      // run's time limit instead of failing. A root hook replaces each that cannot be cloned by its
      // description. Registered as the test framework puts mocha on the page, before any test file.
      Object.defineProperty(window, 'mocha', {
        configurable: true,
        set(mocha) {
          Object.defineProperty(window, 'mocha', { value: mocha, writable: true, configurable: true });
          const describe = (value) => (value instanceof Node ? (value.outerHTML ?? value.nodeName).slice(0, 300) : String(value));
          mocha.suite.afterEach('failures the runner can send', function () {
            const error = this.currentTest?.err;
            if (!error) return;
            for (const key of ['actual', 'expected']) {
              try {
                structuredClone(error[key]);
              } catch {
                error[key] = describe(error[key]);
              }
            }
          });
        },
      });
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), countingReporter('.cache/wtr-results.json')],
};
