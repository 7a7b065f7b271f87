import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  capPowers,
  computeConsumerSet,
  cumulativeCurve,
  formatDec,
  legacyQuo,
  minPowerInTopN,
  nakamotoCoefficient,
  parseDec,
  shares,
  sortDescending,
  stakeShare,
  sumPowers,
} from '../../../src/power/index.js';
import { HAND_WORKED_VALIDATORS, shaping } from '../../helpers/power-validators.js';

// Totals stay below 10^15 so that LegacyDec rounding at 18 places never changes a comparison
// that the exact integer check below makes (see minPowerInTopN's property).
const power = fc.bigInt({ min: 1n, max: 10n ** 12n });
const powers = fc.array(power, { minLength: 1, maxLength: 300 });

describe('shares and the cumulative curve', () => {
  it('shares add up to 1 and keep input order', () => {
    fc.assert(
      fc.property(powers, (ps) => {
        const s = shares(ps);
        assert.equal(s.length, ps.length);
        assert.ok(Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-9);
        const largest = ps.indexOf(sortDescending(ps)[0]!);
        assert.equal(Math.max(...s), s[largest]);
      }),
    );
  });

  it('the cumulative curve rises monotonically to exactly 1', () => {
    fc.assert(
      fc.property(powers, (ps) => {
        const curve = cumulativeCurve(ps);
        for (let i = 1; i < curve.length; i++) {
          assert.ok(curve[i]!.cumulative >= curve[i - 1]!.cumulative);
          assert.ok(curve[i]!.power <= curve[i - 1]!.power);
        }
        assert.equal(curve.at(-1)!.cumulative, 1);
      }),
    );
  });

  it('an empty or all-zero set has zero shares', () => {
    assert.deepEqual(shares([]), []);
    assert.deepEqual(shares([0n, 0n]), [0, 0]);
    assert.deepEqual(cumulativeCurve([]), []);
  });
});

describe('totals and stake share', () => {
  it('total power is the sum, 0 for an empty set, exact past 2^53', () => {
    assert.equal(sumPowers([40n, 30n, 15n, 10n, 5n]), 100n);
    assert.equal(sumPowers([]), 0n);
    assert.equal(sumPowers([9_007_199_254_740_993n, 1n]), 9_007_199_254_740_994n);
  });

  it("a set's stake share is its tokens over the provider's bonded tokens", () => {
    // 40 + 30 + 5 of 300 ATOM bonded = 75 / 300 = 1/4.
    assert.equal(stakeShare([40_000_000n, 30_000_000n, 5_000_000n], 300_000_000n), 0.25);
    // One of three equal validators: 1/3 to 15 significant digits.
    assert.equal(stakeShare([1n], 3n), 0.333333333333333);
    assert.equal(stakeShare([7n], 7n), 1);
    assert.equal(stakeShare([], 300_000_000n), 0, 'an empty set');
    assert.equal(stakeShare([5n], 0n), 0, 'nothing bonded');
  });
});

describe('nakamotoCoefficient', () => {
  it('is the fewest validators holding strictly more than 1/3', () => {
    fc.assert(
      fc.property(powers, (ps) => {
        const k = nakamotoCoefficient(ps);
        const sorted = sortDescending(ps);
        const total = sumPowers(ps);
        const top = (n: number) => sumPowers(sorted.slice(0, n));
        assert.ok(top(k) * 3n > total, 'the top k halt the chain');
        assert.ok(top(k - 1) * 3n <= total, 'the top k-1 do not');
      }),
    );
  });

  it('worked by hand', () => {
    // total 100: 30 alone is not over 1/3; 30 + 20 = 50 is.
    assert.equal(nakamotoCoefficient([10n, 30n, 20n, 15n, 25n]), 2);
    // exactly 1/3 does not halt: 1 of 3 equal validators holds 1/3, two hold 2/3.
    assert.equal(nakamotoCoefficient([5n, 5n, 5n]), 2);
    assert.equal(nakamotoCoefficient([]), 0);
    // more than 2/3: 40 + 30 = 70 of 100 is over; 40 alone is not.
    assert.equal(nakamotoCoefficient([40n, 30n, 20n, 10n], 2n, 3n), 2);
    // exactly 2/3 is not more than 2/3: 2 + 2 of 6 needs the third.
    assert.equal(nakamotoCoefficient([2n, 2n, 2n], 2n, 3n), 3);
  });
});

