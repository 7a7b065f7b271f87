/** JSON of the chain-level REST routes and of gRPC-gateway errors, shared by devnet and core. */

/** The body a gRPC-gateway node sends with a non-2xx status. */
export interface WireGatewayError {
  code: number;
  message: string;
  details: unknown[];
}

/** `/cosmos/base/tendermint/v1beta1/node_info` (the parts the SDK reads; a node sends more). */
export interface WireNodeInfoResponse {
  default_node_info: {
    network: string;
    version: string;
    moniker: string;
    [key: string]: unknown;
  };
  application_version: {
    name: string;
    app_name: string;
    version: string;
    git_commit: string;
    build_tags: string;
    go_version: string;
    build_deps: unknown[];
    cosmos_sdk_version: string;
  };
}

/** `/cosmos/base/tendermint/v1beta1/blocks/latest` (header parts the SDK reads). */
export interface WireLatestBlockResponse {
  block_id: { hash: string; part_set_header: { total: number; hash: string } };
  /** SDK v0.47+ also sends `sdk_block` with a bech32 proposer; older nodes only `block`. */
  block: {
    header: {
      chain_id: string;
      height: string;
      time: string;
      proposer_address: string;
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
  sdk_block?: unknown;
}

/** gRPC status codes the SDK's gateway uses, with the HTTP status it maps each to. */
export const GRPC_CODES = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

/** The header that asks a Cosmos SDK node to answer at a past height. */
export const HEIGHT_HEADER = 'x-cosmos-block-height';
