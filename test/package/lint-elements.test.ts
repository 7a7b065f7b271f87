// The elements are linted with eslint-plugin-lit and eslint-plugin-wc (eslint.config.js, style.md):
// a template or element mistake fails the lint, also in a class built on our own element bases.
// Linted as text under a path in components/, so no file is written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('element lint (eslint-plugin-lit, eslint-plugin-wc)', () => {
  it('refuses a duplicate template binding and reading attributes in the constructor', async () => {
    const code = `import { html } from 'lit';\nimport { IcsDataElement } from '../shared/data-element.js';\nexport abstract class IcsWrong extends IcsDataElement<string> {\n  constructor() {\n    super();\n    this.getAttribute('rest');\n  }\n  view() {\n    return html\`<p title=\${'a'} title=\${'b'}></p>\`;\n  }\n}\n`;
    assert.deepEqual(await ruleIds('components/power-chart/wrong-way.ts', code), ['wc/no-constructor-attributes', 'lit/no-duplicate-template-bindings']);
  });

  it('passes the same element written right', async () => {
    const code = `import { html } from 'lit';\nimport { IcsDataElement } from '../shared/data-element.js';\nexport abstract class IcsRight extends IcsDataElement<string> {\n  view() {\n    return html\`<p title=\${'a'}></p>\`;\n  }\n}\n`;
    assert.deepEqual(await ruleIds('components/power-chart/right-way.ts', code), []);
  });
});
