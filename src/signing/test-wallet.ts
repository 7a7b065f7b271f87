/**
 * TEST ONLY. A `window.keplr`-shaped wallet around cosmjs's `DirectSecp256k1HdWallet` and
 * `Secp256k1HdWallet`, with real keys from mnemonics, for tests and the devnet demo. It holds
 * the mnemonics in memory and signs without asking anyone: never use it with real funds.
 *
 * Strict about chains, as Keplr is: `enable` refuses a chain it does not know with Keplr's
 * "There is no chain info for …" until `experimentalSuggestChain` was called with a chain info
 * Keplr would accept (checked field by field against Keplr's required fields) and "approved"
 * (`declineSuggestion` declines it instead). It knows `knownChains` up front (default: the
 * devnet's default chain, `provider-devnet-1`). On a suggested chain it shows and signs with
 * addresses of that chain's bech32 prefix.
 *
 * Exported as `ics-elements/test-wallet`, never from the main entry.
 */
import { Secp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/amino';
import type { AccountData, AminoSignResponse, OfflineAminoSigner, StdSignDoc } from '@cosmjs/amino';
import { fromBech32 } from '@cosmjs/encoding';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import type { DirectSignResponse, OfflineDirectSigner } from '@cosmjs/proto-signing';
import type { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';

export interface TestAccountInput {
  mnemonic: string;
  /** Shown as the key's name (default "test account N"). */
  name?: string;
  /** BIP-44 account index on the Cosmos Hub path m/44'/118'/0'/0/N (default 0). */
  hdIndex?: number;
}

export interface TestWalletOptions {
  accounts: readonly TestAccountInput[];
  /** Bech32 account prefix on the chains known up front (default "cosmos"). */
  prefix?: string;
  /** Chain ids the wallet knows without a suggestion (default `['provider-devnet-1']`; `[]`: none). */
  knownChains?: readonly string[];
  /** Where `keplr_keystorechange` is dispatched on `switchAccount` (default: the global `window`). */
  eventTarget?: { dispatchEvent(event: Event): boolean } | undefined;
}

interface TestAccount {
  name: string;
  direct: DirectSecp256k1HdWallet;
  amino: Secp256k1HdWallet;
  data: AccountData;
}

interface TestAccountSource {
  name: string;
  mnemonic: string;
  hdIndex: number;
  /** The account's keys with each prefix, made when first asked for. */
  byPrefix: Map<string, Promise<TestAccount>>;
}

/** The chain id the devnet's default scenario uses. */
export const DEVNET_DEFAULT_CHAIN_ID = 'provider-devnet-1';

/** The error Keplr's `enable` throws for a chain it has no chain info for. */
export function unknownChainMessage(chainId: string): string {
  return `There is no chain info for ${chainId}`;
}

/** What Keplr's `getKey` returns (the fields apps read). */
export interface TestKey {
  name: string;
  algo: 'secp256k1';
  pubKey: Uint8Array;
  address: Uint8Array;
  bech32Address: string;
  isNanoLedger: boolean;
  isKeystone: boolean;
}

/** The error Keplr throws when the person declines. */
export const KEPLR_REJECTION_MESSAGE = 'Request rejected';

/** TEST ONLY: a Keplr look-alike with real keys. See the module comment. */
export class TestWallet {
  /** Decline every signature request with Keplr's "Request rejected". */
  reject = false;
  /** Decline `enable` (the connect prompt) with Keplr's "Request rejected". */
  rejectConnect = false;
  /** Decline `experimentalSuggestChain` (the person says no in the approval window). */
  declineSuggestion = false;
  /** Pretend the account is on a Ledger: apps must then sign amino. */
  isNanoLedger = false;
  /** Method names in call order, so tests can see what an app asked for. */
  readonly calls: string[] = [];
  readonly enabledChains = new Set<string>();
  /** The chains the wallet knows, with the account prefix it uses on each. */
  readonly knownChains = new Map<string, string>();
  /** Every chain info suggested to the wallet (approved, declined or refused), in order. */
  readonly suggestions: unknown[] = [];
  private current = 0;

  private constructor(
    private readonly sources: readonly TestAccountSource[],
    private readonly eventTarget: TestWalletOptions['eventTarget'],
  ) {}

  static async create(options: TestWalletOptions): Promise<TestWallet> {
    if (options.accounts.length === 0) throw new Error('A test wallet needs at least one account.');
    const prefix = options.prefix ?? 'cosmos';
    const sources = options.accounts.map((input, i) => ({
      name: input.name ?? `test account ${i + 1}`,
      mnemonic: input.mnemonic,
      hdIndex: input.hdIndex ?? 0,
      byPrefix: new Map<string, Promise<TestAccount>>(),
    }));
    const wallet = new TestWallet(sources, options.eventTarget);
    for (const id of options.knownChains ?? [DEVNET_DEFAULT_CHAIN_ID]) wallet.knownChains.set(id, prefix);
    wallet.defaultPrefix = prefix;
    // Keys for the default prefix now: `address` is synchronous.
    await Promise.all(sources.map((source) => wallet.keysOf(source, prefix)));
    return wallet;
  }

  private defaultPrefix = 'cosmos';
  private readonly ready = new Map<string, TestAccount>();

  /** The current account's address (with the prefix of the chains known up front). */
  get address(): string {
    return this.ready.get(`${this.current}/${this.defaultPrefix}`)!.data.address;
  }

  /** Selects another account and fires `keplr_keystorechange`, as Keplr does on a switch. */
  switchAccount(index: number): void {
    if (!this.sources[index]) throw new Error(`No test account ${index}.`);
    this.current = index;
    const target = this.eventTarget ?? (globalThis as { window?: { dispatchEvent?(event: Event): boolean } }).window;
    target?.dispatchEvent?.(new Event('keplr_keystorechange'));
  }

  /** Sets `target.keplr` to this wallet (e.g. a page's `window` in the demo). */
  install(target: { keplr?: unknown }): this {
    target.keplr = this;
    return this;
  }

  async enable(chainIds: string | string[]): Promise<void> {
    this.calls.push('enable');
    const ids = typeof chainIds === 'string' ? [chainIds] : chainIds;
    // Keplr looks the chain up before it asks the person anything.
    for (const id of ids) if (!this.knownChains.has(id)) throw new Error(unknownChainMessage(id));
    if (this.rejectConnect) throw new Error(KEPLR_REJECTION_MESSAGE);
    for (const id of ids) this.enabledChains.add(id);
  }

  /**
   * Keplr's `experimentalSuggestChain`: refuses a chain info Keplr would refuse (naming the
   * field), else "asks the person" (`declineSuggestion`), then knows the chain.
   */
  async experimentalSuggestChain(chainInfo: unknown): Promise<void> {
    this.calls.push('experimentalSuggestChain');
    this.suggestions.push(chainInfo);
    const problem = keplrChainInfoProblem(chainInfo);
    if (problem) throw new Error(problem);
    if (this.declineSuggestion) throw new Error(KEPLR_REJECTION_MESSAGE);
    const info = chainInfo as { chainId: string; bech32Config: { bech32PrefixAccAddr: string } };
    this.knownChains.set(info.chainId, info.bech32Config.bech32PrefixAccAddr);
  }

  async getKey(chainId: string): Promise<TestKey> {
    this.calls.push('getKey');
    const { name, data } = await this.accountFor(chainId);
    return {
      name,
      algo: 'secp256k1',
      pubKey: data.pubkey,
      address: addressBytes(data),
      bech32Address: data.address,
      isNanoLedger: this.isNanoLedger,
      isKeystone: false,
    };
  }

  /** Direct and amino, like Keplr's (Keplr's signs direct even for a Ledger; apps must check). */
  getOfflineSigner(chainId: string): OfflineDirectSigner & OfflineAminoSigner {
    this.calls.push('getOfflineSigner');
    return {
      getAccounts: async () => [(await this.accountFor(chainId)).data],
      signDirect: (signer, doc) => this.signDirect(chainId, signer, doc),
      signAmino: (signer, doc) => this.signAmino(chainId, signer, doc),
    };
  }

  getOfflineSignerOnlyAmino(chainId: string): OfflineAminoSigner {
    this.calls.push('getOfflineSignerOnlyAmino');
    return {
      getAccounts: async () => [(await this.accountFor(chainId)).data],
      signAmino: (signer, doc) => this.signAmino(chainId, signer, doc),
    };
  }

  async getOfflineSignerAuto(chainId: string): Promise<OfflineAminoSigner | (OfflineDirectSigner & OfflineAminoSigner)> {
    this.calls.push('getOfflineSignerAuto');
    return this.isNanoLedger ? this.getOfflineSignerOnlyAmino(chainId) : this.getOfflineSigner(chainId);
  }

  async signDirect(chainId: string, signer: string, signDoc: SignDoc): Promise<DirectSignResponse> {
    this.calls.push('signDirect');
    const account = await this.signingAccount(chainId, signer);
    if (this.isNanoLedger) throw new Error('Ledger accounts cannot sign direct (protobuf) sign docs; use amino.');
    return account.direct.signDirect(signer, signDoc);
  }

  async signAmino(chainId: string, signer: string, signDoc: StdSignDoc): Promise<AminoSignResponse> {
    this.calls.push('signAmino');
    return (await this.signingAccount(chainId, signer)).amino.signAmino(signer, signDoc);
  }

  private async keysOf(source: TestAccountSource, prefix: string): Promise<TestAccount> {
    let keys = source.byPrefix.get(prefix);
    if (!keys) {
      keys = (async () => {
        const hdPaths = [makeCosmoshubPath(source.hdIndex)];
        const direct = await DirectSecp256k1HdWallet.fromMnemonic(source.mnemonic, { prefix, hdPaths });
        const amino = await Secp256k1HdWallet.fromMnemonic(source.mnemonic, { prefix, hdPaths });
        const [data] = await direct.getAccounts();
        const account = { name: source.name, direct, amino, data: data! };
        this.ready.set(`${this.sources.indexOf(source)}/${prefix}`, account);
        return account;
      })();
      source.byPrefix.set(prefix, keys);
    }
    return keys;
  }

  private async accountFor(chainId: string): Promise<TestAccount> {
    this.assertEnabled(chainId);
    return this.keysOf(this.sources[this.current]!, this.knownChains.get(chainId)!);
  }

  private async signingAccount(chainId: string, signer: string): Promise<TestAccount> {
    const account = await this.accountFor(chainId);
    if (this.reject) throw new Error(KEPLR_REJECTION_MESSAGE);
    if (signer !== account.data.address) throw new Error(`Signer address does not match: ${signer} is not the current account.`);
    return account;
  }

  private assertEnabled(chainId: string): void {
    if (!this.knownChains.has(chainId)) throw new Error(unknownChainMessage(chainId));
    if (!this.enabledChains.has(chainId)) throw new Error(`${chainId} is not enabled; call enable("${chainId}") first.`);
  }
}

/**
 * Keplr's own checks of a suggested chain info (its ChainInfo schema, @keplr-wallet/types), field
 * by field, written here apart from the core's `checkChainInfo` so that each tests the other: the
 * message Keplr's validation gives, or undefined when it would accept the chain.
 */
export function keplrChainInfoProblem(value: unknown): string | undefined {
  const invalid = (field: string, why: string) => `"${field}" ${why}`;
  if (typeof value !== 'object' || value === null) return invalid('value', 'must be of type object');
  const info = value as Record<string, unknown>;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0;
  const uri = (v: unknown) => str(v) && /^https?:\/\/[^\s/]+/.test(v as string);
  for (const field of ['chainId', 'chainName'] as const) if (!str(info[field])) return invalid(field, 'is required');
  for (const field of ['rpc', 'rest'] as const) if (!uri(info[field])) return invalid(field, 'must be a valid uri');
  const bip44 = info.bip44 as Record<string, unknown> | undefined;
  if (typeof bip44 !== 'object' || bip44 === null) return invalid('bip44', 'is required');
  if (!Number.isInteger(bip44.coinType)) return invalid('bip44.coinType', 'must be an integer');
  const bech32 = info.bech32Config as Record<string, unknown> | undefined;
  if (typeof bech32 !== 'object' || bech32 === null) return invalid('bech32Config', 'is required');
  for (const field of [
    'bech32PrefixAccAddr',
    'bech32PrefixAccPub',
    'bech32PrefixValAddr',
    'bech32PrefixValPub',
    'bech32PrefixConsAddr',
    'bech32PrefixConsPub',
  ]) {
    if (!str(bech32[field])) return invalid(`bech32Config.${field}`, 'is required');
  }
  const currency = (v: unknown, path: string): string | undefined => {
    if (typeof v !== 'object' || v === null) return invalid(path, 'must be of type object');
    const c = v as Record<string, unknown>;
    if (!str(c.coinDenom)) return invalid(`${path}.coinDenom`, 'is required');
    if (!str(c.coinMinimalDenom)) return invalid(`${path}.coinMinimalDenom`, 'is required');
    if (!Number.isInteger(c.coinDecimals) || (c.coinDecimals as number) < 0 || (c.coinDecimals as number) > 18) {
      return invalid(`${path}.coinDecimals`, 'must be an integer from 0 to 18');
    }
    return undefined;
  };
  for (const list of ['currencies', 'feeCurrencies'] as const) {
    const items = info[list];
    if (!Array.isArray(items) || items.length === 0) return invalid(list, 'must contain at least 1 items');
    for (const [i, item] of items.entries()) {
      const problem = currency(item, `${list}[${i}]`);
      if (problem) return problem;
    }
  }
  for (const [i, item] of (info.feeCurrencies as Array<Record<string, unknown>>).entries()) {
    const step = item.gasPriceStep as Record<string, unknown> | undefined;
    if (step === undefined) continue;
    const { low, average, high } = step;
    if (![low, average, high].every((n) => typeof n === 'number'))
      return invalid(`feeCurrencies[${i}].gasPriceStep`, 'must have numbers low, average and high');
    if (!((low as number) <= (average as number) && (average as number) <= (high as number))) {
      return invalid(`feeCurrencies[${i}].gasPriceStep`, 'must have low <= average <= high');
    }
  }
  if (info.stakeCurrency !== undefined) return currency(info.stakeCurrency, 'stakeCurrency');
  return undefined;
}

/** The 20 account bytes behind the bech32 address cosmjs derived. */
function addressBytes(data: AccountData): Uint8Array {
  return fromBech32(data.address).data;
}
