/// <reference types="mocha" />
// The browser runner's own root hook (web-test-runner.config.mjs): a failed assertion whose actual
// or expected is a DOM node never reached the runner, and its file hung until the run's time limit
// instead of failing. The hook gives the runner a description of such a value instead.
import { assert } from 'chai';

interface Hook {
  title: string;
  fn: (this: { currentTest: { err?: Record<string, unknown> } }) => void;
}

/** The root hook, as mocha keeps it: the page's mocha, its root suite's after-each hooks. */
function failuresHook(): Hook {
  const mocha = (window as unknown as { mocha: { suite: { _afterEach: Hook[] } } }).mocha;
  const hook = mocha.suite._afterEach.find((h) => h.title.includes('failures the runner can send'));
  assert.isDefined(hook, 'the root hook is registered');
  return hook!;
}

describe('the browser runner', () => {
  it('describes a failure’s DOM nodes, and keeps values it can send', () => {
    const button = document.createElement('button');
    button.textContent = 'Opt in';
    const err: Record<string, unknown> = { message: 'expected', actual: document.body, expected: button };
    failuresHook().fn.call({ currentTest: { err } });
    assert.isString(err.actual);
    assert.match(err.actual as string, /^<body/);
    assert.equal(err.expected, '<button>Opt in</button>');

    const plain = { message: 'expected', actual: { rows: [1, 2] }, expected: 'text' };
    failuresHook().fn.call({ currentTest: { err: plain } });
    assert.deepEqual(plain.actual, { rows: [1, 2] });
    assert.equal(plain.expected, 'text');
  });

  it('leaves a passed test alone', () => {
    assert.doesNotThrow(() => failuresHook().fn.call({ currentTest: {} }));
  });
});
