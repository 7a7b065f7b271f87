/**
 * Wallets the signing flow can use: Keplr-compatible browser extensions (`window.keplr`,
 * `window.leap`, `window.cosmostation.providers.keplr`) and a signer the host app already has
 * (apps on cosmos-kit, interchain-kit or graz must not get a second connect flow).
 *
 * No cosmjs at run time: the cosmjs types below are erased, and signers come from the wallet.
 */
import type { OfflineSigner } from '@cosmjs/proto-signing';
import type { ChainInfo } from './chain-info.js';

export type WalletKind = 'keplr' | 'leap' | 'cosmostation' | 'host';
export type SignMode = 'direct' | 'amino';

export interface WalletAccount {
  /** Bech32 account address (`cosmos1…`). */
  address: string;
  /** The account's name in the wallet ("" when the wallet has none). */
  name: string;
  /** A Ledger account: signs amino JSON only. */
  isLedger: boolean;
}

export interface WalletSigner {
  signer: OfflineSigner;
  address: string;
  mode: SignMode;
  /** Amino signing of ICS messages is not yet proven on a chain (ics-protocol.md §4.9). */
  experimental: boolean;
}

/** What the elements and the flow use; one per wallet. */
export interface Wallet {
  readonly kind: WalletKind;
  /** A name to show ("Keplr", "Leap", "Cosmostation", or the host's label). */
  readonly label: string;
  /** Connects to the chain (a wallet prompt the first time) and returns the current account. */
  connect(chainId: string): Promise<WalletAccount>;
  /** The signer of the current account: direct, or amino for a Ledger account. */
  signer(chainId: string): Promise<WalletSigner>;
  /** Calls `listener` when the person switches account in the wallet; returns the unsubscribe. */
  onAccountChange(listener: () => void): () => void;
  /**
   * Asks the wallet to add a chain it does not know (Keplr's `experimentalSuggestChain`: its own
   * approval window). Only after a click. Absent when the wallet cannot (a host's signer).
   */
  suggestChain?(chainInfo: ChainInfo): Promise<void>;
}

/** The part of Keplr's API used here; Leap and Cosmostation's Keplr mode have the same. */
export interface KeplrLike {
  enable(chainIds: string | string[]): Promise<void>;
  getKey(chainId: string): Promise<{ bech32Address: string; isNanoLedger: boolean; name: string }>;
  getOfflineSigner(chainId: string): OfflineSigner;
  getOfflineSignerOnlyAmino(chainId: string): OfflineSigner;
  /** Adds a chain after the person approves; rejects with "Request rejected" when declined. */
  experimentalSuggestChain?(chainInfo: ChainInfo): Promise<void>;
}

/** The globals detection reads; a browser's `window` fits, and tests pass a fake. */
export interface WalletWindow {
  keplr?: KeplrLike | undefined;
  leap?: KeplrLike | undefined;
  cosmostation?: { providers?: { keplr?: KeplrLike | undefined } | undefined } | undefined;
  addEventListener(type: string, listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface WalletDocument {
  readyState: string;
}

const LABELS: Record<Exclude<WalletKind, 'host'>, string> = { keplr: 'Keplr', leap: 'Leap', cosmostation: 'Cosmostation' };

/** Each extension announces an account switch with its own window event. */
const KEYSTORE_EVENTS: Record<Exclude<WalletKind, 'host'>, string> = {
  keplr: 'keplr_keystorechange',
  leap: 'leap_keystorechange',
  cosmostation: 'cosmostation_keystorechange',
};

export interface DetectOptions {
  /** Defaults to the global `window`. */
  window?: WalletWindow | undefined;
  /** Defaults to the global `document`. */
  document?: WalletDocument | undefined;
}

/**
 * The Keplr-compatible wallets installed, in the order Keplr, Leap, Cosmostation. Extensions
 * inject their object while the page loads, so this waits for `load` when the document is not
 * complete yet. Empty outside a browser.
 */
export async function detectWallets(options: DetectOptions = {}): Promise<Wallet[]> {
  const globals = globalThis as unknown as { window?: WalletWindow; document?: WalletDocument };
  const win = options.window ?? globals.window;
  const doc = options.document ?? globals.document;
  if (!win) return [];
  if (doc && doc.readyState !== 'complete') await loaded(win, doc);
  const found: Wallet[] = [];
  const providers: Array<[Exclude<WalletKind, 'host'>, KeplrLike | undefined]> = [
    ['keplr', win.keplr],
    ['leap', win.leap],
    ['cosmostation', win.cosmostation?.providers?.keplr],
  ];
  for (const [kind, provider] of providers) {
    if (isKeplrLike(provider)) found.push(extensionWallet(kind, provider, win));
  }
  return found;
}

/** The first installed wallet, or the preferred one when it is installed. */
export async function detectWallet(prefer?: WalletKind, options: DetectOptions = {}): Promise<Wallet | undefined> {
  const wallets = await detectWallets(options);
  return wallets.find((w) => w.kind === prefer) ?? wallets[0];
}

function loaded(win: WalletWindow, doc: WalletDocument): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      win.removeEventListener('load', done);
      resolve();
    };
    win.addEventListener('load', done, { once: true });
    // `load` may have fired between the caller's check and the listener.
    if (doc.readyState === 'complete') done();
  });
}

