// The chain rules module: what a consumer id is and which phases are active, as the provider
// module reads them (hand-written cases, not the code's own output).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVE_PHASES, CONSUMER_PHASES, isActivePhase, parseConsumerId } from '../../src/index.js';

describe('chain rules', () => {
  it('a consumer id is a uint64 in decimal: read as ParseUint(id, 10, 64) reads it', () => {
    assert.equal(parseConsumerId('0'), '0');
    assert.equal(parseConsumerId(' 4 '), '4');
    assert.equal(parseConsumerId('007'), '7');
    assert.equal(parseConsumerId('000000000000000000001'), '1', 'leading zeros, past 20 digits');
    assert.equal(parseConsumerId('18446744073709551615'), '18446744073709551615', '2^64 - 1 is the largest');
    for (const bad of ['18446744073709551616', '99999999999999999999', '', ' ', '-1', '+1', '1.0', '1e3', '0x1', 'four', '４', '1 2']) {
      assert.equal(parseConsumerId(bad), undefined, JSON.stringify(bad));
    }
  });

  it('registered, initialized and launched chains are active; stopped and deleted are not', () => {
    assert.deepEqual(ACTIVE_PHASES, ['registered', 'initialized', 'launched']);
    assert.deepEqual(
      CONSUMER_PHASES.filter((phase) => isActivePhase(phase)),
      ['registered', 'initialized', 'launched'],
    );
    assert.equal(isActivePhase('stopped'), false);
    assert.equal(isActivePhase('deleted'), false);
  });
});
