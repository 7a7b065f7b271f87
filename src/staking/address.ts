/**
 * Validator identities: operator (`cosmosvaloper1…`), account (`cosmos1…`) and consensus
 * (`cosmosvalcons1…`) addresses. Operator and account share their 20 bytes; the consensus
 * address is sha256 of the ed25519 consensus key, first 20 bytes (ics-protocol.md §5).
 * The bech32 codec and the prefixes are src/chain/bech32.ts (the chain settings need them).
 *
 * The synchronous consensus address takes sha256 from @noble/hashes (Node and tools: the devnet);
 * the read path uses the platform's WebCrypto instead (src/chain/consensus.ts).
 */
import { ed25519Key } from '../chain/consensus.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { IcsError, shortenForMessage } from '../chain/errors.js';
import { decodeAddress, encodeAddress } from '../chain/bech32.js';
import type { Bech32Prefixes } from '../chain/bech32.js';

export type AddressKind = 'account' | 'validator' | 'consensus';

/** Which of the chain's three kinds an address is; throws for a foreign prefix or bad checksum. */
export function addressKind(address: string, prefixes: Bech32Prefixes): AddressKind {
  const { prefix, bytes } = decodeAddress(address);
  if (bytes.length !== 20 && bytes.length !== 32) {
    throw new IcsError('invalid-input', `"${shortenForMessage(address)}" has ${bytes.length} bytes; an address has 20 or 32.`);
  }
  if (prefix === prefixes.validator) return 'validator';
  if (prefix === prefixes.consensus) return 'consensus';
  if (prefix === prefixes.account) return 'account';
  throw new IcsError(
    'invalid-input',
    `"${shortenForMessage(address)}" has the prefix "${prefix}"; this chain uses "${prefixes.validator}" for validators, ` +
      `"${prefixes.consensus}" for consensus addresses and "${prefixes.account}" for accounts.`,
  );
}

function convert(address: string, from: string, to: string): string {
  const { prefix, bytes } = decodeAddress(address);
  if (prefix !== from) {
    throw new IcsError('invalid-input', `Expected a "${from}1…" address, got "${shortenForMessage(address)}".`);
  }
  return encodeAddress(to, bytes);
}

/** `cosmosvaloper1…` → `cosmos1…` (the account that signs for the validator). */
export function validatorToAccount(valoper: string, prefixes: Bech32Prefixes): string {
  return convert(valoper, prefixes.validator, prefixes.account);
}

/** `cosmos1…` → `cosmosvaloper1…`. */
export function accountToValidator(account: string, prefixes: Bech32Prefixes): string {
  return convert(account, prefixes.account, prefixes.validator);
}

/** Consensus address of an ed25519 consensus key given as base64 (32 bytes). Synchronous; Node and tools. */
export function consensusAddressFromEd25519(keyBase64: string, prefixes: Bech32Prefixes): string {
  return encodeAddress(prefixes.consensus, sha256(ed25519Key(keyBase64)).slice(0, 20));
}

// The consensus address on the read path and base64 are chain-level (CometBFT, gateway) facts that
// the chain context needs: src/chain. Re-exported here for the devnet and the signing checks.
export { consensusAddressOfKey } from '../chain/consensus.js';
export { decodeBase64, encodeBase64 } from '../chain/base64.js';