describe('minPowerInTopN', () => {
  it('validators at or above the threshold hold at least N%, those above it less', () => {
    fc.assert(
      fc.property(powers, fc.integer({ min: 1, max: 100 }), (ps, n) => {
        const min = minPowerInTopN(ps, n)!;
        const total = sumPowers(ps);
        const atOrAbove = sumPowers(ps.filter((p) => p >= min));
        const above = sumPowers(ps.filter((p) => p > min));
        assert.ok(atOrAbove * 100n >= BigInt(n) * total);
        assert.ok(above * 100n < BigInt(n) * total);
        assert.ok(ps.includes(min));
      }),
    );
  });

  it('worked by hand (the module docs example and a Hub-like curve)', () => {
    // 5 validators, total 100. Top 95%: 40+30+15+10 = 95 reaches 95% exactly at power 10.
    assert.equal(minPowerInTopN([10n, 40n, 5n, 30n, 15n], 95), 10n);
    // Top 50%: 40 alone is 40%, 40+30 = 70% ≥ 50% at power 30.
    assert.equal(minPowerInTopN([10n, 40n, 5n, 30n, 15n], 50), 30n);
    // Top 100% needs everyone, down to the smallest.
    assert.equal(minPowerInTopN([10n, 40n, 5n, 30n, 15n], 100), 5n);
    assert.equal(minPowerInTopN([], 95), undefined);
    assert.throws(() => minPowerInTopN([1n], 0), RangeError);
    assert.throws(() => minPowerInTopN([1n], 101), RangeError);
  });

  it("compares in LegacyDec with banker's rounding, as the chain does", () => {
    // 2/3 = 0.666…667 at 18 places (rounded up), 1/3 = 0.333…333 (rounded down).
    assert.equal(legacyQuo(2n, 3n), 666_666_666_666_666_667n);
    assert.equal(legacyQuo(1n, 3n), 333_333_333_333_333_333n);
    // Exactly half a unit at the 19th place rounds to even.
    assert.equal(legacyQuo(1n, 2n * 10n ** 18n), 0n);
    assert.equal(legacyQuo(3n, 2n * 10n ** 18n), 2n);
    assert.equal(formatDec(parseDec('0.05')!), '0.050000000000000000');
    assert.equal(parseDec('abc'), undefined);
  });
});

describe('capPowers (validators_power_cap)', () => {
  const byPower = (ps: bigint[]) => ps.map((p, i) => ({ id: i, power: p }));

  it('keeps the sum, keeps the order and caps each at floor(sum × p / 100) when a solution exists', () => {
    fc.assert(
      fc.property(powers, fc.integer({ min: 1, max: 100 }), (ps, percent) => {
        const sum = sumPowers(ps);
        let maxPower = (sum * BigInt(percent)) / 100n;
        if (maxPower === 0n) maxPower = 1n;
        const capped = capPowers(byPower(ps), percent);
        assert.equal(capped.length, ps.length);
        for (const v of capped) assert.ok(v.power <= maxPower, `${v.power} > ${maxPower}`);
        // Order: a validator with more provider power never ends with less. Validators with equal
        // power may end one unit apart in either order: the integer division hands its remainder
        // to the later ones (the module's loop does the same, and its sort does not fix ties).
        for (let i = 1; i < capped.length; i++) {
          const [prev, cur] = [capped[i - 1]!, capped[i]!];
          const [was, is] = [ps[prev.id]!, ps[cur.id]!];
          if (was > is) assert.ok(cur.power <= prev.power, `order: ${prev.power} then ${cur.power}`);
          else assert.ok(cur.power - prev.power <= 1n && prev.power - cur.power <= 1n, `equal powers ${prev.power} and ${cur.power}`);
        }
        if (BigInt(ps.length) * maxPower >= sum) assert.equal(sumPowers(capped.map((v) => v.power)), sum);
        else
          assert.ok(
            capped.every((v) => v.power === maxPower),
            'no solution: everyone at the cap',
          );
      }),
    );
  });

  const handWorked = [
    {
      name: 'worked by hand: [60, 138, 559] at 35%',
      // sum 757, max floor(757 × 0.35) = 264. 559 gives up 295; 138 takes 126 to reach 264;
      // 60 takes the remaining 169.
      powers: [60n, 138n, 559n],
      percent: 35,
      capped: [
        [2, 264n],
        [1, 264n],
        [0, 229n],
      ],
    },
    {
      name: 'worked by hand: equal powers split the remainder ([9, 9, 63665580929] at 48%, found by fast-check)',
      // sum 63,665,580,947; cap floor(sum × 0.48) = 30,559,478,854. The large one gives up
      // 33,106,102,075: 16,553,051,037 to the first 9, then 16,553,051,038 to the second.
      powers: [9n, 9n, 63_665_580_929n],
      percent: 48,
      capped: [
        [2, 30_559_478_854n],
        [0, 16_553_051_046n],
        [1, 16_553_051_047n],
      ],
    },
  ];
  for (const c of handWorked) {
    it(c.name, () => {
      assert.deepEqual(
        capPowers(byPower(c.powers), c.percent).map((v) => [v.id, v.power]),
        c.capped,
      );
    });
  }

  it('worked by hand: 10 validators at 5% have no solution, so all sit at the cap', () => {
    const capped = capPowers(byPower([100n, 50n, 10n, 10n, 10n, 5n, 5n, 5n, 3n, 2n]), 5);
    // sum 200, cap floor(200 × 0.05) = 10
    assert.ok(capped.every((v) => v.power === 10n));
  });

  it('a cap of 0 changes nothing', () => {
    assert.deepEqual(
      capPowers(byPower([3n, 1n]), 0).map((v) => v.power),
      [3n, 1n],
    );
  });
});

