// Every element module imports under Node without a DOM: nothing touches `document`, `window`
// or `HTMLElement` at import time, so server rendering, tests and tooling can load them.
// Lit needs no shim of ours: its package `exports` give Node a build ("node" condition) that
// brings @lit-labs/ssr-dom-shim's minimal HTMLElement and customElements.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

function defineModules(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...defineModules(path));
    else if (entry.name === 'define.ts' && !path.includes(`${join('components', 'shared')}`)) found.push(path);
  }
  return found.sort();
}

describe('element modules under Node (no DOM)', () => {
  const modules = defineModules('components');

  it('finds a define.ts for each of the seven elements', () => {
    assert.deepEqual(
      modules.map((m) => relative('components', m).split(/[\\/]/)[0]),
      ['consumer-card', 'consumer-list', 'opt-in-button', 'power-chart', 'provider-chain', 'validator-chains', 'validator-settings'],
    );
  });

  it('has no DOM globals to begin with', () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  });

  for (const module of defineModules('components')) {
    it(`imports ${relative('.', module)} without throwing`, async () => {
      await assert.doesNotReject(import(pathToFileURL(module).href));
    });
  }

  it('imports the all-elements entry and the CDN entry', async () => {
    const all = (await import(pathToFileURL('components/all.ts').href)) as Record<string, unknown>;
    assert.equal(typeof all.IcsConsumerList, 'function');
    await assert.doesNotReject(import(pathToFileURL('components/cdn.ts').href));
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'no module installed a document');
  });
});
