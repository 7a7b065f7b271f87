import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AminoTypes } from '@cosmjs/stargate';
import {
  MsgAssignConsumerKeyCodec,
  MsgOptInCodec,
  MsgOptOutCodec,
  MsgSetConsumerCommissionRateCodec,
  MSG_OPT_IN_TYPE_URL,
  MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL,
  decodeIcsMessage,
  encodeIcsMessage,
} from '../../../src/signing/messages.js';
import { createIcsRegistry } from '../../../src/signing/registry.js';
import { createIcsAminoConverters } from '../../../src/signing/amino.js';
import { rateFromWire, rateToWire } from '../../../src/signing/rate.js';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// Real-looking addresses and key for the longer vectors (the codec does not validate them).
const VALOPER = 'cosmosvaloper1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu';
const ACCOUNT = 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5z5tpwp';
const KEY = '{"@type":"/cosmos.crypto.ed25519.PubKey","key":"Ui5Gf1+mtWUdH8u3xlmzdKID+F3PK0sfXZ73GZ6q6is="}';

describe('ICS message codecs: bytes worked out by hand', () => {
  it('MsgOptIn: fields 2, 3, 4, 5 as tag, length, UTF-8; empty chain_id (1) left out', () => {
    const bytes = MsgOptInCodec.encode({ chainId: '', providerAddr: 'va', consumerKey: 'k', signer: 'ac', consumerId: '7' }).finish();
    // 0x12 = field 2 << 3 | 2 (length-delimited); 0x1a = field 3; 0x22 = field 4; 0x2a = field 5.
    assert.equal(hex(bytes), '12027661' + '1a016b' + '22026163' + '2a0137');
  });

  it('MsgOptIn with real addresses and a show-validator key (key length 94 < 128: one length byte)', () => {
    const bytes = MsgOptInCodec.encode({ chainId: '', providerAddr: VALOPER, consumerKey: KEY, signer: ACCOUNT, consumerId: '0' }).finish();
    assert.equal(VALOPER.length, 52);
    assert.equal(KEY.length, 94);
    assert.equal(ACCOUNT.length, 45);
    const expected = [0x12, 52, ...utf8(VALOPER), 0x1a, 94, ...utf8(KEY), 0x22, 45, ...utf8(ACCOUNT), 0x2a, 1, 0x30];
    assert.deepEqual([...bytes], expected);
  });

  it('MsgOptIn without a consumer key leaves field 3 out', () => {
    const bytes = MsgOptInCodec.encode(MsgOptInCodec.fromPartial({ providerAddr: 'va', signer: 'ac', consumerId: '12' })).finish();
    assert.equal(hex(bytes), '12027661' + '22026163' + '2a023132');
  });

  it('MsgOptOut: signer is field 3 (0x1a) and consumer_id field 4 (0x22)', () => {
    const bytes = MsgOptOutCodec.encode({ chainId: '', providerAddr: 'va', signer: 'ac', consumerId: '7' }).finish();
    assert.equal(hex(bytes), '12027661' + '1a026163' + '220137');
  });

  it('MsgAssignConsumerKey: same numbers as MsgOptIn', () => {
    const bytes = MsgAssignConsumerKeyCodec.encode({ chainId: '', providerAddr: 'va', consumerKey: 'k', signer: 'ac', consumerId: '7' }).finish();
    assert.equal(hex(bytes), '12027661' + '1a016b' + '22026163' + '2a0137');
  });

  it('MsgSetConsumerCommissionRate: provider_addr is field 1 (0x0a), rate 0.05 is "50000000000000000"', () => {
    const bytes = MsgSetConsumerCommissionRateCodec.encode({ providerAddr: 'va', chainId: '', rate: '0.05', signer: 'ac', consumerId: '7' }).finish();
    // "50000000000000000" = 5 followed by 16 zeros: 17 ASCII bytes (0x11).
    const expected = [0x0a, 2, ...utf8('va'), 0x1a, 17, 0x35, ...Array(16).fill(0x30), 0x22, 2, ...utf8('ac'), 0x2a, 1, 0x37];
    assert.deepEqual([...bytes], expected);
  });

  it('MsgSetConsumerCommissionRate: a (non-empty) chain_id goes to field 2 (0x12), after field 1', () => {
    const bytes = MsgSetConsumerCommissionRateCodec.encode({ providerAddr: 'va', chainId: 'c', rate: '1', signer: '', consumerId: '' }).finish();
    // 1 = 10^18: "1" followed by 18 zeros, 19 bytes (0x13).
    assert.deepEqual([...bytes], [0x0a, 2, ...utf8('va'), 0x12, 1, 0x63, 0x1a, 19, 0x31, ...Array(18).fill(0x30)]);
  });

  it('a zero rate is still written ("0"), as gogo writes a non-nullable LegacyDec', () => {
    const bytes = MsgSetConsumerCommissionRateCodec.encode(MsgSetConsumerCommissionRateCodec.fromPartial({ rate: '0' })).finish();
    assert.equal(hex(bytes), '1a0130');
  });

  it('decodes the rate back to an 18-place decimal, and skips unknown fields', () => {
    const bytes = Uint8Array.from([0x0a, 2, ...utf8('va'), 0x1a, 17, 0x35, ...Array(16).fill(0x30), 0x40, 0x05, 0x2a, 1, 0x37]);
    assert.deepEqual(MsgSetConsumerCommissionRateCodec.decode(bytes), {
      providerAddr: 'va',
      chainId: '',
      rate: '0.050000000000000000',
      signer: '',
      consumerId: '7',
    });
  });

  it('refuses a known field with the wrong wire type, and a rate that is not an integer', () => {
    assert.throws(() => MsgOptOutCodec.decode(Uint8Array.from([0x10, 0x01])), /wire type 0/);
    assert.throws(() => MsgSetConsumerCommissionRateCodec.decode(Uint8Array.from([0x1a, 4, ...utf8('0.05')])), /integer scaled/);
  });

  it('rate conversions are exact at 18 places', () => {
    assert.equal(rateToWire('0.05'), '50000000000000000');
    assert.equal(rateToWire('0.000000000000000001'), '1');
    assert.equal(rateFromWire('1'), '0.000000000000000001');
    assert.equal(rateFromWire('1000000000000000000'), '1.000000000000000000');
    assert.throws(() => rateToWire('5%'), /decimal/);
  });
});

