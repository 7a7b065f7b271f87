/**
 * The provider module's rules about consumer chains, written once: the elements, the signing
 * pre-checks and the devnet all ask here. Plain inputs, no I/O.
 */
import type { ConsumerPhase } from './models.js';

/**
 * The phases in which a chain has (or computes) a validator set: the module's "active" chains,
 * where a validator can opt in and the consumer-id routes answer.
 */
export const ACTIVE_PHASES: readonly ConsumerPhase[] = ['registered', 'initialized', 'launched'];

export function isActivePhase(phase: ConsumerPhase): boolean {
  return ACTIVE_PHASES.includes(phase);
}

const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * A consumer id as the module reads it (a uint64 in decimal, `strconv.ParseUint(id, 10, 64)`):
 * its canonical text ("007" is "7"), or undefined when it is not one.
 */
export function parseConsumerId(text: string): string | undefined {
  const trimmed = text.trim();
  // Leading zeros are allowed, as ParseUint allows them; the length cap only keeps BigInt() cheap.
  if (!/^\d{1,64}$/.test(trimmed)) return undefined;
  const id = BigInt(trimmed);
  return id <= MAX_UINT64 ? id.toString() : undefined;
}
