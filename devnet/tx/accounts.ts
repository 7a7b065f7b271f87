/**
 * Bank and auth state of the devnet: accounts with a number, a sequence, the public key once
 * they have signed, and one balance in the staking denom (fees are the only thing that moves
 * tokens here). Accounts are created at genesis from the scenario's `accounts`.
 */
export interface AccountState {
  address: string;
  accountNumber: bigint;
  sequence: bigint;
  /** Compressed secp256k1 key, set by the first transaction the account signs (as x/auth does). */
  pubkey: Uint8Array | undefined;
  /** Spendable balance in the staking denom. */
  balance: bigint;
}

/**
 * x/auth numbers genesis module and validator accounts first; the scenario's accounts follow
 * them, so the numbers look like a real chain's and are never 0 (cosmjs treats 0 as valid, but a
 * test that signs for account 0 by mistake should fail).
 */
const FIRST_ACCOUNT_NUMBER = 10n;

export function genesisAccounts(accounts: ReadonlyArray<{ address: string; balance: bigint }>): Map<string, AccountState> {
  return new Map(
    accounts.map((a, i) => [
      a.address,
      { address: a.address, accountNumber: FIRST_ACCOUNT_NUMBER + BigInt(i), sequence: 0n, pubkey: undefined, balance: a.balance },
    ]),
  );
}

export function cloneAccounts(accounts: ReadonlyMap<string, AccountState>): Map<string, AccountState> {
  return new Map([...accounts].map(([address, a]) => [address, { ...a }]));
}
