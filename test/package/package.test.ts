// The package as npm ships it: `npm pack` (which builds dist/pkg and the CDN files first), once per
// run, unpacked into an app folder, and used the way an app would: plain Node with no TypeScript
// loader, the `ics-devnet` bin, TypeScript checking an app against the declarations, and Vite
// bundling one element. The app folder sits inside the repository, so the package finds its
// dependencies (lit, cosmjs, ...) in the repository's node_modules, as an app's own install would
// provide them. Then in Chromium, against a devnet: the one-file embed and an import map, served
// by a static server that has only the tarball's files; and a React 19 app and a Vue 3 app
// installed from the tarball in a fresh folder outside the repository and built with Vite.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { startDevnet, testOperator } from '../../devnet/index.js';
import type { Devnet } from '../../devnet/index.js';
import { ProviderClient } from '../../src/index.js';
import { TestWallet } from '../../src/signing/test-wallet.js';
import { bridgeTestWallet } from '../helpers/bridged-wallet.js';
import { launchChromium } from '../helpers/chromium.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APP = join(ROOT, '.cache/package-app');
const PACKAGE = join(APP, 'node_modules/ics-elements');

interface PackedFile {
  path: string;
}

describe('the npm package', { timeout: 600_000 }, () => {
  let files: string[];
  let tarball: string;
  let manifest: { version: string; exports: Record<string, string | Record<string, string>>; bin: Record<string, string> };

  before(() => {
    rmSync(APP, { recursive: true, force: true });
    mkdirSync(PACKAGE, { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', APP], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // prepack's build output comes first on stdout; the JSON report is the last thing printed.
    const report = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1)) as [{ filename: string; files: PackedFile[] }];
    files = report[0].files.map((f) => f.path);
    tarball = join(APP, report[0].filename);
    execFileSync('tar', ['-xzf', tarball, '-C', PACKAGE, '--strip-components=1']);
    manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
  });
  after(() => rmSync(APP, { recursive: true, force: true }));

  it('ships JavaScript and declarations (no TypeScript sources); every export, the bin and every manifest module exist', () => {
    assert.ok(files.length > 100, `${files.length} files`);
    const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    assert.deepEqual(sources, []);
    assert.ok(files.includes('dist/pkg/devnet/scenarios/default.json'));
    // The devnet has a folder of its own beside the core: dist/pkg/src is the browser core alone.
    assert.deepEqual(
      files.filter((f) => f.startsWith('dist/pkg/src/devnet/')),
      [],
    );
    assert.ok(files.includes('dist/cdn/ics-elements.js') && files.includes('custom-elements.json'));
    for (const shipped of [
      'dist/pkg/devnet/README.md',
      'web-types.json',
      'vscode.html-custom-data.json',
      'dist/pkg/react/jsx.d.ts',
      'dist/pkg/components/vue.d.ts',
    ]) {
      assert.ok(files.includes(shipped), `${shipped} is shipped`);
    }
    // The README is read on the package's page: every link is absolute or to a heading.
    const links = [...readFileSync(join(PACKAGE, 'README.md'), 'utf8').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.deepEqual(
      links.filter((link) => !/^(https:\/\/|#)/.test(link)),
      [],
    );
    // The one-file embed: no static import; each chunk it loads on demand is in the package.
    const cdn = readFileSync(join(PACKAGE, 'dist/cdn/ics-elements.js'), 'utf8');
    assert.doesNotMatch(cdn, /(?:^|[;}\s])import\s*[{*"'`\w][^(]*?from\s*["'`]|(?:^|[;}\s])import\s*["'`]/, 'a static import in the one-file embed');
    const lazy = [...cdn.matchAll(/import\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
    assert.ok(lazy.length >= 2, `chunks loaded on demand: ${lazy.join(', ')}`);
    for (const chunk of lazy) assert.ok(files.includes(`dist/cdn/${chunk.slice(2)}`), `${chunk} is shipped`);
    for (const [name, target] of Object.entries(manifest.exports)) {
      for (const path of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(existsSync(join(PACKAGE, path)), `${name} → ${path}`);
      }
    }
    assert.ok(existsSync(join(PACKAGE, manifest.bin['ics-devnet']!)));
    // custom-elements.json names the modules the package ships, for the tools that read it.
    const elements = JSON.parse(readFileSync(join(PACKAGE, 'custom-elements.json'), 'utf8')) as { modules: { path: string }[] };
    const missing = elements.modules.map((m) => m.path).filter((path) => !existsSync(join(PACKAGE, path)));
    assert.deepEqual(missing, []);
  });

  it('runs in plain Node, no TypeScript loader: the packed devnet answers the packed client as the sources do', async () => {
    const script = `
      import { ProviderClient } from 'ics-elements';
      import { startDevnet } from 'ics-elements/devnet';
      const devnet = await startDevnet({ port: 0, blockTimeMs: 0 });
      const chains = await new ProviderClient({ rest: devnet.restUrl }).consumerChains({ phase: 'launched' });
      console.log(JSON.stringify(chains.map((c) => [c.consumerId, c.chainId])));
      await devnet.stop();
      // The one-file embed's path imports in Node too (the npm build, with Lit's DOM shim).
      const all = await import('ics-elements/ics-elements.js');
      if (typeof all.IcsConsumerCard !== 'function') throw new Error('no IcsConsumerCard from ics-elements/ics-elements.js');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: APP, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(run.status, 0, run.stderr);
    const devnet = await startDevnet({ port: 0, blockTimeMs: 0 });
    try {
      const chains = await new ProviderClient({ rest: devnet.restUrl }).consumerChains({ phase: 'launched' });
      assert.ok(chains.length > 0);
      assert.deepEqual(
        JSON.parse(run.stdout),
        chains.map((c) => [c.consumerId, c.chainId]),
      );
    } finally {
      await devnet.stop();
    }
  });

  it('the ics-devnet bin is a node script', () => {
    const bin = join(PACKAGE, manifest.bin['ics-devnet']!);
    assert.equal(readFileSync(bin, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const run = spawnSync(process.execPath, [bin, '--help'], { cwd: APP, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /--scenario/);
  });

  it('types: an app typechecks against the declarations, and they are real types (not any)', () => {
    writeFileSync(
      join(APP, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          jsx: 'react-jsx',
          types: [],
        },
        files: ['app.tsx'],
      }),
    );
    writeFileSync(
      join(APP, 'app.tsx'),
      `import { IcsError, ProviderClient } from 'ics-elements';
import type { ConsumerChain } from 'ics-elements';
import { IcsConsumerCard } from 'ics-elements/consumer-card';
import { IcsConsumerList } from 'ics-elements/react';
import { nakamotoCoefficient } from 'ics-elements/power';

const client = new ProviderClient({ rest: 'https://rest.example' });
export const chains: Promise<ConsumerChain[]> = client.consumerChains({ phase: 'launched' });
export const n: number = nakamotoCoefficient([3n, 2n, 1n]);
export const kind: string = new IcsError('decode', 'x').kind;
// @ts-expect-error: a chain id is a string or undefined, never a number (an untyped package would allow this)
export const wrong: number = client.config.chainId;
// @ts-expect-error: the card's variant is "full" or "compact"
document.createElement('ics-consumer-card').variant = 'huge';
export const card: IcsConsumerCard = new IcsConsumerCard();
export const list = <IcsConsumerList phase="all" onIcsSelect={(event) => event.detail.consumerId.toUpperCase()} />;
// The raw tags are typed too (react/jsx.d.ts, loaded with ics-elements/react).
export const raw = <ics-consumer-list sort="name" onics-select={(event) => event.detail.consumerId.toUpperCase()} />;
// @ts-expect-error: sort is one of share, validators, name, consumer-id, spawn-time
export const wrongRaw = <ics-consumer-list sort="bogus" />;
`,
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', APP], { cwd: APP, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  it('an app bundles one element from the package, and only that one', async () => {
    writeFileSync(join(APP, 'entry.js'), "import 'ics-elements/consumer-card';\n");
    const result = await build({
      root: APP,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, target: 'es2022', lib: { entry: join(APP, 'entry.js'), formats: ['es'], fileName: 'app' } },
    });
    const code = [result]
      .flat()
      .flatMap((r) => ('output' in r ? r.output : []))
      .map((o) => (o.type === 'chunk' ? o.code : ''))
      .join('\n');
    assert.match(code, /ics-consumer-card/);
    assert.doesNotMatch(code, /ics-power-chart|ics-opt-in-button/);
  });

  describe('in Chromium, against a devnet', () => {
    let devnet: Devnet;
    let server: Awaited<ReturnType<typeof serveFiles>>;
    let browser: Browser;
    let wallet: TestWallet;
    let version: string;
    const newcomer = testOperator('newcomer');

    before(async () => {
      version = manifest.version;
      devnet = await startDevnet({ blockTimeMs: 0 });
      wallet = await TestWallet.create({ accounts: [{ mnemonic: newcomer.mnemonic, name: 'newcomer (devnet test key)' }] });
      // Only the tarball's files: as the installed package (node_modules/ics-elements/…) and as a
      // CDN serves a published version (/npm/ics-elements@<version>/…). Pages come from the test.
      server = await serveFiles({ '/node_modules/ics-elements/': PACKAGE, [`/npm/ics-elements@${version}/`]: PACKAGE });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await devnet?.stop();
    });

    /** A new page that records console errors, uncaught errors and failed responses from the static server. */
    async function recordingPage(options: Parameters<Browser['newPage']>[0]): Promise<{ page: Page; problems: string[] }> {
      const page = await browser.newPage(options);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      return { page, problems };
    }

    /** A recording page with the test wallet, on `html` served as /pages/<name>.html. */
    async function open(html: string, name: string): Promise<{ page: Page; problems: string[] }> {
      const { page, problems } = await recordingPage({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light' });
      await bridgeTestWallet(page, wallet);
      server.pages.set(`/pages/${name}.html`, html);
      await page.goto(`${server.url}/pages/${name}.html?rest=${encodeURIComponent(devnet.restUrl)}`);
      return { page, problems };
    }

    it('the one-file embed (installed-package path and CDN path): list, card, chart, and an opt-in button through Confirm; no error, no 404', async () => {
      for (const base of ['/node_modules/ics-elements', `/npm/ics-elements@${version}`]) {
        devnet.reset();
        const { page, problems } = await open(
          oneFilePage(`${base}/dist/cdn/ics-elements.js`, devnet, newcomer.operator),
          base === '/node_modules/ics-elements' ? 'one-file' : 'one-file-cdn',
        );
        await untilState(page, '#list', 'complete');
        await untilState(page, '#card', 'complete');
        await untilState(page, '#chart', 'complete');
        assert.match(await shadowText(page, '#card'), /#0/);
        // A click on a row reaches the page's own listener.
        await page.locator('#list [role="option"][data-consumer-id="1"]').click();
        await page.waitForFunction(() => document.querySelector('#selected')?.textContent === '1');
        // The opt-in button, with the test wallet: connect, the chain's facts, Confirm, included.
        await untilState(page, '#join', 'connect');
        await page.locator('#join').getByRole('button', { name: 'Connect Keplr' }).click();
        await untilState(page, '#join', 'not-opted-in');
        await page.locator('#join').getByRole('button', { name: 'Opt in', exact: true }).click();
        await untilState(page, '#join', 'confirming');
        await page.locator('#join').getByRole('button', { name: 'Confirm opt-in' }).click();
        await untilState(page, '#join', 'confirmed', 60_000);
        if (base === '/node_modules/ics-elements') {
          mkdirSync(join(ROOT, 'demo/screenshots'), { recursive: true });
          await page.screenshot({ path: join(ROOT, 'demo/screenshots/one-file-embed.png'), fullPage: true });
        }
        assert.deepEqual(problems, []);
        await page.close();
      }
    });

    it('the one-file embed loads the signing code when the confirmation panel opens; when it cannot, Confirm says so and nothing is signed', async () => {
      devnet.reset();
      const { page } = await recordingPage({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light' });
      await bridgeTestWallet(page, wallet);
      // The flow's chunk cannot be fetched (a CDN hiccup, a blocked file); every other file can.
      const flowRequests: string[] = [];
      await page.route(/\/dist\/cdn\/flow-[\w-]+\.js$/, (route) => {
        flowRequests.push(route.request().url());
        return route.abort('failed');
      });
      server.pages.set('/pages/one-file-no-flow.html', oneFilePage('/node_modules/ics-elements/dist/cdn/ics-elements.js', devnet, newcomer.operator));
      await page.goto(`${server.url}/pages/one-file-no-flow.html`);
      await untilState(page, '#join', 'connect');
      await page.locator('#join').getByRole('button', { name: 'Connect Keplr' }).click();
      await untilState(page, '#join', 'not-opted-in');
      assert.deepEqual(flowRequests, [], 'no signing flow is fetched before a panel opens');
      const signsBefore = wallet.calls.filter((call) => call.startsWith('sign')).length;
      await page.locator('#join').getByRole('button', { name: 'Opt in', exact: true }).click();
      await untilState(page, '#join', 'confirming');
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/flow-[\w-]+\.js$/.test(entry.name)));
      assert.equal(flowRequests.length, 1, 'the flow is fetched as the panel opens, before Confirm');
      await page.locator('#join').getByRole('button', { name: 'Confirm opt-in' }).click();
      await untilState(page, '#join', 'failed');
      assert.match(await shadowText(page, '#join'), /Could not load the signing code: .+; nothing was signed\./);
      assert.equal(wallet.calls.filter((call) => call.startsWith('sign')).length, signsBefore, 'the wallet was not asked to sign');
      await page.close();
    });

    it("the one-file embed fetches the list's figures queue and the chart's drawing on demand; when they cannot arrive, the rows and the chart say so", async () => {
      devnet.reset();
      const { page } = await recordingPage({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light' });
      const blocked: string[] = [];
      const chunk = /\/dist\/cdn\/(figures-queue|power-chart\.on-demand)-[\w-]+\.js$/;
      await page.route(chunk, (route) => {
        blocked.push(chunk.exec(route.request().url())![1]!);
        return route.abort('failed');
      });
      server.pages.set('/pages/one-file-no-chunks.html', oneFilePage('/node_modules/ics-elements/dist/cdn/ics-elements.js', devnet, newcomer.operator));
      await page.goto(`${server.url}/pages/one-file-no-chunks.html`);
      // The rows come from the entry alone; each row's figures say why they are missing.
      await untilState(page, '#list', 'complete');
      const rows = page.locator('#list [role="option"]');
      assert.ok((await rows.count()) > 0, 'the rows are shown');
      for (const text of await rows.allInnerTexts()) {
        assert.match(text, /Figures could not be read: Could not load the code of the figures queue: /);
      }
      // The chart cannot draw: an error in words, with Retry, not a blank box.
      await untilState(page, '#chart', 'error');
      assert.match(await shadowText(page, '#chart'), /Could not load the code of the chart: /);
      assert.equal(await page.locator('#chart').getByRole('button', { name: 'Retry' }).count(), 1);
      // The card needs neither, and shows its chain.
      await untilState(page, '#card', 'complete');
      assert.deepEqual([...new Set(blocked)].sort(), ['figures-queue', 'power-chart.on-demand']);
      await page.close();
    });

    it("when the one-file embed's chain-settings reader cannot arrive, the card says so with Retry, and Retry reads once it can", async () => {
      devnet.reset();
      const { page } = await recordingPage({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light' });
      let block = true;
      await page.route(/\/dist\/cdn\/read-chain-params-[\w-]+\.js$/, (route) => (block ? route.abort('failed') : route.continue()));
      server.pages.set('/pages/one-file-no-params.html', oneFilePage('/node_modules/ics-elements/dist/cdn/ics-elements.js', devnet, newcomer.operator));
      await page.goto(`${server.url}/pages/one-file-no-params.html`);
      // The card shows amounts in the chain's units, read with the code that did not arrive.
      await untilState(page, '#card', 'error');
      assert.match(await shadowText(page, '#card'), /Could not load the chain-settings code: /);
      block = false;
      await page.locator('#card').getByRole('button', { name: 'Retry' }).click();
      await untilState(page, '#card', 'complete');
      assert.match(await shadowText(page, '#card'), /#0/);
      await page.close();
    });

    it('an import map: `import { … } from "ics-elements"` gets the one-file embed; its classes are the defined tags', async () => {
      const base = `/npm/ics-elements@${version}`;
      const { page, problems } = await open(importMapPage(`${base}/dist/cdn/ics-elements.js`, devnet), 'import-map');
      await untilState(page, '#card', 'complete');
      await untilState(page, '#chart', 'complete');
      assert.equal(await page.evaluate(() => (window as unknown as { sameClass: boolean }).sameClass), true);
      assert.deepEqual(problems, []);
      await page.close();
    });

    describe('apps installed from the tarball in a fresh folder (React 19, Vue 3), built with Vite', () => {
      let app: string;

      before(() => {
        app = mkdtempSync(join(tmpdir(), 'ics-elements-apps-'));
        const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
        const dependencies = {
          'ics-elements': `file:${tarball}`,
          ...Object.fromEntries(['react', 'react-dom', 'vue', 'vite', '@vitejs/plugin-vue'].map((name) => [name, own.devDependencies[name]!])),
        };
        writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ics-elements-apps', private: true, type: 'module', dependencies }, null, 2));
        for (const [name, text] of Object.entries(APP_FILES)) writeFileSync(join(app, name), text);
        execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, stdio: 'pipe' });
        execFileSync(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'pipe' });
        server.roots.set('/app/', join(app, 'dist'));
      });
      after(() => rmSync(app, { recursive: true, force: true }));

      it('one copy of each dependency in the install', () => {
        const listing = execFileSync('npm', ['ls', '--all', '--parseable', '--long'], { cwd: app, encoding: 'utf8' });
        const names = listing
          .split('\n')
          .map((line) => line.split(':')[1]?.replace(/@[^@]+$/, ''))
          .filter((name): name is string => !!name);
        const twice = names.filter((name, i) => names.indexOf(name) !== i);
        assert.deepEqual([...new Set(twice)], []);
      });

      for (const framework of ['react', 'vue'] as const) {
        it(`${framework === 'react' ? 'React 19 (wrappers and raw tags)' : 'Vue 3 (an SFC, isCustomElement)'}: content from the devnet, events in the app's state, no error`, async () => {
          const { page, problems } = await recordingPage({ viewport: { width: 1100, height: 1200 } });
          await page.goto(`${server.url}/app/${framework}.html?rest=${encodeURIComponent(devnet.restUrl)}`);
          await untilState(page, '#list', 'complete');
          await untilState(page, '#card', 'complete');
          await untilState(page, '#chart', 'complete');
          await page.locator('#list [role="option"][data-consumer-id="1"]').click();
          await page.waitForFunction(() => document.querySelector('#selected')?.textContent === '1');
          await page.waitForFunction(() => document.querySelector('#card')?.shadowRoot?.querySelector('.consumer-id')?.textContent === '#1');
          if (framework === 'react') {
            // The raw tag: an `onics-select` prop, and properties set from React state.
            await untilState(page, '#raw-list', 'complete');
            await page.locator('#raw-list [role="option"][data-consumer-id="1"]').click();
            await page.waitForFunction(() => document.querySelector('#raw-selected')?.textContent === '1');
            await page.waitForFunction(() => (document.querySelector('#chart') as HTMLElement & { consumerId?: string }).consumerId === '1');
          }
          assert.deepEqual(problems, []);
          await page.close();
        });
      }
    });
  });
});

/** Waits for an element's custom state; on a timeout, says what it shows instead. */
async function untilState(page: Page, selector: string, name: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(([s, n]) => document.querySelector(s!)?.matches(`:state(${n})`) ?? false, [selector, name] as const, { timeout });
  } catch (error) {
    throw new Error(`${selector} never reached :state(${name}); it shows: ${(await shadowText(page, selector)).slice(0, 400)}`, { cause: error });
  }
}

function shadowText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => (document.querySelector(s)?.shadowRoot?.textContent ?? '(nothing)').replace(/\s+/g, ' '), selector);
}

/** A page with what every test page has (charset, title, no favicon request), and its own head and body. */
function htmlPage(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>ics-elements: ${title}</title>
    <link rel="icon" href="data:," />
${head}
  </head>
  <body>
${body}
  </body>
</html>
`;
}

/** A plain page: one `<script type="module" src>`, the tags, and the page's own listener. */
function oneFilePage(src: string, devnet: Devnet, validator: string): string {
  return htmlPage(
    'one file',
    `    <script type="module" src="${src}"></script>`,
    `    <ics-provider-chain rest="${devnet.restUrl}" rpc="${devnet.rpcUrl}">
      <ics-consumer-card id="card" consumer-id="0"></ics-consumer-card>
      <ics-power-chart id="chart" consumer-id="0"></ics-power-chart>
      <p>Selected: <output id="selected"></output></p>
      <ics-consumer-list id="list"></ics-consumer-list>
      <ics-opt-in-button id="join" consumer-id="4" validator="${validator}"></ics-opt-in-button>
    </ics-provider-chain>
    <script>
      document.addEventListener('ics-select', (event) => (document.querySelector('#selected').textContent = event.detail.consumerId));
    </script>`,
  );
}

function importMapPage(src: string, devnet: Devnet): string {
  return htmlPage(
    'import map',
    `    <script type="importmap">{ "imports": { "ics-elements": "${src}" } }</script>
    <script type="module">
      import { IcsConsumerCard, IcsPowerChart } from 'ics-elements';
      window.sameClass = customElements.get('ics-consumer-card') === IcsConsumerCard && customElements.get('ics-power-chart') === IcsPowerChart;
    </script>`,
    `    <ics-consumer-card id="card" consumer-id="0" rest="${devnet.restUrl}"></ics-consumer-card>
    <ics-power-chart id="chart" consumer-id="0" rest="${devnet.restUrl}" variant="cumulative"></ics-power-chart>`,
  );
}

/** The fresh apps: a React 19 page and a Vue 3 page, each built by Vite from the installed package. */
const APP_FILES: Record<string, string> = {
  'vite.config.js': `import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ics-') } } })],
  oxc: { jsx: { runtime: 'automatic' } },
  build: { rollupOptions: { input: { react: 'react.html', vue: 'vue.html' } } },
});
`,
  'react.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>React app</title></head>
<body><div id="root"></div><script type="module" src="./react-main.tsx"></script></body></html>
`,
  'react-main.tsx': `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IcsConsumerCard, IcsConsumerList, IcsProviderChain } from 'ics-elements/react';
import 'ics-elements/power-chart';

const rest = new URLSearchParams(location.search).get('rest') ?? '';

function App() {
  const [selected, setSelected] = useState('');
  const [rawSelected, setRawSelected] = useState('');
  return (
    <IcsProviderChain rest={rest}>
      <p>Selected: <output id="selected">{selected}</output></p>
      <IcsConsumerList id="list" onIcsSelect={(event) => setSelected(event.detail.consumerId)} />
      <IcsConsumerCard id="card" consumerId={selected || '0'} />
      <p>Raw tag selected: <output id="raw-selected">{rawSelected}</output></p>
      <ics-consumer-list id="raw-list" phase="all" onics-select={(event) => setRawSelected(event.detail.consumerId)}></ics-consumer-list>
      <ics-power-chart id="chart" consumerId={rawSelected || '0'} variant="cumulative"></ics-power-chart>
    </IcsProviderChain>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
`,
  'vue.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Vue app</title></head>
<body><div id="app"></div><script type="module" src="./vue-main.ts"></script></body></html>
`,
  'vue-main.ts': `import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`,
  'App.vue': `<script setup lang="ts">
import { ref } from 'vue';
import 'ics-elements/provider-chain';
import 'ics-elements/consumer-list';
import 'ics-elements/consumer-card';
import 'ics-elements/power-chart';
import type { IcsSelectEvent } from 'ics-elements/elements';

const rest = new URLSearchParams(location.search).get('rest') ?? '';
const selected = ref('');
const onSelect = (event: IcsSelectEvent) => (selected.value = event.detail.consumerId);
</script>

<template>
  <ics-provider-chain :rest="rest">
    <p>Selected: <output id="selected">{{ selected }}</output></p>
    <ics-consumer-list id="list" @ics-select="onSelect"></ics-consumer-list>
    <ics-consumer-card id="card" :consumer-id="selected || '0'"></ics-consumer-card>
    <ics-power-chart id="chart" consumer-id="0" :limit.prop="5"></ics-power-chart>
  </ics-provider-chain>
</template>
`,
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * A static server of folders by URL prefix, plus pages set by the test; anything else is a 404.
 * `roots` and `pages` can grow while it runs.
 */
async function serveFiles(initial: Record<string, string>) {
  const roots = new Map(Object.entries(initial));
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    for (const [prefix, dir] of roots) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    roots,
    pages,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
