/// <reference types="mocha" />
// <ics-validator-chains> against the devnet: a validator's chains (validating, opted in and
// active from the next epoch), power, commission, key, the action slot, valcons input, every
// state, bad addresses, and axe in each state.
import { assert } from 'chai';
import { ProviderClient } from '../../src/index.js';
import { encodeAddress } from '../../src/chain/bech32.js';
import { testOperator } from '../../devnet/test-keys.js';
import type { ConsumerChain, StakingValidator } from '../../src/index.js';
import '../../components/validator-chains/define.js';
import type { IcsValidatorChains } from '../../components/validator-chains/define.js';
import { $, $$, REST, captureWarnings, cleanUp, devnet, mount, shadowText, until } from './helpers.js';
import { BAD_CHECKSUM_VALOPER, namesChecksumThenPrefix, noAxe, recoversFromHttpError, saysIcsAbsent, untilStateSays } from './state-checks.js';

const client = () => new ProviderClient({ rest: REST, cacheTtlMs: 0 });

function chainsOf(validator: string, inner = ''): IcsValidatorChains {
  return mount<IcsValidatorChains>(`<ics-validator-chains rest="${REST}" validator="${validator}">${inner}</ics-validator-chains>`);
}

const row = (el: Element, consumerId: string) => $(el, `[data-consumer-id="${consumerId}"]`);

describe('<ics-validator-chains>', () => {
  let topN: ConsumerChain;
  let bonded: StakingValidator[];

  beforeEach(async () => {
    await cleanUp();
    const c = client();
    topN = (await c.consumerChains({ phase: 'launched' })).find((x) => x.kind === 'top-n')!;
    bonded = await c.validators();
  });
  after(cleanUp);

  it("lists a top validator's chains with power, share, commission and key, and passes axe", async () => {
    const c = client();
    const [member] = await c.consumerValidators(topN.consumerId);
    const el = chainsOf(member!.operatorAddress);
    await until(el, 'complete');
    const r = row(el, topN.consumerId)!;
    assert.include(r.textContent, 'Validating');
    assert.include(r.textContent, `#${topN.consumerId}`);
    assert.match(r.textContent!, /consumer power/);
    assert.match(r.textContent!, /\d+\.\d\d% of the chain's power/);
    assert.match(r.textContent!, /Commission \d/);
    assert.match(r.textContent!, /Consumer key assigned|No consumer key/);
    assert.include(shadowText(el), member!.description.moniker);
    assert.include(shadowText(el), 'Provider commission');
    // Every chain it has to validate is listed.
    for (const id of await c.consumerChainsOfValidator(member!.operatorAddress)) assert.isNotNull(row(el, id), `chain ${id}`);
    await noAxe(el);
  });

  it('accepts the consensus address too', async () => {
    const [member] = await client().consumerValidators(topN.consumerId);
    const el = chainsOf(member!.providerAddress);
    await until(el, 'complete');
    assert.isNotNull(row(el, topN.consumerId));
  });

  it('shows "active from next epoch" after an opt-in, and "validating" after the epoch ends', async () => {
    const c = client();
    const launched = await c.consumerChains({ phase: 'launched' });
    const optIn = launched.find((x) => x.kind === 'opt-in' && x.allowlist.length === 0 && x.minStake === 0n && x.validatorSetCap === 0)!;
    const opted = new Set(await c.optedInValidators(optIn.consumerId));
    const newcomer = bonded.find((v) => !opted.has(v.consensusAddress) && !optIn.denylist.includes(v.consensusAddress))!;
    await devnet.optIn(optIn.consumerId, newcomer.operatorAddress);
    const el = chainsOf(newcomer.operatorAddress);
    await until(el, 'complete');
    assert.isNotNull(row(el, optIn.consumerId), `a row for chain ${optIn.consumerId} in: ${shadowText(el)}`);
    assert.include(row(el, optIn.consumerId)!.textContent, 'Active from next epoch');
    assert.include(row(el, optIn.consumerId)!.textContent, 'Not in the set yet');
    await devnet.advanceToEpochEnd();
    el.retry();
    await until(el, 'complete');
    assert.include(row(el, optIn.consumerId)!.textContent, 'Validating');
  });

  it('projects a slotted action into its row', async () => {
    const [member] = await client().consumerValidators(topN.consumerId);
    const el = chainsOf(member!.operatorAddress, `<button slot="action-${topN.consumerId}">Opt out</button>`);
    await until(el, 'complete');
    const slot = row(el, topN.consumerId)!.querySelector<HTMLSlotElement>(`slot[name="action-${topN.consumerId}"]`)!;
    assert.deepEqual(
      slot.assignedElements().map((e) => e.textContent),
      ['Opt out'],
    );
    await noAxe(el);
  });

  it('is empty, in words, for a validator on no consumer chain', async () => {
    // The newcomer test operator (rank 173, below chain 0's Top-N cut at rank 133) is opted in
    // nowhere and in no consumer set (devnet/test-keys.ts); the devnet agrees.
    const newcomer = testOperator('newcomer').operator;
    const c = client();
    assert.deepEqual(await c.consumerChainsOfValidator(newcomer), []);
    const el = chainsOf(newcomer);
    await untilStateSays(el, 'empty', /validates no consumer chain/);
    await noAxe(el);
  });

  it('names a bad checksum, a foreign prefix and an account address, once each', async () => {
    let el!: IcsValidatorChains;
    const warnings = await captureWarnings(async () => {
      el = chainsOf(BAD_CHECKSUM_VALOPER);
      await namesChecksumThenPrefix(el, bonded[0]!.operatorAddress);
      el.validator = (await client().resolveValidator(bonded[0]!.operatorAddress)).accountAddress;
      await el.updateComplete;
      assert.match(shadowText(el), /is an account address/);
      el.requestUpdate();
      await el.updateComplete;
    });
    assert.lengthOf(warnings, 3);
    for (const w of warnings) assert.match(w, /<ics-validator-chains> attribute "validator"/);
    await noAxe(el);
  });

  it('shows an unknown validator as an error in words, and injected failures with Retry', async () => {
    const unknown = encodeAddress('cosmosvaloper', new Uint8Array(20).fill(7));
    const stranger = chainsOf(unknown);
    await untilStateSays(stranger, 'error', /No validator/);
    await devnet.faults({ mode: 'error', status: 500, pathPrefix: '/interchain_security/ccv/provider/consumer_chains_per_validator' });
    await recoversFromHttpError(chainsOf(bonded[0]!.operatorAddress), 500);
  });

  it('says so when the provider has no ICS module, and passes axe in dark theme while loading', async () => {
    await devnet.faults({ latencyMs: 400 });
    const loading = mount<IcsValidatorChains>(
      `<ics-validator-chains theme="dark" rest="${REST}" validator="${bonded[0]!.operatorAddress}"></ics-validator-chains>`,
    );
    await loading.updateComplete;
    assert.isTrue(loading.matches(':state(loading)'));
    await noAxe(loading);
    // The loading element's reads finish (with ICS present) and are forgotten before the module
    // goes: otherwise the next element could join reads answered before and after the switch.
    await until(loading, 'complete');
    await cleanUp();
    const el = await saysIcsAbsent(() => chainsOf(bonded[0]!.operatorAddress));
    assert.equal($$(el, '.row').length, 0);
  });
});
