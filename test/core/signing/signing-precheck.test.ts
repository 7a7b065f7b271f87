import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeAddress, prefixesFor } from '../../../src/chain/bech32.js';
import { checkConsumerKey, precheck } from '../../../src/signing/precheck.js';
import type { PrecheckState } from '../../../src/signing/precheck.js';
import type { IcsAction } from '../../../src/signing/actions.js';
import { describeChainError, inferCodespace, parseQueryError } from '../../../src/signing/errors.js';

const prefixes = prefixesFor('cosmos');
// One 20-byte value gives the validator's operator address and its operator account.
const bytes = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
const VALOPER = encodeAddress('cosmosvaloper', bytes);
const OPERATOR = encodeAddress('cosmos', bytes);
const OTHER = encodeAddress(
  'cosmos',
  Uint8Array.from({ length: 20 }, (_, i) => 200 - i),
);
const KEY = JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey', key: Buffer.alloc(32, 7).toString('base64') });

function state(overrides: Partial<PrecheckState> = {}, consumer: Partial<NonNullable<PrecheckState['consumer']>> = {}): PrecheckState {
  return {
    prefixes,
    validator: { operatorAddress: VALOPER, power: 1000n },
    consumer: { consumerId: '4', chainId: 'pion-1', name: 'Pion', phase: 'launched', kind: 'opt-in', minPowerInTopN: undefined, ...consumer },
    minCommissionRate: '0.050000000000000000',
    ...overrides,
  };
}

const optIn: IcsAction = { type: 'opt-in', validator: VALOPER, consumerId: '4' };
const optOut: IcsAction = { type: 'opt-out', validator: VALOPER, consumerId: '4' };
const assign: IcsAction = { type: 'assign-consumer-key', validator: VALOPER, consumerId: '4', consumerKey: KEY };
const commission = (rate: string): IcsAction => ({ type: 'set-consumer-commission-rate', validator: VALOPER, consumerId: '4', rate });

function refusal(action: IcsAction, s: PrecheckState, signer = OPERATOR): { code: string; message: string } {
  const result = precheck(action, signer, s);
  assert.equal(result.ok, false, 'expected a refusal');
  return result as { code: string; message: string };
}

describe('pre-checks: accepted', () => {
  it('opt in (registered, initialized, launched), with and without a key', () => {
    for (const phase of ['registered', 'initialized', 'launched'] as const) {
      assert.deepEqual(precheck(optIn, OPERATOR, state({}, { phase })), { ok: true });
      assert.deepEqual(precheck({ ...optIn, consumerKey: KEY }, OPERATOR, state({}, { phase })), { ok: true });
    }
  });
  it('opt out of a launched opt-in chain, and of a Top-N chain below its min power', () => {
    assert.deepEqual(precheck(optOut, OPERATOR, state()), { ok: true });
    assert.deepEqual(precheck(optOut, OPERATOR, state({}, { kind: 'top-n', minPowerInTopN: 1001n })), { ok: true });
  });
  it('assign a key and set the commission on an active chain, rate at both bounds', () => {
    assert.deepEqual(precheck(assign, OPERATOR, state({}, { phase: 'initialized' })), { ok: true });
    assert.deepEqual(precheck(commission('0.05'), OPERATOR, state()), { ok: true });
    assert.deepEqual(precheck(commission('1'), OPERATOR, state()), { ok: true });
    assert.deepEqual(precheck(commission('0.5'), OPERATOR, state({ minCommissionRate: '0.000000000000000000' })), { ok: true });
  });
});

