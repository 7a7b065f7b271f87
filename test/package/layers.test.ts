// The lint keeps the layers one way (eslint.config.js, design.md §2): a wrong-way import fails it,
// a right-way one passes. Linted as text under a path in each layer, so no file is written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => /'([^']+)' import/.exec(m.message)?.[1] ?? m.message);
}

describe('layers (lint)', () => {
  it('the core imports neither Lit, the elements, the React wrappers nor the devnet', async () => {
    const code = `import { html } from 'lit';\nimport { IcsConsumerCard } from '../../components/consumer-card/consumer-card.js';\nimport { IcsConsumerList } from '../../react/index.js';\nimport { startDevnet } from '../../devnet/index.js';\nimport { IcsError } from './errors.js';\nexport const all = [html, IcsConsumerCard, IcsConsumerList, startDevnet, IcsError];\n`;
    assert.deepEqual(await restrictedImports('src/chain/wrong-way.ts', code), [
      'lit',
      '../../components/consumer-card/consumer-card.js',
      '../../react/index.js',
      '../../devnet/index.js',
    ]);
  });

  it('src/chain imports neither src/staking nor src/ics (they build on it)', async () => {
    const code = `import { IcsError } from './errors.js';\nimport { addressKind } from '../staking/address.js';\nimport { ACTIVE_PHASES } from '../ics/rules.js';\nexport const all = [IcsError, addressKind, ACTIVE_PHASES];\n`;
    assert.deepEqual(await restrictedImports('src/chain/wrong-way.ts', code), ['../staking/address.js', '../ics/rules.js']);
  });

  it('src/staking imports src/chain, not src/ics', async () => {
    const code = `import { fields } from '../chain/decode.js';\nimport { ACTIVE_PHASES } from '../ics/rules.js';\nexport const all = [fields, ACTIVE_PHASES];\n`;
    assert.deepEqual(await restrictedImports('src/staking/wrong-way.ts', code), ['../ics/rules.js']);
  });

  it('src/ics may import src/staking and src/chain', async () => {
    const code = `import { fields } from '../chain/decode.js';\nimport { decodeDescription } from '../staking/decode.js';\nexport const all = [fields, decodeDescription];\n`;
    assert.deepEqual(await restrictedImports('src/ics/right-way.ts', code), []);
  });

  it('the devnet may import the core, not Lit, the elements or their wrappers', async () => {
    const code = `import { ACTIVE_PHASES } from '../src/ics/rules.js';\nimport { html } from 'lit';\nimport { IcsElement } from '../components/shared/ics-element.js';\nimport { IcsConsumerList } from '../react/index.js';\nexport const all = [ACTIVE_PHASES, html, IcsElement, IcsConsumerList];\n`;
    assert.deepEqual(await restrictedImports('devnet/wrong-way.ts', code), ['lit', '../components/shared/ics-element.js', '../react/index.js']);
    const nested = `import { parseDec } from '../../src/power/legacy-dec.js';\nimport { html } from 'lit';\nexport const all = [parseDec, html];\n`;
    assert.deepEqual(await restrictedImports('devnet/tx/wrong-way.ts', nested), ['lit']);
  });

  it('src/power imports nothing outside its folder', async () => {
    const code = `import { parseDec } from './legacy-dec.js';\nimport { ACTIVE_PHASES } from '../ics/rules.js';\nexport const all = [parseDec, ACTIVE_PHASES];\n`;
    assert.deepEqual(await restrictedImports('src/power/wrong-way.ts', code), ['../ics/rules.js']);
  });

  it("an element folder imports shared pieces and the core, never another element's folder or the devnet", async () => {
    const code = `import { IcsElement } from '../shared/ics-element.js';\nimport { isActivePhase } from '../../src/index.js';\nimport { IcsConsumerCard } from '../consumer-card/consumer-card.js';\nimport { startDevnet } from '../../devnet/index.js';\nexport const all = [IcsElement, isActivePhase, IcsConsumerCard, startDevnet];\n`;
    assert.deepEqual(await restrictedImports('components/power-chart/wrong-way.ts', code), ['../consumer-card/consumer-card.js', '../../devnet/index.js']);
  });

  it('the elements import the core only through its entries', async () => {
    const entries = `import { nextTask } from '../../src/index.js';\nimport { chainId } from '../../src/queries.js';\nimport { sumPowers } from '../../src/power/index.js';\nimport { clip } from '../../src/format/index.js';\nimport { precheck } from '../../src/signing/index.js';\n`;
    const deep = `import { SLICE } from '../../src/chain/tasks.js';\nimport { parseDec } from '../../src/power/legacy-dec.js';\nimport type { ConsumerChain } from '../../src/ics/models.js';\n`;
    const code = `${entries}${deep}export const all = [nextTask, chainId, sumPowers, clip, precheck, SLICE, parseDec];\nexport type Chain = ConsumerChain;\n`;
    const refused = ['../../src/chain/tasks.js', '../../src/power/legacy-dec.js', '../../src/ics/models.js'];
    assert.deepEqual(await restrictedImports('components/power-chart/wrong-way.ts', code), refused, 'an element folder');
    assert.deepEqual(await restrictedImports('components/shared/wrong-way.ts', code), refused, 'components/shared');
    const top = code.replaceAll('../../src/', '../src/');
    assert.deepEqual(
      await restrictedImports('components/wrong-way.ts', top),
      refused.map((r) => r.replace('../../src/', '../src/')),
      'components/*.ts',
    );
  });
});
