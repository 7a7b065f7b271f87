/**
 * The ICS provider's gRPC queries over ABCI (`/interchain_security.ccv.provider.v1.Query/…`):
 * each request is decoded by field number, answered by the devnet's REST route for the same
 * query (so both protocols say the same thing by construction), and that JSON is written as the
 * protobuf response with hand-written encoders from the field tables of ics-protocol.md §3.
 * LegacyDec fields travel as the integer scaled by 10^18 (§4.4).
 */
import { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { ProofSpec, hashOpFromJSON, lengthOpFromJSON } from 'cosmjs-types/cosmos/ics23/v1/proofs';
import { parseDec } from '../../src/power/legacy-dec.js';
import { decodeBase64 } from '../../src/staking/address.js';
import type {
  WireChain,
  WireConsumerChainResponse,
  WireConsumerMetadata,
  WireConsumerValidator,
  WireHeight,
  WireInfractionParameters,
  WirePageResponse,
  WireProviderParams,
  WirePublicKey,
} from '../../src/ics/wire.js';
import { WIRE_PHASES } from '../../src/ics/wire.js';
import { WIRE_BOND_STATUSES } from '../../src/staking/wire.js';
import { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import type { AbciQuery } from './proto.js';
import { ProtoWriter, durationParts, fieldString, fieldVarint, fieldBytes, readFields, timestampParts, writeDuration, writeTimestamp } from './proto.js';

export const ICS_QUERY_SERVICE = '/interchain_security.ccv.provider.v1.Query/';

const seg = (text: string) => encodeURIComponent(text);

/** LegacyDec as the protobuf wire carries it: "0.100000000000000000" → "100000000000000000". */
export function legacyDecWire(text: string): string {
  const value = parseDec(text);
  if (value === undefined) throw new Error(`not a decimal: ${text}`);
  return value.toString();
}

/** SDK PageRequest → the gateway's `pagination.*` query parameters. */
export function pageQuery(bytes: Uint8Array | undefined, query = new URLSearchParams()): URLSearchParams {
  if (!bytes) return query;
  const page = PageRequest.decode(bytes);
  if (page.key.length > 0) query.set('pagination.key', Buffer.from(page.key).toString('base64'));
  if (page.offset > 0n) query.set('pagination.offset', page.offset.toString());
  if (page.limit > 0n) query.set('pagination.limit', page.limit.toString());
  if (page.countTotal) query.set('pagination.count_total', 'true');
  if (page.reverse) query.set('pagination.reverse', 'true');
  return query;
}

export function writePageResponse(p: ProtoWriter, no: number, page: WirePageResponse | null | undefined): void {
  if (!page) return;
  p.message(no, (m) => m.bytes(1, page.next_key ? decodeBase64(page.next_key) : new Uint8Array()).uint64(2, page.total));
}

function writeMetadata(p: ProtoWriter, no: number, m: WireConsumerMetadata): void {
  p.message(no, (w) => w.string(1, m.name).string(2, m.description).string(3, m.metadata));
}

function writeInfraction(p: ProtoWriter, no: number, params: WireInfractionParameters | null | undefined): void {
  if (!params) return;
  p.message(no, (w) => {
    for (const [field, s] of [
      [1, params.double_sign],
      [2, params.downtime],
    ] as const) {
      if (!s) continue;
      w.message(field, (x) => {
        // slash_fraction is a non-nullable LegacyDec: always written, as its scaled integer.
        x.encoded(1, new TextEncoder().encode(legacyDecWire(s.slash_fraction)));
        x.message(2, (d) => writeDuration(d, s.jail_duration));
        x.bool(3, s.tombstone);
      });
    }
  });
}

function writePublicKey(p: ProtoWriter, no: number, key: WirePublicKey): void {
  p.message(no, (w) => {
    if (key.ed25519 !== undefined) w.encoded(1, decodeBase64(key.ed25519 ?? ''));
    else if (key.secp256k1 !== undefined) w.encoded(2, decodeBase64(key.secp256k1 ?? ''));
  });
}

export function encodeChain(c: WireChain): Uint8Array {
  const p = new ProtoWriter()
    .string(1, c.chain_id)
    .string(2, c.client_id)
    .uint32(3, c.top_N)
    .int64(4, c.min_power_in_top_N)
    .uint32(5, c.validators_power_cap)
    .uint32(6, c.validator_set_cap)
    .strings(7, c.allowlist)
    .strings(8, c.denylist)
    .string(9, c.phase);
  writeMetadata(p, 10, c.metadata);
  p.uint64(11, c.min_stake).bool(12, c.allow_inactive_vals).string(13, c.consumer_id);
  p.message(14, (d) => d.strings(1, c.allowlisted_reward_denoms?.denoms ?? []));
  p.strings(15, c.prioritylist ?? []);
  writeInfraction(p, 16, c.infraction_parameters);
  return p.finish();
}

export function encodeConsumerChain(c: WireConsumerChainResponse): Uint8Array {
  const p = new ProtoWriter().string(1, c.consumer_id).string(2, c.chain_id).string(3, c.owner_address).string(4, c.phase);
  writeMetadata(p, 5, c.metadata);
  const init = c.init_params;
  if (init) {
    p.message(6, (w) => {
      w.message(1, (h) => h.uint64(1, init.initial_height.revision_number).uint64(2, init.initial_height.revision_height));
      w.bytes(2, decodeBase64(init.genesis_hash ?? '')).bytes(3, decodeBase64(init.binary_hash ?? ''));
      w.message(4, (t) => writeTimestamp(t, init.spawn_time));
      w.message(5, (d) => writeDuration(d, init.unbonding_period));
      w.message(6, (d) => writeDuration(d, init.ccv_timeout_period));
      w.message(7, (d) => writeDuration(d, init.transfer_timeout_period));
      w.string(8, init.consumer_redistribution_fraction);
      w.int64(9, init.blocks_per_distribution_transmission).int64(10, init.historical_entries);
      w.string(11, init.distribution_transmission_channel).string(12, init.connection_id);
    });
  }
  const ps = c.power_shaping_params;
  if (ps) {
    p.message(7, (w) =>
      w
        .uint32(1, ps.top_N)
        .uint32(2, ps.validators_power_cap)
        .uint32(3, ps.validator_set_cap)
        .strings(4, ps.allowlist)
        .strings(5, ps.denylist)
        .uint64(6, ps.min_stake)
        .bool(7, ps.allow_inactive_vals)
        .strings(8, ps.prioritylist ?? []),
    );
  }
  writeInfraction(p, 8, c.infraction_parameters);
  p.string(9, c.client_id ?? '');
  return p.finish();
}

export function encodeConsumerValidator(v: WireConsumerValidator): Uint8Array {
  const p = new ProtoWriter().string(1, v.provider_address);
  if (v.consumer_key) writePublicKey(p, 2, v.consumer_key);
  p.int64(3, v.power);
  // LegacyDec fields are non-nullable custom types: written even when zero.
  p.encoded(4, new TextEncoder().encode(legacyDecWire(v.rate)));
  p.int64(5, v.consumer_power);
  p.encoded(6, new TextEncoder().encode(legacyDecWire(v.consumer_commission_rate)));
  p.encoded(7, new TextEncoder().encode(legacyDecWire(v.provider_commission_rate)));
  const d = v.description;
  p.message(8, (w) =>
    w
      .string(1, d.moniker ?? '')
      .string(2, d.identity ?? '')
      .string(3, d.website ?? '')
      .string(4, d.security_contact ?? '')
      .string(5, d.details ?? ''),
  );
  p.string(9, v.provider_operator_address).bool(10, v.jailed);
  p.uint32(11, Math.max(0, WIRE_BOND_STATUSES.indexOf(v.status as (typeof WIRE_BOND_STATUSES)[number])));
  p.encoded(12, new TextEncoder().encode(v.provider_tokens));
  p.int64(13, v.provider_power).bool(14, v.validates_current_epoch);
  return p.finish();
}

/** `ics23.ProofSpec` as the gateway writes it (views.ts `sdkProofSpecsJson`). */
interface WireProofSpec {
  leaf_spec: { hash: string; prehash_key: string; prehash_value: string; length: string; prefix: string | null };
  inner_spec: { child_order: number[]; child_size: number; min_prefix_length: number; max_prefix_length: number; empty_child: string | null; hash: string };
  max_depth: number;
  min_depth: number;
  prehash_key_before_comparison: boolean;
}

function proofSpecOf(s: WireProofSpec): ProofSpec {
  return ProofSpec.fromPartial({
    leafSpec: {
      hash: hashOpFromJSON(s.leaf_spec.hash),
      prehashKey: hashOpFromJSON(s.leaf_spec.prehash_key),
      prehashValue: hashOpFromJSON(s.leaf_spec.prehash_value),
      length: lengthOpFromJSON(s.leaf_spec.length),
      prefix: decodeBase64(s.leaf_spec.prefix ?? ''),
    },
    innerSpec: {
      childOrder: s.inner_spec.child_order,
      childSize: s.inner_spec.child_size,
      minPrefixLength: s.inner_spec.min_prefix_length,
      maxPrefixLength: s.inner_spec.max_prefix_length,
      emptyChild: decodeBase64(s.inner_spec.empty_child ?? ''),
      hash: hashOpFromJSON(s.inner_spec.hash),
    },
    maxDepth: s.max_depth,
    minDepth: s.min_depth,
    // prehash_key_before_comparison (5) is false in both default specs: proto3 leaves it out, and
    // cosmjs-types' ProofSpec has no such field.
  });
}

/** An IBC tendermint `ClientState` from its gateway JSON (the template client, the genesis's provider client). */
function encodeClientState(json: unknown): Uint8Array {
  const t = json as {
    chain_id: string;
    trust_level: { numerator: string; denominator: string };
    trusting_period: string;
    unbonding_period: string;
    max_clock_drift: string;
    frozen_height: WireHeight;
    latest_height: WireHeight;
    upgrade_path: string[];
    proof_specs: WireProofSpec[];
    allow_update_after_expiry: boolean;
    allow_update_after_misbehaviour: boolean;
  };
  const height = (h: WireHeight) => ({
    revisionNumber: BigInt(h.revision_number),
    revisionHeight: BigInt(h.revision_height),
  });
  return ClientState.encode(
    ClientState.fromPartial({
      chainId: t.chain_id,
      trustLevel: { numerator: BigInt(t.trust_level.numerator), denominator: BigInt(t.trust_level.denominator) },
      trustingPeriod: durationParts(t.trusting_period),
      unbondingPeriod: durationParts(t.unbonding_period),
      maxClockDrift: durationParts(t.max_clock_drift),
      frozenHeight: height(t.frozen_height),
      latestHeight: height(t.latest_height),
      proofSpecs: t.proof_specs.map(proofSpecOf),
      upgradePath: t.upgrade_path,
      allowUpdateAfterExpiry: t.allow_update_after_expiry,
      allowUpdateAfterMisbehaviour: t.allow_update_after_misbehaviour,
    }),
  ).finish();
}

export function encodeProviderParams(params: WireProviderParams): Uint8Array {
  const p = new ProtoWriter().encoded(1, encodeClientState(params.template_client)).string(2, params.trusting_period_fraction);
  p.message(3, (d) => writeDuration(d, params.ccv_timeout_period));
  p.message(6, (d) => writeDuration(d, params.slash_meter_replenish_period));
  p.string(7, params.slash_meter_replenish_fraction);
  const fee = params.consumer_reward_denom_registration_fee;
  p.message(9, (c) => c.string(1, fee.denom).string(2, fee.amount));
  p.int64(10, params.blocks_per_epoch).int64(11, params.number_of_epochs_to_start_receiving_rewards).int64(12, params.max_provider_consensus_validators);
  return p.finish();
}

/** `interchain_security.ccv.v1.ConsumerGenesisState` from its gateway JSON (views.ts `consumerGenesisJson`). */
interface WireConsumerGenesis {
  params: {
    enabled: boolean;
    blocks_per_distribution_transmission: string;
    distribution_transmission_channel: string;
    provider_fee_pool_addr_str: string;
    ccv_timeout_period: string;
    transfer_timeout_period: string;
    consumer_redistribution_fraction: string;
    historical_entries: string;
    unbonding_period: string;
    soft_opt_out_threshold: string;
    reward_denoms: string[];
    provider_reward_denoms: string[];
    retry_delay_period: string;
    consumer_id: string;
  };
  provider: {
    client_state: unknown;
    consensus_state: { timestamp: string; root: { hash: string | null }; next_validators_hash: string | null } | null;
    initial_val_set: Array<{ pub_key: WirePublicKey; power: string }>;
  };
  new_chain: boolean;
  preCCV: boolean;
  connection_id: string;
}

export function encodeConsumerGenesis(g: WireConsumerGenesis): Uint8Array {
  const p = new ProtoWriter();
  const c = g.params;
  // params (non-nullable), its Durations non-nullable too.
  p.message(1, (w) => {
    w.bool(1, c.enabled)
      .int64(2, c.blocks_per_distribution_transmission)
      .string(3, c.distribution_transmission_channel)
      .string(4, c.provider_fee_pool_addr_str);
    w.message(5, (d) => writeDuration(d, c.ccv_timeout_period));
    w.message(6, (d) => writeDuration(d, c.transfer_timeout_period));
    w.string(7, c.consumer_redistribution_fraction).int64(8, c.historical_entries);
    w.message(9, (d) => writeDuration(d, c.unbonding_period));
    w.string(10, c.soft_opt_out_threshold).strings(11, c.reward_denoms).strings(12, c.provider_reward_denoms);
    w.message(13, (d) => writeDuration(d, c.retry_delay_period));
    w.string(14, c.consumer_id);
  });
  const provider = g.provider;
  p.message(2, (w) => {
    if (provider.client_state) w.encoded(1, encodeClientState(provider.client_state));
    const cs = provider.consensus_state;
    if (cs) {
      w.encoded(
        2,
        ConsensusState.encode({
          timestamp: timestampParts(cs.timestamp),
          root: { hash: decodeBase64(cs.root.hash ?? '') },
          nextValidatorsHash: decodeBase64(cs.next_validators_hash ?? ''),
        }).finish(),
      );
    }
    for (const v of provider.initial_val_set) {
      w.message(3, (u) => {
        writePublicKey(u, 1, v.pub_key);
        u.int64(2, v.power);
      });
    }
  });
  p.bool(3, g.new_chain).bool(4, g.preCCV).string(5, g.connection_id);
  return p.finish();
}

type Body = Record<string, unknown>;

/** Each RPC by name (ics-protocol.md §3 and §8): request field numbers → REST path; JSON → bytes. */
export const ICS_QUERIES: Record<string, AbciQuery> = {
  QueryConsumerChains: {
    rest: (req) => {
      const f = readFields(req);
      return { path: `/consumer_chains/${fieldVarint(f, 1)}`, query: pageQuery(fieldBytes(f, 2)) };
    },
    encode: (body) => {
      const p = new ProtoWriter();
      for (const chain of body.chains as WireChain[]) p.encoded(1, encodeChain(chain));
      writePageResponse(p, 2, body.pagination as WirePageResponse | null);
      return p.finish();
    },
  },
  QueryConsumerGenesis: {
    rest: (req) => ({ path: `/consumer_genesis/${seg(fieldString(readFields(req), 1))}` }),
    // genesis_state (1) is non-nullable: always written.
    encode: (body) => new ProtoWriter().encoded(1, encodeConsumerGenesis(body.genesis_state as WireConsumerGenesis)).finish(),
  },
  QueryConsumerChain: {
    rest: (req) => ({ path: `/consumer_chain/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => encodeConsumerChain(body as unknown as WireConsumerChainResponse),
  },
  QueryConsumerValidators: {
    rest: (req) => ({ path: `/consumer_validators/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => {
      const p = new ProtoWriter();
      for (const v of body.validators as WireConsumerValidator[]) p.encoded(1, encodeConsumerValidator(v));
      return p.finish();
    },
  },
  QueryConsumerChainOptedInValidators: {
    rest: (req) => ({ path: `/opted_in_validators/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => new ProtoWriter().strings(1, body.validators_provider_addresses as string[]).finish(),
  },
  QueryConsumerChainsValidatorHasToValidate: {
    rest: (req) => ({ path: `/consumer_chains_per_validator/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => new ProtoWriter().strings(1, body.consumer_ids as string[]).finish(),
  },
  QueryValidatorConsumerCommissionRate: {
    rest: (req) => {
      const f = readFields(req);
      return { path: `/consumer_commission_rate/${seg(fieldString(f, 1))}/${seg(fieldString(f, 2))}` };
    },
    encode: (body) => new ProtoWriter().encoded(1, new TextEncoder().encode(legacyDecWire(body.rate as string))).finish(),
  },
  QueryValidatorConsumerAddr: {
    rest: (req) => {
      const f = readFields(req);
      return { path: `/validator_consumer_addr/${seg(fieldString(f, 2))}/${seg(fieldString(f, 1))}` };
    },
    encode: (body) => new ProtoWriter().string(1, body.consumer_address as string).finish(),
  },
  QueryValidatorProviderAddr: {
    rest: (req) => {
      const f = readFields(req);
      return { path: `/validator_provider_addr/${seg(fieldString(f, 2))}/${seg(fieldString(f, 1))}` };
    },
    encode: (body) => new ProtoWriter().string(1, body.provider_address as string).finish(),
  },
  QueryAllPairsValConsAddrByConsumer: {
    rest: (req) => ({ path: `/address_pairs/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => {
      const p = new ProtoWriter();
      for (const pair of body.pair_val_con_addr as Array<{ provider_address: string; consumer_address: string; consumer_key: WirePublicKey }>) {
        p.message(1, (w) => {
          w.string(1, pair.provider_address).string(2, pair.consumer_address);
          writePublicKey(w, 3, pair.consumer_key);
        });
      }
      return p.finish();
    },
  },
  QueryParams: {
    rest: () => ({ path: '/params' }),
    encode: (body) => new ProtoWriter().encoded(1, encodeProviderParams(body.params as WireProviderParams)).finish(),
  },
  QueryBlocksUntilNextEpoch: {
    rest: () => ({ path: '/blocks_until_next_epoch' }),
    encode: (body) => new ProtoWriter().uint64(1, body.blocks_until_next_epoch as string).finish(),
  },
  QueryConsumerIdFromClientId: {
    rest: (req) => ({ path: `/consumer_id/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => new ProtoWriter().string(1, body.consumer_id as string).finish(),
  },
  QueryConsumerGenesisTime: {
    rest: (req) => ({ path: `/consumer_genesis_time/${seg(fieldString(readFields(req), 1))}` }),
    encode: (body) => new ProtoWriter().message(1, (t) => writeTimestamp(t, body.genesis_time as string)).finish(),
  },
  QueryThrottleState: {
    rest: () => ({ path: '/throttle_state' }),
    encode: (body: Body) =>
      new ProtoWriter()
        .int64(1, body.slash_meter as string)
        .int64(2, body.slash_meter_allowance as string)
        .message(3, (t) => writeTimestamp(t, body.next_replenish_candidate as string))
        .finish(),
  },
  QueryRegisteredConsumerRewardDenoms: {
    rest: () => ({ path: '/registered_consumer_reward_denoms' }),
    encode: (body) => new ProtoWriter().strings(1, body.denoms as string[]).finish(),
  },
};

/** The phase enum value of a name (for tests that build requests). */
export function phaseValue(name: (typeof WIRE_PHASES)[number]): number {
  return WIRE_PHASES.indexOf(name);
}