describe('pre-checks: refused, in words', () => {
  it('wrong-signer: another account than the operator one', () => {
    const r = refusal(optIn, state(), OTHER);
    assert.equal(r.code, 'wrong-signer');
    assert.match(r.message, new RegExp(`operator account \\(${OPERATOR}\\)`));
    assert.match(r.message, new RegExp(OTHER));
  });
  it('bad-address: an account where an operator address belongs, or garbage', () => {
    assert.equal(refusal({ ...optIn, validator: OPERATOR }, state()).code, 'bad-address');
    assert.equal(refusal({ ...optIn, validator: 'cosmosvaloper1nope' }, state()).code, 'bad-address');
  });
  it('bad-consumer-id', () => {
    assert.equal(refusal({ ...optIn, consumerId: 'neutron-1' }, state()).code, 'bad-consumer-id');
    assert.equal(refusal({ ...optIn, consumerId: '18446744073709551616' }, state()).code, 'bad-consumer-id');
  });
  it('bad-key: every way a key can be wrong', () => {
    const bad = [
      ['', /empty/],
      [Buffer.alloc(32, 7).toString('base64'), /only the base64 key/],
      ['not json', /not JSON/],
      ['[1]', /not a JSON object/],
      [JSON.stringify({ '@type': '/cosmos.crypto.secp256k1.PubKey', key: Buffer.alloc(33).toString('base64') }), /only "\/cosmos.crypto.ed25519.PubKey"/],
      [JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey' }), /no "key"/],
      [JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey', key: '***' }), /not valid base64/],
      [JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey', key: Buffer.alloc(31).toString('base64') }), /31 bytes/],
    ] as const;
    for (const [key, words] of bad) {
      const r = refusal({ ...assign, consumerKey: key }, state());
      assert.equal(r.code, 'bad-key', key);
      assert.match(r.message, words);
      assert.match(r.message, /show-validator/);
    }
    assert.equal(refusal({ ...optIn, consumerKey: 'x' }, state()).code, 'bad-key');
    assert.deepEqual(checkConsumerKey(`  ${KEY}\n`), { ok: true });
  });
  it('wrong-phase: opt in after stop, opt out before launch, key and commission on inactive chains', () => {
    for (const phase of ['stopped', 'deleted'] as const) {
      assert.match(refusal(optIn, state({}, { phase })).message, /only while it is registered, initialized or launched; it is (stopped|deleted)/);
      assert.equal(refusal(assign, state({}, { phase })).code, 'wrong-phase');
      assert.equal(refusal(commission('0.1'), state({}, { phase })).code, 'wrong-phase');
    }
    for (const phase of ['registered', 'initialized', 'stopped'] as const) {
      const r = refusal(optOut, state({}, { phase }));
      assert.equal(r.code, 'wrong-phase');
      assert.match(r.message, /only once it has launched/);
      assert.match(r.message, /Pion \(consumer 4, pion-1\)/);
    }
  });
  it('top-n-opt-out: power at or above min_power_in_top_N', () => {
    for (const min of [1000n, 999n]) {
      const r = refusal(optOut, state({}, { kind: 'top-n', minPowerInTopN: min }));
      assert.equal(r.code, 'top-n-opt-out');
      assert.match(r.message, new RegExp(`at least ${min} power must validate it; yours is 1000`));
    }
  });
  it('commission-range: below the staking minimum, above 1, negative, not a decimal', () => {
    const below = refusal(commission('0.049999999999999999'), state());
    assert.equal(below.code, 'commission-range');
    assert.match(below.message, /at least .* 0\.05\./);
    assert.match(refusal(commission('1.000000000000000001'), state()).message, /between 0 and 1/);
    assert.equal(refusal(commission('-0.1'), state({ minCommissionRate: '0' })).code, 'commission-range');
    assert.match(refusal(commission('5%'), state()).message, /decimal such as "0.05"/);
    assert.equal(refusal(commission('0.1234567890123456789'), state()).code, 'commission-range');
  });
  it('unknown validator and unknown consumer', () => {
    assert.equal(refusal(optIn, state({ validator: undefined })).code, 'unknown-validator');
    assert.match(refusal(optIn, state({ consumer: undefined })).message, /no consumer chain with id 4/);
  });
});

describe('chain errors in words', () => {
  const cases: Array<[string, number, string, string, RegExp]> = [
    ['provider', 10, 'a different validator already uses the consumer key: consumer key is already in use by a validator', 'key-in-use', /already used/],
    ['provider', 11, 'cannot re-assign default key assignment', 'default-key', /provider consensus key/],
    [
      'provider',
      20,
      'validator with power (1000) cannot opt out from Top N chain with consumer id (4) because all validators with at least 900 power have to validate: cannot opt out from a Top N chain',
      'top-n-opt-out',
      /at least 900 power must validate it; yours is 1000/,
    ],
    [
      'provider',
      27,
      'opting out of a consumer chain not yet launched: cannot perform action in the current phase of consumer chain',
      'wrong-phase',
      /opt out .* only once it has launched/,
    ],
    ['provider', 27, 'cannot opt in to a consumer chain that is not in the registered, initialized, or launched phase', 'wrong-phase', /opt in only while/],
    [
      'provider',
      49,
      'ProviderAddr: ValAddress converted to AccAddress (cosmos1abc) must match the signer address (cosmos1xyz): invalid opt in message',
      'wrong-signer',
      /operator account \(cosmos1abc\).*cosmos1xyz/,
    ],
    [
      'provider',
      50,
      'ChainId: found non-empty chainId(x); chainId is deprecated, use consumerId instead: invalid opt out message',
      'invalid-message',
      /malformed/,
    ],
    [
      'provider',
      51,
      'consumer commission rate should be in the range [0, 1]: invalid set consumer commission rate message',
      'commission-range',
      /between 0 and 1/,
    ],
    ['provider', 46, 'ConsumerKey: consumer key is not valid JSON: invalid assign consumer key message', 'bad-key', /consumer key is not valid/],
    ['provider', 3, 'unknown consumer chain, with id: 9: no consumer chain with this consumer id', 'unknown-consumer', /does not know .* \(id 9\)/],
    ['staking', 3, 'validator does not exist', 'unknown-validator', /no validator/],
    [
      'staking',
      40,
      'commission rate cannot be less than 0.050000000000000000: commission cannot be less than min rate',
      'commission-range',
      /at least .* 0\.05\./,
    ],
    ['staking', 6, 'validator pubkey type is not supported', 'bad-key', /only ed25519/],
    ['sdk', 4, 'signature verification failed; please verify account number (12) and chain-id (provider): unauthorized', 'unauthorized', /chain id/],
    ['sdk', 4, 'legacy ICS message /interchain_security.ccv.provider.v1.MsgOptIn: unauthorized', 'ics-disabled', /no longer accepts ICS/],
    ['sdk', 5, 'spendable balance 0uatom is smaller than 1000uatom: insufficient funds', 'insufficient-funds', /enough tokens/],
    ['sdk', 13, 'insufficient fees; got: 1uatom required: 500uatom: insufficient fee', 'insufficient-fee', /minimum gas price/],
    ['sdk', 32, 'account sequence mismatch, expected 5, got 4: incorrect account sequence', 'wrong-sequence', /sequence changed/],
    ['sdk', 11, 'out of gas in location: WriteFlat; gasWanted: 100, gasUsed: 200: out of gas', 'out-of-gas', /ran out of gas/],
  ];
  for (const [codespace, code, log, expected, words] of cases) {
    it(`${codespace} ${code} → ${expected}`, () => {
      const described = describeChainError({ codespace, code, log });
      assert.equal(described.code, expected);
      assert.match(described.message, words);
      // Without a codespace (cosmjs simulate errors), the log tells which one it is.
      assert.equal(inferCodespace(code, log), codespace);
      assert.equal(describeChainError({ codespace: '', code, log }).code, expected);
    });
  }

  it('an unknown error keeps its codespace, code and first line', () => {
    const d = describeChainError({ codespace: 'bank', code: 99, log: 'something odd [cosmos/cosmos-sdk@v0.53.0/baseapp/baseapp.go:1000] With gas wanted: 1' });
    assert.deepEqual(d, { code: 'unknown', codespace: 'bank', message: 'The chain refused the transaction (bank error 99): something odd' });
  });

  it('reads cosmjs simulate errors back to code and log', () => {
    assert.deepEqual(parseQueryError(new Error('Query failed with (20): cannot opt out from a Top N chain')), {
      code: 20,
      log: 'cannot opt out from a Top N chain',
    });
    assert.equal(parseQueryError(new Error('socket hang up')), undefined);
  });
});
