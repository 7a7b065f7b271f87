// The chain rules module: what a consumer id is, which phases are active, consensus power, where a
// validator stands and who may opt out, as the provider module reads them (hand-written cases,
// not the code's own output).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as rules from '../../../src/ics/rules.js';
import { CONSUMER_PHASES } from '../../../src/index.js';
import { whyLeftOut } from '../../../src/power/index.js';
import type { ConsumerPhase, PowerShaping, StandingFacts, ValidatorStanding } from '../../../src/index.js';
import type { ConsumerSetInput } from '../../../src/power/index.js';
import { HAND_WORKED_VALIDATORS, shaping } from '../../helpers/power-validators.js';

describe('chain rules', () => {
  it('a consumer id is a uint64 in decimal: read as ParseUint(id, 10, 64) reads it', () => {
    assert.equal(rules.parseConsumerId('0'), '0');
    assert.equal(rules.parseConsumerId(' 4 '), '4');
    assert.equal(rules.parseConsumerId('007'), '7');
    assert.equal(rules.parseConsumerId('000000000000000000001'), '1', 'leading zeros, past 20 digits');
    assert.equal(rules.parseConsumerId('18446744073709551615'), '18446744073709551615', '2^64 - 1 is the largest');
    for (const bad of ['18446744073709551616', '99999999999999999999', '', ' ', '-1', '+1', '1.0', '1e3', '0x1', 'four', '４', '1 2']) {
      assert.equal(rules.parseConsumerId(bad), undefined, JSON.stringify(bad));
    }
  });

  it('registered, initialized and launched chains are active; stopped and deleted are not', () => {
    assert.deepEqual(rules.ACTIVE_PHASES, ['registered', 'initialized', 'launched']);
    assert.deepEqual(
      CONSUMER_PHASES.filter((phase) => rules.isActivePhase(phase)),
      ['registered', 'initialized', 'launched'],
    );
    assert.equal(rules.isActivePhase('stopped'), false);
    assert.equal(rules.isActivePhase('deleted'), false);
  });
});

describe('consensus power', () => {
  it('is tokens / 10^6 by default, the remainder dropped (TokensToConsensusPower)', () => {
    assert.equal(rules.DEFAULT_POWER_REDUCTION, 1_000_000n);
    assert.equal(rules.tokensToConsensusPower(0n), 0n);
    assert.equal(rules.tokensToConsensusPower(999_999n), 0n, 'just under one unit');
    assert.equal(rules.tokensToConsensusPower(1_000_000n), 1n);
    assert.equal(rules.tokensToConsensusPower(2_999_999n), 2n, 'truncated, not rounded');
    assert.equal(rules.tokensToConsensusPower(12_345_678_901n), 12_345n);
    // 2^64 uatom: beyond a double's exact range, still exact.
    assert.equal(rules.tokensToConsensusPower(18_446_744_073_709_551_616n), 18_446_744_073_709n);
  });

  it('takes another power reduction when a chain has one (10^18 base units per unit)', () => {
    assert.equal(rules.tokensToConsensusPower(5_500_000_000_000_000_000n, 10n ** 18n), 5n);
    assert.equal(rules.tokensToConsensusPower(999_999n, 1n), 999_999n);
  });

  it('is 0 for a validator that is not bonded, whatever its tokens', () => {
    assert.equal(rules.consensusPower(40_000_000n, true), 40n);
    assert.equal(rules.consensusPower(40_000_000n, false), 0n);
    assert.equal(rules.consensusPower(1_500_000n, true), 1n);
    assert.equal(rules.consensusPower(3n * 10n ** 18n, true, 10n ** 18n), 3n);
    assert.equal(rules.consensusPower(3n * 10n ** 18n, false, 10n ** 18n), 0n);
  });
});

describe('where a validator stands on a chain', () => {
  const standing = (inSet: boolean, optedIn: boolean, hasToValidate: boolean): ValidatorStanding =>
    rules.validatorStanding({ inSet, optedIn, hasToValidate } satisfies StandingFacts);

  it('in the set: whatever the rest says (an opt-out waits for the epoch end)', () => {
    assert.equal(standing(true, true, true), 'in-set');
    assert.equal(standing(true, false, true), 'in-set', 'opted out this epoch');
    assert.equal(standing(true, false, false), 'in-set');
  });

  it('opted in and taken by the set the epoch end computes: from the next epoch', () => {
    assert.equal(standing(false, true, true), 'next-epoch');
  });

  it('not opted in, but the Top-N rule makes it validate: must validate', () => {
    assert.equal(standing(false, false, true), 'must-validate');
  });

  it('opted in and not taken: left out', () => {
    assert.equal(standing(false, true, false), 'left-out');
  });

  it('none of these: not opted in', () => {
    assert.equal(standing(false, false, false), 'not-opted-in');
  });
});

