/**
 * Base queries of any Cosmos SDK node (node info, latest block), as plain functions over a
 * `ChainContext`: a bundle keeps only those it calls.
 */
import type { ChainContext } from './context.js';
import { fields } from './decode.js';
import type { ReadOptions } from './reader.js';

export interface NodeInfo {
  network: string;
  appVersion: string;
  cosmosSdkVersion: string;
}

export interface LatestBlock {
  height: number;
  time: Date | undefined;
  chainId: string;
}

/** The chain id: from the config, else the node's `node_info`. */
export async function chainId(chain: ChainContext, options: ReadOptions = {}): Promise<string> {
  if (chain.config.chainId) return chain.config.chainId;
  return (await nodeInfo(chain, options)).network;
}

export async function nodeInfo(chain: ChainContext, options: ReadOptions = {}): Promise<NodeInfo> {
  const { value } = await chain.reader.get(
    '/cosmos/base/tendermint/v1beta1/node_info',
    (body, path) => {
      const f = fields(body, path);
      const node = fields(f.obj.default_node_info, path.field('default_node_info'));
      const app = f.message('application_version', (v, p) => fields(v, p), true);
      return {
        network: node.string('network'),
        appVersion: app?.string('version', '') ?? '',
        cosmosSdkVersion: app?.string('cosmos_sdk_version', '') ?? '',
      };
    },
    { ...options, height: undefined },
  );
  return value;
}

/** Height and time of the latest block. */
export async function latestBlock(chain: ChainContext, options: ReadOptions = {}): Promise<LatestBlock> {
  const { value } = await chain.reader.get(
    '/cosmos/base/tendermint/v1beta1/blocks/latest',
    (body, path) => {
      const block = fields(fields(body, path).obj.block, path.field('block'));
      const header = fields(block.obj.header, path.field('block').field('header'));
      return { height: header.safeInteger('height'), time: header.timestamp('time'), chainId: header.string('chain_id') };
    },
    { ...options, height: undefined },
  );
  return value;
}
