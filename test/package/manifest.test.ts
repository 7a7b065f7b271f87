// custom-elements.json is generated from the elements' JSDoc; this fails when the committed
// copy is stale (run `npm run manifest` and commit), and checks that it documents the API.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: { name: string; description?: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  cssStates?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

// The analyzer joins --outdir to the working directory, so the scratch copy lives in .cache.
const OUT = '.cache/manifest-check';

describe('custom-elements.json', () => {
  it('is current: regenerating it gives the committed file', () => {
    rmSync(OUT, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', OUT],
      { stdio: 'pipe' },
    );
    const fresh = readFileSync(`${OUT}/custom-elements.json`, 'utf8');
    const committed = readFileSync('custom-elements.json', 'utf8');
    assert.ok(fresh === committed, 'custom-elements.json is stale: run `npm run manifest` and commit the result');
  });

  it('the typings generated from it are current: React JSX, Vue GlobalComponents, VS Code and JetBrains data', () => {
    const out = '.cache/typings-check';
    rmSync(out, { recursive: true, force: true });
    execFileSync(process.execPath, ['scripts/typings.mjs', out], { stdio: 'pipe' });
    for (const file of ['react/jsx.ts', 'components/vue.ts', 'vscode.html-custom-data.json', 'web-types.json']) {
      assert.ok(readFileSync(`${out}/${file}`, 'utf8') === readFileSync(file, 'utf8'), `${file} is stale: run \`npm run manifest\` and commit the result`);
    }
  });

  it('documents every element: tag, summary, attributes, events, parts, custom properties, states', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    const tags = elements.map((d) => d.tagName).sort();
    assert.deepEqual(tags, [
      'ics-consumer-card',
      'ics-consumer-list',
      'ics-opt-in-button',
      'ics-power-chart',
      'ics-provider-chain',
      'ics-validator-chains',
      'ics-validator-settings',
    ]);
    for (const element of elements) {
      assert.ok(element.summary, `${element.tagName} has a @summary`);
      for (const attribute of element.attributes ?? []) {
        assert.ok(attribute.description, `${element.tagName}[${attribute.name}] is documented`);
      }
      if (element.tagName === 'ics-provider-chain') continue;
      assert.ok(
        element.events?.some((e) => e.name === 'ics-error'),
        `${element.tagName} @fires ics-error`,
      );
      assert.ok(
        (element.cssParts ?? []).some((p) => p.name === 'base'),
        `${element.tagName} @csspart base`,
      );
      assert.ok((element.cssProperties ?? []).length > 0, `${element.tagName} @cssprop`);
      const states = (element.cssStates ?? []).map((s) => s.name).sort();
      if (element.tagName === 'ics-opt-in-button' || element.tagName === 'ics-validator-settings') {
        // The acting elements are never empty, and add their wallet and transaction states.
        for (const s of [
          'complete',
          'error',
          'ics-absent',
          'invalid',
          'loading',
          'no-wallet',
          'connect',
          'wrong-account',
          'confirming',
          'pending',
          'confirmed',
          'failed',
        ]) {
          assert.ok(states.includes(s), `${element.tagName} @cssstate ${s}`);
        }
        assert.ok(
          element.events?.some((e) => e.name === 'ics-tx-confirmed'),
          `${element.tagName} @fires ics-tx-confirmed`,
        );
        continue;
      }
      // The progressive lists add `partial`: rows shown, some rows' figures still being read.
      const own = ['ics-consumer-list', 'ics-validator-chains'].includes(element.tagName!) ? ['partial'] : [];
      assert.deepEqual(states, ['complete', 'empty', 'error', 'ics-absent', 'invalid', 'loading', ...own], `${element.tagName} @cssstate`);
    }
    const list = elements.find((d) => d.tagName === 'ics-consumer-list')!;
    assert.ok(list.events?.some((e) => e.name === 'ics-select'));
  });
});
