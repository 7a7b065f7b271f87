// The package as npm ships it: `npm pack` (which builds dist/pkg and the CDN file first), unpacked
// into an app folder, and used the way an app would: plain Node with no TypeScript loader, the
// `ics-devnet` bin, TypeScript checking an app against the declarations, and Vite bundling one
// element. The app folder sits inside the repository, so the package finds its dependencies (lit,
// cosmjs, ...) in the repository's node_modules, as an app's own install would provide them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startDevnet } from '../../src/devnet/index.js';
import { ProviderClient } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APP = join(ROOT, '.cache/package-app');
const PACKAGE = join(APP, 'node_modules/ics-elements');

interface PackedFile {
  path: string;
}

describe('the npm package', { timeout: 240_000 }, () => {
  let files: string[];
  let manifest: { exports: Record<string, string | { types: string; default: string }>; bin: Record<string, string> };

  before(() => {
    rmSync(APP, { recursive: true, force: true });
    mkdirSync(PACKAGE, { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', APP], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // prepack's build output comes first on stdout; the JSON report is the last thing printed.
    const report = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1)) as [{ filename: string; files: PackedFile[] }];
    files = report[0].files.map((f) => f.path);
    execFileSync('tar', ['-xzf', join(APP, report[0].filename), '-C', PACKAGE, '--strip-components=1']);
    manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
  });
  after(() => rmSync(APP, { recursive: true, force: true }));

  it('ships JavaScript and declarations (no TypeScript sources); every export, the bin and every manifest module exist', () => {
    assert.ok(files.length > 100, `${files.length} files`);
    const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    assert.deepEqual(sources, []);
    assert.ok(files.includes('dist/pkg/src/devnet/scenarios/default.json'));
    assert.ok(files.includes('dist/ics-elements.js') && files.includes('custom-elements.json'));
    for (const [name, target] of Object.entries(manifest.exports)) {
      for (const path of typeof target === 'string' ? [target] : [target.types, target.default]) {
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
      await devnet.stop();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: APP, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(run.status, 0, run.stderr);
    const devnet = await startDevnet({ port: 0, blockTimeMs: 0 });
    try {
      const chains = await new ProviderClient({ rest: devnet.restUrl }).consumerChains({ phase: 'launched' });
      assert.ok(chains.length > 0);
      assert.deepEqual(JSON.parse(run.stdout), chains.map((c) => [c.consumerId, c.chainId]));
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
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, jsx: 'react-jsx', types: [] },
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
});