const text = fc.string({ maxLength: 80 });
const rate = fc.bigInt({ min: 0n, max: 10n ** 18n }).map((v) => `${v / 10n ** 18n}.${(v % 10n ** 18n).toString().padStart(18, '0')}`);

describe('ICS message codecs: decode(encode(x)) = x', () => {
  it('MsgOptIn and MsgAssignConsumerKey', () => {
    fc.assert(
      fc.property(text, text, text, text, text, (chainId, providerAddr, consumerKey, signer, consumerId) => {
        const msg = { chainId, providerAddr, consumerKey, signer, consumerId };
        assert.deepEqual(MsgOptInCodec.decode(MsgOptInCodec.encode(msg).finish()), msg);
        assert.deepEqual(MsgAssignConsumerKeyCodec.decode(MsgAssignConsumerKeyCodec.encode(msg).finish()), msg);
      }),
    );
  });

  it('MsgOptOut', () => {
    fc.assert(
      fc.property(text, text, text, text, (chainId, providerAddr, signer, consumerId) => {
        const msg = { chainId, providerAddr, signer, consumerId };
        assert.deepEqual(MsgOptOutCodec.decode(MsgOptOutCodec.encode(msg).finish()), msg);
      }),
    );
  });

  it('MsgSetConsumerCommissionRate (rates in [0, 1] at 18 places)', () => {
    fc.assert(
      fc.property(text, text, rate, text, text, (providerAddr, chainId, r, signer, consumerId) => {
        const msg = { providerAddr, chainId, rate: r, signer, consumerId };
        assert.deepEqual(MsgSetConsumerCommissionRateCodec.decode(MsgSetConsumerCommissionRateCodec.encode(msg).finish()), msg);
      }),
    );
  });

  it('decodeIcsMessage / encodeIcsMessage for the devnet, undefined for other types', () => {
    const value = { chainId: '', providerAddr: VALOPER, consumerKey: '', signer: ACCOUNT, consumerId: '3' };
    const bytes = encodeIcsMessage({ typeUrl: MSG_OPT_IN_TYPE_URL, value });
    assert.deepEqual(decodeIcsMessage({ typeUrl: MSG_OPT_IN_TYPE_URL, value: bytes }), { typeUrl: MSG_OPT_IN_TYPE_URL, value });
    assert.equal(decodeIcsMessage({ typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: bytes }), undefined);
  });
});