describe('computeConsumerSet', () => {
  // Powers 40, 30, 15, 10, 5 (total 100) and an unbonded one.
  const validators = HAND_WORKED_VALIDATORS;
  const addresses = (r: { members: { consensusAddress: string }[] }) => r.members.map((m) => m.consensusAddress);

  it('Top-N 95 opts in the top validators and adds voluntary ones', () => {
    const result = computeConsumerSet({
      validators,
      shaping: shaping({ topN: 95 }),
      optedIn: new Set(['valcons5']),
      maxProviderConsensusValidators: 180,
    });
    assert.equal(result.minPowerInTopN, 10n);
    assert.deepEqual(result.autoOptedIn, ['valcons1', 'valcons2', 'valcons3', 'valcons4']);
    assert.deepEqual(addresses(result), ['valcons1', 'valcons2', 'valcons3', 'valcons4', 'valcons5']);
    assert.equal(result.excluded.get('valcons6'), 'not-bonded');
  });

  it('only the active set unless inactive validators are allowed', () => {
    const input = { validators, optedIn: new Set(['valcons1', 'valcons5']), maxProviderConsensusValidators: 4 };
    assert.deepEqual(addresses(computeConsumerSet({ ...input, shaping: shaping() })), ['valcons1']);
    assert.equal(computeConsumerSet({ ...input, shaping: shaping() }).excluded.get('valcons5'), 'inactive');
    assert.deepEqual(addresses(computeConsumerSet({ ...input, shaping: shaping({ allowInactiveVals: true }) })), ['valcons1', 'valcons5']);
  });

  it('allowlist, denylist (which wins) and min stake', () => {
    const optedIn = new Set(['valcons1', 'valcons2', 'valcons3', 'valcons4']);
    const result = computeConsumerSet({
      validators,
      shaping: shaping({ allowlist: ['valcons1', 'valcons2', 'valcons4'], denylist: ['valcons2'], minStake: 12_000_000n }),
      optedIn,
      maxProviderConsensusValidators: 180,
    });
    assert.deepEqual(addresses(result), ['valcons1']);
    assert.equal(result.excluded.get('valcons2'), 'denylisted');
    assert.equal(result.excluded.get('valcons3'), 'not-allowlisted');
    assert.equal(result.excluded.get('valcons4'), 'below-min-stake');
  });

  it('priority list fills a capped set first, then the power cap applies', () => {
    const result = computeConsumerSet({
      validators,
      shaping: shaping({ validatorSetCap: 2, prioritylist: ['valcons4'], validatorsPowerCap: 60 }),
      optedIn: new Set(['valcons1', 'valcons2', 'valcons4']),
      maxProviderConsensusValidators: 180,
    });
    // valcons4 (10) first, then valcons1 (40); valcons2 is cut by the cap of 2.
    // Power cap 60% of 50 = 30: 40 → 30, 10 gets the 10 given up → 20.
    assert.deepEqual(
      result.members.map((m) => [m.consensusAddress, m.power]),
      [
        ['valcons1', 30n],
        ['valcons4', 20n],
      ],
    );
    assert.equal(result.excluded.get('valcons2'), 'set-cap');
  });

  it('the set cap is ignored on Top-N chains', () => {
    const result = computeConsumerSet({
      validators,
      shaping: shaping({ topN: 100, validatorSetCap: 1 }),
      optedIn: new Set(),
      maxProviderConsensusValidators: 180,
    });
    assert.equal(result.members.length, 5);
  });
});
