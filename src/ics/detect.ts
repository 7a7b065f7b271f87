/**
 * Is the ICS provider module on this node, and which generation? Read once per client:
 * - `available`: ICS v6/v7 (consumer ids; `/consumer_chains/{phase}` answers);
 * - `legacy`: ICS before v6 (chain-id keyed): `/params` answers but `/consumer_chains/0` does not;
 * - `absent`: no provider module (the Cosmos Hub since Gaia v28): `/params` is not a route.
 */
import { IcsError } from '../chain/errors.js';
import type { ReadOptions, Reader } from '../chain/reader.js';
import { fields } from '../chain/decode.js';

export const ICS_BASE = '/interchain_security/ccv/provider';

export type IcsAvailability = 'available' | 'legacy' | 'absent';

export interface IcsStatus {
  availability: IcsAvailability;
  /** The chain that was asked (from the config, else from the node). */
  chainId: string;
  /** What to tell a person, in words. */
  message: string;
}

/** True when an error says the route does not exist on the node (a gRPC-gateway 501 or a 404). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof IcsError && (error.status === 501 || error.grpcCode === 12 || (error.status === 404 && error.grpcCode === undefined));
}

export async function detectIcs(reader: Reader, chainId: string, options: ReadOptions = {}): Promise<IcsStatus> {
  // Both probes at once, under one time bound: one round trip, not two. The second answers only
  // once the first says the module is there (an absent module makes it fail too).
  const probe = { ...options, fresh: false, deadline: options.deadline ?? reader.deadline() };
  const params = reader.get(`${ICS_BASE}/params`, (body, path) => fields(body, path).obj, probe);
  const consumerIds = reader.get(`${ICS_BASE}/consumer_chains/0`, (body, path) => fields(body, path).obj, probe, { 'pagination.limit': '1' });
  consumerIds.catch(() => undefined);
  try {
    await params;
  } catch (error) {
    if (!isMissingRoute(error)) throw error;
    return {
      availability: 'absent',
      chainId,
      message:
        `ICS is not available on ${chainId}: this node has no provider module` +
        (options.height === undefined ? '' : ` at height ${options.height}`) +
        '. (The Cosmos Hub removed it in Gaia v28; an archive node can still be read at an earlier height.)',
    };
  }
  try {
    await consumerIds;
  } catch (error) {
    if (!isMissingRoute(error)) throw error;
    return {
      availability: 'legacy',
      chainId,
      message: `${chainId} runs an ICS version before v6 (consumer chains keyed by chain id), which this SDK does not read.`,
    };
  }
  return { availability: 'available', chainId, message: `ICS is available on ${chainId}.` };
}
