/**
 * TEST ONLY. A `window.keplr`-shaped wallet around cosmjs's `DirectSecp256k1HdWallet` and
 * `Secp256k1HdWallet`, with real keys from mnemonics, for tests and the devnet demo. It holds
 * the mnemonics in memory and signs without asking anyone: never use it with real funds.
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
  /** Bech32 account prefix (default "cosmos"). */
  prefix?: string;
  /** Where `keplr_keystorechange` is dispatched on `switchAccount` (default: the global `window`). */
  eventTarget?: { dispatchEvent(event: Event): boolean } | undefined;
}

interface TestAccount {
  name: string;
  direct: DirectSecp256k1HdWallet;
  amino: Secp256k1HdWallet;
  data: AccountData;
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
  /** Pretend the account is on a Ledger: apps must then sign amino. */
  isNanoLedger = false;
  /** Method names in call order, so tests can see what an app asked for. */
  readonly calls: string[] = [];
  readonly enabledChains = new Set<string>();
  private current = 0;

  private constructor(
    private readonly accounts: readonly TestAccount[],
    private readonly eventTarget: TestWalletOptions['eventTarget'],
  ) {}

  static async create(options: TestWalletOptions): Promise<TestWallet> {
    if (options.accounts.length === 0) throw new Error('A test wallet needs at least one account.');
    const prefix = options.prefix ?? 'cosmos';
    const accounts = await Promise.all(
      options.accounts.map(async (input, i) => {
        const hdPaths = [makeCosmoshubPath(input.hdIndex ?? 0)];
        const direct = await DirectSecp256k1HdWallet.fromMnemonic(input.mnemonic, { prefix, hdPaths });
        const amino = await Secp256k1HdWallet.fromMnemonic(input.mnemonic, { prefix, hdPaths });
        const [data] = await direct.getAccounts();
        return { name: input.name ?? `test account ${i + 1}`, direct, amino, data: data! };
      }),
    );
    return new TestWallet(accounts, options.eventTarget);
  }

  /** The current account's address. */
  get address(): string {
    return this.account().data.address;
  }

  /** Selects another account and fires `keplr_keystorechange`, as Keplr does on a switch. */
  switchAccount(index: number): void {
    if (!this.accounts[index]) throw new Error(`No test account ${index}.`);
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
    if (this.rejectConnect) throw new Error(KEPLR_REJECTION_MESSAGE);
    for (const id of typeof chainIds === 'string' ? [chainIds] : chainIds) this.enabledChains.add(id);
  }

  async getKey(chainId: string): Promise<TestKey> {
    this.calls.push('getKey');
    this.assertEnabled(chainId);
    const { name, data } = this.account();
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
      getAccounts: async () => [this.accountFor(chainId).data],
      signDirect: (signer, doc) => this.signDirect(chainId, signer, doc),
      signAmino: (signer, doc) => this.signAmino(chainId, signer, doc),
    };
  }

  getOfflineSignerOnlyAmino(chainId: string): OfflineAminoSigner {
    this.calls.push('getOfflineSignerOnlyAmino');
    return {
      getAccounts: async () => [this.accountFor(chainId).data],
      signAmino: (signer, doc) => this.signAmino(chainId, signer, doc),
    };
  }

  async getOfflineSignerAuto(chainId: string): Promise<OfflineAminoSigner | (OfflineDirectSigner & OfflineAminoSigner)> {
    this.calls.push('getOfflineSignerAuto');
    return this.isNanoLedger ? this.getOfflineSignerOnlyAmino(chainId) : this.getOfflineSigner(chainId);
  }

  async signDirect(chainId: string, signer: string, signDoc: SignDoc): Promise<DirectSignResponse> {
    this.calls.push('signDirect');
    const account = this.signingAccount(chainId, signer);
    if (this.isNanoLedger) throw new Error('Ledger accounts cannot sign direct (protobuf) sign docs; use amino.');
    return account.direct.signDirect(signer, signDoc);
  }

  async signAmino(chainId: string, signer: string, signDoc: StdSignDoc): Promise<AminoSignResponse> {
    this.calls.push('signAmino');
    return this.signingAccount(chainId, signer).amino.signAmino(signer, signDoc);
  }

  private account(): TestAccount {
    return this.accounts[this.current]!;
  }

  private accountFor(chainId: string): TestAccount {
    this.assertEnabled(chainId);
    return this.account();
  }

  private signingAccount(chainId: string, signer: string): TestAccount {
    const account = this.accountFor(chainId);
    if (this.reject) throw new Error(KEPLR_REJECTION_MESSAGE);
    if (signer !== account.data.address) throw new Error(`Signer address does not match: ${signer} is not the current account.`);
    return account;
  }

  private assertEnabled(chainId: string): void {
    if (!this.enabledChains.has(chainId)) throw new Error(`${chainId} is not enabled; call enable("${chainId}") first.`);
  }
}

/** The 20 account bytes behind the bech32 address cosmjs derived. */
function addressBytes(data: AccountData): Uint8Array {
  return fromBech32(data.address).data;
}
