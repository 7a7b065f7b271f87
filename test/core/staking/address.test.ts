// The address helpers (our BIP-173 codec, atob/btoa, noble, WebCrypto) against independent implementations: cosmjs's bech32 and sha256, Node's base64.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { bech32 as bech32lib } from '@scure/base';
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

describe('BIP-173 test vectors', () => {
  it('accepts its valid strings, either case', () => {
    const valid = [
      'A12UEL5L',
      'a12uel5l',
      'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
      'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
      '11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j',
      'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
      '?1ezyfcl',
    ];
    for (const text of valid) {
      const { prefix, bytes } = decodeAddress(text);
      assert.equal(prefix, text.slice(0, text.lastIndexOf('1')).toLowerCase(), text);
      assert.equal(encodeAddress(prefix, bytes), text.toLowerCase(), text);
    }
    assert.equal(decodeAddress('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw').bytes.length, 20);
  });

  it('refuses its invalid strings, and mixed case', () => {
    const invalid = [
      '\x201nwldj5',
      '\x7f1axkwrx',
      '\x801eym55h',
      'an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx',
      'pzry9x0s0muk',
      '1pzry9x0s0muk',
      'x1b4n0q5v',
      'li1dgmt3',
      'de1lg7wt\xff',
      'A1G7SGD8',
      '10a06t8',
      '1qzzfhee',
      'A12uEL5L',
    ];
    for (const text of invalid) assert.throws(() => decodeAddress(text), /not a valid bech32 address/, JSON.stringify(text));
  });

  it('refuses padding bits that are not zero, and a prefix it cannot write', () => {
    // 'cosmos1' + one word 'l' (31) + checksum: 5 bits that are not a byte and not zero padding.
    const words = [31];
    const odd = `cosmos1${toBech32Words('cosmos', words)}`;
    assert.throws(() => decodeAddress(odd), /not a valid bech32 address/);
    assert.throws(() => encodeAddress('Cosmos', new Uint8Array(20)), /do not make a bech32 address/);
    assert.throws(() => encodeAddress('cosmos', new Uint8Array(60)), /do not make a bech32 address/);
  });
});

/** The data part (words and checksum) of a bech32 string, by @scure/base (the library under cosmjs's bech32), for odd word counts. */
function toBech32Words(prefix: string, words: number[]): string {
  return bech32lib.encode(prefix, words as unknown as Parameters<typeof bech32lib.encode>[1]).slice(prefix.length + 1);
}

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
