// IcsError's `field`: config and input errors name the setting or argument to fix, so a caller
// (the elements' attribute problems) need not read it out of the message. No network: every
// error here is raised before a request.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IcsError, ProviderClient, resolveConfig } from '../../../src/index.js';
import { ChainContext, consumerChain, validator } from '../../../src/queries.js';

/** The error `run` throws (synchronously or as a rejection), asserted to be an IcsError. */
async function errorOf(run: () => unknown): Promise<IcsError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof IcsError, `an IcsError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error');
}

/** Chain settings given in full, so no read of the chain's prefixes is needed. */
const GIVEN = { bech32Prefix: 'cosmos', stakingDenom: 'uatom', displayDenom: 'ATOM', displayExponent: 6 };

describe('IcsError.field', () => {
  it('is unset unless given', () => {
    assert.equal(new IcsError('network', 'down').field, undefined);
    assert.equal(new IcsError('invalid-input', 'bad', { field: 'rest' }).field, 'rest');
  });

  it('names the config field a bad configuration has wrong', async () => {
    const cases: Array<[Parameters<typeof resolveConfig>[0], string]> = [
      [{ rest: 'ftp://node.example' }, 'rest'],
      [{ rest: ' , ' }, 'rest'],
      [{ rest: 'http://node.example', rpc: 'not a url' }, 'rpc'],
      [{ rest: 'http://node.example', height: 0 }, 'height'],
      [{ rest: 'http://node.example', bech32Prefix: 'Mantra' }, 'bech32Prefix'],
      [{ rest: 'http://node.example', stakingDenom: '1uom' }, 'stakingDenom'],
      [{ rest: 'http://node.example', displayExponent: 31 }, 'displayExponent'],
      [{ rest: 'http://node.example', gasPrice: 'cheap' }, 'gasPrice'],
      [{ rest: 'http://node.example', timeoutMs: -1 }, 'timeoutMs'],
    ];
    for (const [input, field] of cases) {
      const error = await errorOf(() => resolveConfig(input));
      assert.equal(error.kind, 'invalid-input');
      assert.equal(error.field, field, JSON.stringify(input));
      // The client and a bare context refuse the same configuration the same way.
      assert.equal((await errorOf(() => new ProviderClient(input))).field, field);
      assert.equal((await errorOf(() => new ChainContext(input))).field, field);
    }
  });

  it('names the argument a query was given wrong', async () => {
    const client = new ProviderClient({ rest: 'http://rest.invalid', ...GIVEN });
    const badId = await errorOf(() => client.consumerChain('four'));
    assert.equal(badId.kind, 'invalid-input');
    assert.equal(badId.field, 'consumerId');
    assert.equal((await errorOf(() => consumerChain(client, '-1'))).field, 'consumerId');
    assert.equal((await errorOf(() => client.consumerCommissionRate('x', 'cosmosvalcons1'))).field, 'consumerId');
    assert.equal((await errorOf(() => client.consumerIdFromClientId('no spaces please'))).field, 'clientId');

    const account = 'cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a';
    const notOperator = await errorOf(() => client.validator(account));
    assert.equal(notOperator.kind, 'invalid-input');
    assert.equal(notOperator.field, 'validator');
    const garbled = await errorOf(() => validator(client, 'cosmosvaloper1garbled'));
    assert.equal(garbled.kind, 'invalid-input');
    assert.equal(garbled.field, 'validator');
    assert.equal((await errorOf(() => client.resolveValidator('nonsense'))).field, 'validator');
  });
});
