/**
 * A page-wide note of the wallets an element connected (per wallet kind and chain), so the other
 * acting elements on the page follow without a prompt of their own.
 */
import type { Wallet } from '../../src/signing/index.js';

/** A page-wide note that one element connected a wallet, so the others follow without a prompt. */
export const CONNECTED_EVENT = 'ics-elements-wallet-connected';
export interface ConnectedNote {
  kind: Wallet['kind'];
  chainId: string;
}
const CONNECTED_KEY = Symbol.for('ics-elements/wallet-connected');
export function connectedNotes(): ConnectedNote[] {
  const holder = globalThis as typeof globalThis & { [CONNECTED_KEY]?: ConnectedNote[] };
  return (holder[CONNECTED_KEY] ??= []);
}

/** Forgets which wallets the page connected (tests; an app after a log-out). */
export function forgetWalletConnections(): void {
  connectedNotes().length = 0;
}