function isKeplrLike(value: unknown): value is KeplrLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.enable === 'function' && typeof v.getKey === 'function' && typeof v.getOfflineSigner === 'function';
}

/** A Keplr-compatible extension as a `Wallet`; exported for hosts that hold the provider object. */
export function extensionWallet(
  kind: Exclude<WalletKind, 'host'>,
  provider: KeplrLike,
  events: Pick<WalletWindow, 'addEventListener' | 'removeEventListener'>,
): Wallet {
  return {
    kind,
    label: LABELS[kind],
    async connect(chainId) {
      await provider.enable(chainId);
      const key = await provider.getKey(chainId);
      return { address: key.bech32Address, name: key.name, isLedger: key.isNanoLedger };
    },
    async signer(chainId) {
      // Read the key again: the person may have switched account since connecting.
      const key = await provider.getKey(chainId);
      // A Ledger cannot sign protobuf (direct) sign docs, only amino JSON.
      if (key.isNanoLedger && typeof provider.getOfflineSignerOnlyAmino === 'function') {
        return { signer: provider.getOfflineSignerOnlyAmino(chainId), address: key.bech32Address, mode: 'amino', experimental: true };
      }
      return { signer: provider.getOfflineSigner(chainId), address: key.bech32Address, mode: 'direct', experimental: false };
    },
    ...(typeof provider.experimentalSuggestChain === 'function'
      ? { suggestChain: (chainInfo: ChainInfo) => provider.experimentalSuggestChain!(chainInfo) }
      : {}),
    onAccountChange(listener) {
      const type = KEYSTORE_EVENTS[kind];
      const handler = () => listener();
      events.addEventListener(type, handler);
      return () => events.removeEventListener(type, handler);
    },
  };
}

export interface HostWalletOptions {
  /** The host app's signer (cosmos-kit, interchain-kit, graz, or any cosmjs `OfflineSigner`). */
  signer: OfflineSigner;
  /** The connected account's address. */
  address: string;
  /** Shown in the elements, e.g. "Keplr via cosmos-kit" (default "Connected wallet"). */
  label?: string;
  name?: string;
  /** Forces amino signing (a Ledger account behind the host's signer). */
  isLedger?: boolean;
  /** The host's own account-change subscription, when it has one. */
  onAccountChange?: (listener: () => void) => () => void;
}

/** A signer the host app already connected: no second connect flow, no prompt of our own. */
export function hostWallet(options: HostWalletOptions): Wallet {
  const direct = 'signDirect' in options.signer && !options.isLedger;
  const signer = direct ? options.signer : aminoOnly(options.signer);
  const account: WalletAccount = { address: options.address, name: options.name ?? '', isLedger: options.isLedger ?? false };
  return {
    kind: 'host',
    label: options.label ?? 'Connected wallet',
    connect: () => Promise.resolve(account),
    signer: () => Promise.resolve({ signer, address: options.address, mode: direct ? 'direct' : 'amino', experimental: !direct }),
    onAccountChange: (listener) => options.onAccountChange?.(listener) ?? (() => {}),
  };
}

/** The same signer without `signDirect`, so cosmjs signs amino JSON (what a Ledger can sign). */
function aminoOnly(signer: OfflineSigner): OfflineSigner {
  if (!('signAmino' in signer)) return signer;
  return { getAccounts: () => signer.getAccounts(), signAmino: (address, doc) => signer.signAmino(address, doc) };
}

/**
 * Whether an error means the person declined in the wallet: Keplr and Leap throw
 * "Request rejected", Cosmostation uses code 4001, others say "rejected" or "denied".
 */
export function isWalletRejection(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (code === 4001) return true;
  return typeof message === 'string' && /request rejected|user rejected|rejected by (the )?user|user denied|user cancel+ed/i.test(message);
}