describe('registry', () => {
  it('encodes an Any with the ICS type URL and the codec bytes, and knows the default types', () => {
    const registry = createIcsRegistry();
    const value = { chainId: '', providerAddr: 'va', signer: 'ac', consumerId: '7', rate: '0.05' };
    const any = registry.encodeAsAny({ typeUrl: MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL, value });
    assert.equal(any.typeUrl, '/interchain_security.ccv.provider.v1.MsgSetConsumerCommissionRate');
    assert.deepEqual(any.value, MsgSetConsumerCommissionRateCodec.encode(value).finish());
    assert.deepEqual(registry.decode(any), { ...value, rate: '0.050000000000000000' });
    assert.ok(registry.lookupType('/cosmos.bank.v1beta1.MsgSend'));
    for (const name of ['MsgOptIn', 'MsgOptOut', 'MsgAssignConsumerKey', 'MsgSetConsumerCommissionRate']) {
      assert.ok(registry.lookupType(`/interchain_security.ccv.provider.v1.${name}`), name);
    }
  });
});

describe('amino converters (type URL as amino type, snake_case, empties omitted)', () => {
  const amino = new AminoTypes(createIcsAminoConverters());
  const cases = [
    {
      typeUrl: '/interchain_security.ccv.provider.v1.MsgOptIn',
      value: { chainId: '', providerAddr: VALOPER, consumerKey: KEY, signer: ACCOUNT, consumerId: '0' },
      json: `{"consumer_id":"0","consumer_key":${JSON.stringify(KEY)},"provider_addr":"${VALOPER}","signer":"${ACCOUNT}"}`,
    },
    {
      typeUrl: '/interchain_security.ccv.provider.v1.MsgOptIn',
      value: { chainId: '', providerAddr: VALOPER, consumerKey: '', signer: ACCOUNT, consumerId: '0' },
      json: `{"consumer_id":"0","provider_addr":"${VALOPER}","signer":"${ACCOUNT}"}`,
    },
    {
      typeUrl: '/interchain_security.ccv.provider.v1.MsgOptOut',
      value: { chainId: '', providerAddr: VALOPER, signer: ACCOUNT, consumerId: '1' },
      json: `{"consumer_id":"1","provider_addr":"${VALOPER}","signer":"${ACCOUNT}"}`,
    },
    {
      typeUrl: '/interchain_security.ccv.provider.v1.MsgAssignConsumerKey',
      value: { chainId: '', providerAddr: VALOPER, consumerKey: KEY, signer: ACCOUNT, consumerId: '2' },
      json: `{"consumer_id":"2","consumer_key":${JSON.stringify(KEY)},"provider_addr":"${VALOPER}","signer":"${ACCOUNT}"}`,
    },
    {
      typeUrl: '/interchain_security.ccv.provider.v1.MsgSetConsumerCommissionRate',
      value: { providerAddr: VALOPER, chainId: '', rate: '0.050000000000000000', signer: ACCOUNT, consumerId: '3' },
      json: `{"consumer_id":"3","provider_addr":"${VALOPER}","rate":"0.050000000000000000","signer":"${ACCOUNT}"}`,
    },
  ];
  for (const { typeUrl, value, json } of cases) {
    it(`${typeUrl.split('.').pop()}${'consumerKey' in value && value.consumerKey === '' ? ' (no key)' : ''}`, () => {
      const msg = amino.toAmino({ typeUrl, value });
      assert.equal(msg.type, typeUrl);
      assert.equal(JSON.stringify(msg.value), json);
      assert.deepEqual(amino.fromAmino(msg), { typeUrl, value });
    });
  }

  it('writes a short API rate ("0.05") with 18 places', () => {
    const msg = amino.toAmino({
      typeUrl: MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL,
      value: { providerAddr: 'va', chainId: '', rate: '0.05', signer: 'ac', consumerId: '7' },
    });
    assert.equal((msg.value as { rate: string }).rate, '0.050000000000000000');
  });
});
