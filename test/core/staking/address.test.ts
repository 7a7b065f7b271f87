// The address helpers (@scure/base, noble, WebCrypto) against independent implementations: cosmjs's bech32 and sha256, Node's base64.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { sha256 } from '@cosmjs/crypto';
import { decodeAddress, encodeAddress, prefixesFor } from '../../../src/chain/bech32.js';
import { addressKind, consensusAddressFromEd25519, consensusAddressOfKey, decodeBase64, encodeBase64 } from '../../../src/staking/address.js';

const cosmos = prefixesFor('cosmos');
const bytes20 = fc.uint8Array({ minLength: 20, maxLength: 20 });
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('bech32 addresses', () => {
  it('encode as cosmjs does, and decode what cosmjs encodes', () => {
    fc.assert(
      fc.property(fc.oneof(bytes20, bytes32), fc.constantFrom('cosmos', 'cosmosvaloper', 'cosmosvalcons', 'neutron'), (data, prefix) => {
        const address = encodeAddress(prefix, data);
        assert.equal(address, toBech32(prefix, data));
        const decoded = decodeAddress(toBech32(prefix, data));
        assert.equal(decoded.prefix, prefix);
        assert.deepEqual([...decoded.bytes], [...fromBech32(address).data]);
      }),
    );
  });

  it('refuses a changed character (checksum), a foreign prefix and a wrong length, in words', () => {
    const address = toBech32('cosmosvaloper', new Uint8Array(20).fill(9));
    const last = address.at(-1) === 'q' ? 'p' : 'q';
    assert.throws(() => decodeAddress(address.slice(0, -1) + last), /not a valid bech32 address/);
    assert.throws(() => addressKind(toBech32('osmo', new Uint8Array(20)), cosmos), /prefix "osmo"/);
    assert.throws(() => addressKind(toBech32('cosmos', new Uint8Array(21)), cosmos), /21 bytes/);
    assert.equal(addressKind(address, cosmos), 'validator');
  });
});

describe('base64', () => {
  it('round-trips any bytes as Node writes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (data) => {
        const text = Buffer.from(data).toString('base64');
        assert.equal(encodeBase64(data), text);
        assert.deepEqual([...decodeBase64(text)], [...data]);
      }),
    );
  });

  it('takes only padded standard base64 (atob alone would take spaces and a missing "=")', () => {
    for (const bad of ['***', 'AAA', 'AA A=', 'AAAA\n', 'AA-_', 'A===']) {
      assert.throws(() => decodeBase64(bad), /not valid base64/, bad);
    }
  });
});

describe('consensus addresses', () => {
  it('are the first 20 bytes of sha256(key), the same sync (noble) and async (WebCrypto)', async () => {
    await fc.assert(
      fc.asyncProperty(bytes32, async (key) => {
        const b64 = Buffer.from(key).toString('base64');
        const expected = toBech32('cosmosvalcons', sha256(key).slice(0, 20));
        assert.equal(consensusAddressFromEd25519(b64, cosmos), expected);
        assert.equal(await consensusAddressOfKey(b64, cosmos), expected);
      }),
      { numRuns: 50 },
    );
  });
});
