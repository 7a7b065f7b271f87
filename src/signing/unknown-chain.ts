/**
 * A wallet's refusal of a chain it does not know, and the name the chain is offered under. A module
 * of its own: an element tells that refusal when it connects, and loads the rest of `chain-info.ts`
 * (building and suggesting the chain description) only on a click on "Add <chain>".
 */

/** "mantra-devnet-1" → "Mantra Devnet 1": a chain id made readable, for a wallet's list. */
export function readableChainName(chainId: string): string {
  return chainId
    .split(/[-_]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** Whether a wallet's `enable` refused because it does not know the chain (Keplr, Leap, Cosmostation). */
export function isUnknownChainError(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
  return (
    typeof message === 'string' &&
    /there is no chain info for|no chain info|unknown chain|chain is not supported|not supported chain|no modular chain info/i.test(message)
  );
}
