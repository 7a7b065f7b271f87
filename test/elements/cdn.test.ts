/// <reference types="mocha" />
// Two copies of the built single-file bundle (dist/cdn/ics-elements.js, `npm run build:cdn`) on one
// page: the same version twice is silent and works; a different version warns once. This file
// imports no element source, so the bundle is the first and only definer of the tags here.
import { assert } from 'chai';
import { REST, captureWarnings, devnet, mount, until } from './helpers.js';

const BUNDLE = '/dist/cdn/ics-elements.js';

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
    const version = window.IcsElements!.VERSION;
    const url = await copyAsVersion('ics-elements.js', version, '9.9.9');
    const warnings = await captureWarnings(async () => {
      await import(/* @vite-ignore */ url);
    });
    assert.lengthOf(warnings, 1, warnings.join('\n'));
    assert.include(warnings[0], 'ics-elements 9.9.9');
    assert.include(warnings[0], `ics-elements ${version}`);
    assert.equal(window.IcsElements!.VERSION, version, 'the first copy keeps the page');
  });
});

/**
 * A true second copy of the bundle at another version: the entry and every chunk it imports
 * statically are rewritten into blob: modules (so none is shared with the first copy); chunks
 * loaded on demand keep their /dist/cdn/ URL.
 */
async function copyAsVersion(file: string, version: string, other: string, copies = new Map<string, string>()): Promise<string> {
  const known = copies.get(file);
  if (known) return known;
  // The minifier may print the version string with either quote.
  let source = (await (await fetch(`/dist/cdn/${file}`)).text()).replaceAll(`"${version}"`, `"${other}"`).replaceAll(`\`${version}\``, `\`${other}\``);
  for (const [, chunk] of source.matchAll(/from\s*"\.\/([^"]+)"/g)) {
    source = source.replaceAll(`"./${chunk}"`, `"${await copyAsVersion(chunk!, version, other, copies)}"`);
  }
  source = source.replace(/import\((["`])\.\//g, `import($1${location.origin}/dist/cdn/`);
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  copies.set(file, url);
  return url;
}
