/**
 * TEST ONLY. Mnemonics of the devnet's test operators: publicly known keys, so anyone can sign
 * for these validators on a devnet. Never fund them on a real chain.
 *
 * Each operator's address is derived from its mnemonic's account key at m/44'/118'/0'/0/0 (the
 * Cosmos Hub path): the account (`cosmos1…`) and the operator (`cosmosvaloper1…`) share those 20
 * bytes. The default scenario names these operator addresses and funds the accounts; a test
 * derives them again from the mnemonics, so the literals below cannot drift.
 */

export type TestOperatorRole = 'top' | 'newcomer' | 'opted' | 'outsider';

export interface TestOperator {
  role: TestOperatorRole;
  /** What the default scenario makes of it. */
  description: string;
  mnemonic: string;
  /** Derived account address. */
  account: string;
  /** Derived operator address; '' for the outsider, which is no validator. */
  operator: string;
  /** Its index in the default scenario's validator list (-1 for the outsider). */
  index: number;
}

export const TEST_OPERATORS: readonly TestOperator[] = [
  {
    role: 'top',
    description: 'Rank 7 by stake: in the top set of Top-N chain 0 (neutron-1), so its opt-out there is refused.',
    mnemonic:
      'video armor universe inject smoke pause disagree tobacco edit essay genius someone insane spring scrap bone rough lumber knock true awkward ability forget claw',
    account: 'cosmos1f6t7l8dzprdjy7u5u4h2c6sh23fjd5tvw0zy0n',
    operator: 'cosmosvaloper1f6t7l8dzprdjy7u5u4h2c6sh23fjd5tvtmk3rq',
    index: 6,
  },
  {
    role: 'newcomer',
    description: 'Rank 173: active but below the Top-N threshold, opted in nowhere, so it can opt in (e.g. to chain 4).',
    mnemonic:
      'transfer solve rail flip guard dismiss treat found animal purity letter car syrup laundry marine ball icon august void drift joke dog just agree',
    account: 'cosmos1gsesnectmuulzxmx3rwrjse0kah8wrtmwcfun5',
    operator: 'cosmosvaloper1gsesnectmuulzxmx3rwrjse0kah8wrtmtvafl8',
    index: 172,
  },
  {
    role: 'opted',
    description: 'Rank 162: opted in to the opt-in chain 4 (dungeon-1), so it can opt out of it.',
    mnemonic:
      'tongue day invite similar few throw coin frog sibling reunion act cute tree aisle chat fiscal poverty device own prepare misery gadget cook confirm',
    account: 'cosmos1aw0vd0kjsn2y0stevkfw9yz9yqfh7ns02wk6m3',
    operator: 'cosmosvaloper1aw0vd0kjsn2y0stevkfw9yz9yqfh7ns006z0hz',
    index: 161,
  },
  {
    role: 'outsider',
    description: 'A funded account that is no validator: signing as it for a validator is refused (wrong signer).',
    mnemonic:
      'bitter please estate illegal finger bronze mobile sport endorse humble dress stairs segment fog license patrol tornado arctic render east east item defy donor',
    account: 'cosmos18a8syh0jmumphjrctec7482hgc763lhxxwvt8n',
    operator: '',
    index: -1,
  },
];

export function testOperator(role: TestOperatorRole): TestOperator {
  return TEST_OPERATORS.find((o) => o.role === role)!;
}