describe('why an opted-in validator is left out', () => {
  // Powers 40, 30, 15, 10, 5 and valcons6 jailed (not bonded) with the most tokens; the provider's
  // active set the first 4 by tokens.
  const everyone = new Set(['valcons1', 'valcons2', 'valcons3', 'valcons4', 'valcons5', 'valcons6']);
  const input = (over: Partial<PowerShaping> = {}, optedIn: ReadonlySet<string> = everyone): ConsumerSetInput => ({
    validators: HAND_WORKED_VALIDATORS,
    shaping: shaping(over),
    optedIn,
    maxProviderConsensusValidators: 4,
  });

  it('not bonded on the provider (jailed, or outside staking max validators)', () => {
    assert.equal(whyLeftOut(input(), 'valcons6'), 'not-bonded');
  });

  it('bonded but outside the provider active set (max_provider_consensus_validators), unless inactive validators are allowed', () => {
    assert.equal(whyLeftOut(input(), 'valcons5'), 'inactive');
    assert.equal(whyLeftOut(input({ allowInactiveVals: true }), 'valcons5'), undefined);
  });

  it('allowlist, denylist and minimum stake', () => {
    assert.equal(whyLeftOut(input({ allowlist: ['valcons1', 'valcons2'] }), 'valcons3'), 'not-allowlisted');
    assert.equal(whyLeftOut(input({ allowlist: ['valcons1', 'valcons2'] }), 'valcons2'), undefined);
    assert.equal(whyLeftOut(input({ denylist: ['valcons2'] }), 'valcons2'), 'denylisted');
    // 15 ATOM is below a 20 ATOM minimum; 30 ATOM is not.
    assert.equal(whyLeftOut(input({ minStake: 20_000_000n }), 'valcons3'), 'below-min-stake');
    assert.equal(whyLeftOut(input({ minStake: 20_000_000n }), 'valcons2'), undefined);
  });

  it('past the set cap: the smallest go first', () => {
    // Four active and opted in, a cap of 2: powers 40 and 30 stay, 15 and 10 are cut.
    assert.equal(whyLeftOut(input({ validatorSetCap: 2 }), 'valcons3'), 'set-cap');
    assert.equal(whyLeftOut(input({ validatorSetCap: 2 }), 'valcons4'), 'set-cap');
    assert.equal(whyLeftOut(input({ validatorSetCap: 2 }), 'valcons2'), undefined);
  });

  it('no reason for one that is not opted in, or that the set takes', () => {
    assert.equal(whyLeftOut(input({}, new Set(['valcons1'])), 'valcons2'), undefined);
    assert.equal(whyLeftOut(input(), 'valcons1'), undefined);
  });
});

describe('the Top-N rule and opting out', () => {
  const chain = (phase: ConsumerPhase, minPowerInTopN: bigint | undefined) => ({ phase, minPowerInTopN });

  it('in the top N: power at or above the threshold; an opt-in chain has none', () => {
    assert.equal(rules.isInTopN(30n, 30n), true, 'at the threshold');
    assert.equal(rules.isInTopN(30n, 31n), true);
    assert.equal(rules.isInTopN(30n, 29n), false);
    assert.equal(rules.isInTopN(0n, 0n), true, 'a threshold of 0 takes everyone');
    assert.equal(rules.isInTopN(undefined, 1_000n), false);
  });

  it('a launched opt-in chain lets any validator opt out', () => {
    assert.equal(rules.optOutRefusal(chain('launched', undefined), 1_000n), undefined);
    assert.equal(rules.canOptOut(chain('launched', undefined), 1_000n), true);
  });

  it('no opt-out before launch or after a stop, on any chain', () => {
    for (const phase of ['registered', 'initialized', 'stopped', 'deleted'] as const) {
      assert.equal(rules.optOutRefusal(chain(phase, undefined), 5n), 'not-launched', phase);
      assert.equal(rules.optOutRefusal(chain(phase, 30n), 5n), 'not-launched', phase);
      assert.equal(rules.canOptOut(chain(phase, undefined), 5n), false, phase);
    }
  });

  it('a launched Top-N chain refuses a validator at or above the threshold, lets one below go', () => {
    assert.equal(rules.optOutRefusal(chain('launched', 30n), 30n), 'top-n');
    assert.equal(rules.optOutRefusal(chain('launched', 30n), 40n), 'top-n');
    assert.equal(rules.canOptOut(chain('launched', 30n), 30n), false);
    assert.equal(rules.optOutRefusal(chain('launched', 30n), 29n), undefined);
    assert.equal(rules.canOptOut(chain('launched', 30n), 29n), true);
  });

  it('an unbonded validator has power 0, so only a threshold of 0 keeps it in', () => {
    const power = rules.consensusPower(40_000_000n, false);
    assert.equal(rules.canOptOut(chain('launched', 30n), power), true);
    assert.equal(rules.canOptOut(chain('launched', 0n), power), false);
  });
});
