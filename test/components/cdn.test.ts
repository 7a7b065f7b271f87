/// <reference types="mocha" />
// Two copies of the built single-file bundle (dist/ics-elements.js, `npm run build:cdn`) on one
// page: the same version twice is silent and works; a different version warns once. This file
// imports no element source, so the bundle is the first and only definer of the tags here.
import { assert } from 'chai';
import { REST, captureWarnings, devnet, mount, until } from './helpers.js';

const BUNDLE = '/dist/ics-elements.js';

describe('two copies of the CDN bundle on one page', function () {
  before(async function () {
    const head = await fetch(BUNDLE, { method: 'HEAD' });
    // The bundle is a build output: skipped until `npm run build:cdn` has made it.
    if (!head.ok) this.skip();
    await devnet.reset();
  });
  after(() => devnet.reset());

  it('loads the same version twice without an error or a warning, and the elements work', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const warnings = await captureWarnings(async () => {
      await import(/* @vite-ignore */ `${BUNDLE}?copy=1`);
      await import(/* @vite-ignore */ `${BUNDLE}?copy=2`);
    });
    window.removeEventListener('error', onError);
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, []);
    assert.isFunction(window.IcsElements?.configure);
    const provider = mount(`<ics-provider-chain rest="${REST}"><ics-consumer-card consumer-id="0"></ics-consumer-card></ics-provider-chain>`);
    await until(provider.querySelector('ics-consumer-card')!, 'complete');
  });

  it('warns once when a copy of another version arrives', async () => {
    const source = await (await fetch(BUNDLE)).text();
    const version = window.IcsElements!.VERSION;
    const other = source.replaceAll(`"${version}"`, '"9.9.9"');
    assert.notEqual(other, source, 'the bundle carries its version');
    const url = URL.createObjectURL(new Blob([other], { type: 'text/javascript' }));
    const warnings = await captureWarnings(async () => {
      await import(/* @vite-ignore */ url);
    });
    URL.revokeObjectURL(url);
    assert.lengthOf(warnings, 1, warnings.join('\n'));
    assert.include(warnings[0], 'ics-elements 9.9.9');
    assert.include(warnings[0], `ics-elements ${version}`);
    assert.equal(window.IcsElements!.VERSION, version, 'the first copy keeps the page');
  });
});
