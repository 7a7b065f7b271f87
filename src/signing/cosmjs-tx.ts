/**
 * The heavy half of the signing path: cosmjs connects to the RPC endpoint, simulates, signs,
 * broadcasts and waits for inclusion. Loaded only through the flow's dynamic `import()` when a
 * person starts a transaction, so pages that only read never download it (design §3).
 */
import { fromHex, toHex } from '@cosmjs/encoding';
import { sha256 } from '@cosmjs/crypto';
import { isOfflineDirectSigner } from '@cosmjs/proto-signing';
import type { OfflineSigner } from '@cosmjs/proto-signing';
import { AminoTypes, BroadcastTxError, GasPrice, SigningStargateClient, calculateFee, createDefaultAminoConverters } from '@cosmjs/stargate';
import { connectComet } from '@cosmjs/tendermint-rpc';
import type { CometClient } from '@cosmjs/tendermint-rpc';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { TxResult, TxStage, TxStageDetail } from './actions.js';
import { aminoSigningProblem, createIcsAminoConverters } from './amino.js';
import { describeChainError, parseQueryError, unwrapSimulationError } from './errors.js';
import type { IcsMessage } from './message-types.js';
import { createIcsRegistry } from './registry.js';
import { isWalletRejection } from './wallet.js';

export interface BroadcastInput {
  rpcUrl: string;
  /** The chain the flow expects; a node that serves another one is refused before signing. */
  chainId: string;
  signer: OfflineSigner;
  address: string;
  messages: readonly IcsMessage[];
  /** e.g. "0.005uatom" */
  gasPrice: string;
  /** Simulated gas × this (e.g. 1.4), as simulation under-estimates slightly. */
  gasMultiplier: number;
  memo: string;
  /** How long to wait for the tx to be in a block. */
  inclusionTimeoutMs: number;
  pollIntervalMs: number;
  onStage?: ((stage: TxStage, detail?: TxStageDetail) => void) | undefined;
}

export async function signAndBroadcast(input: BroadcastInput): Promise<TxResult> {
  // cosmjs signs amino JSON when the signer cannot sign direct (a Ledger): refuse before asking the
  // wallet for what the chain would not verify.
  if (!isOfflineDirectSigner(input.signer)) {
    const problem = aminoSigningProblem(input.messages, input.memo);
    if (problem) return { status: 'refused', code: 'amino-text', message: problem };
  }
  let comet: CometClient;
  try {
    comet = await connectComet(input.rpcUrl);
  } catch (error) {
    return networkFailure(`Could not reach the RPC endpoint ${input.rpcUrl}`, error);
  }
  try {
    return await run(comet, input);
  } finally {
    comet.disconnect();
  }
}

async function run(comet: CometClient, input: BroadcastInput): Promise<TxResult> {
  const gasPrice = GasPrice.fromString(input.gasPrice);
  const client = SigningStargateClient.createWithSigner(comet, input.signer, {
    registry: createIcsRegistry(),
    aminoTypes: new AminoTypes({ ...createDefaultAminoConverters(), ...createIcsAminoConverters() }),
    gasPrice,
  });

  const nodeChainId = await client.getChainId().catch(() => undefined);
  if (nodeChainId !== undefined && nodeChainId !== input.chainId) {
    return {
      status: 'refused',
      code: 'not-configured',
      message: `The RPC endpoint ${input.rpcUrl} serves ${nodeChainId}, not ${input.chainId}. Check the configured endpoints.`,
    };
  }

  input.onStage?.('simulating');
  let gasEstimate: number;
  try {
    gasEstimate = await client.simulate(input.address, input.messages, input.memo);
  } catch (error) {
    return simulationFailure(error);
  }
  const fee = calculateFee(Math.ceil(gasEstimate * input.gasMultiplier), gasPrice);

  input.onStage?.('signing');
  let bytes: Uint8Array;
  try {
    const signed = await client.sign(input.address, input.messages, fee, input.memo);
    bytes = TxRaw.encode(signed).finish();
  } catch (error) {
    if (isWalletRejection(error)) return { status: 'cancelled' };
    return { status: 'failed', code: 'unknown', codespace: '', abciCode: 0, message: `The wallet could not sign: ${errorText(error)}` };
  }

  // The hash is the signed bytes' SHA-256: known before the node has seen the transaction.
  const txHash = toHex(sha256(bytes)).toUpperCase();
  input.onStage?.('broadcasting', { txHash });
  try {
    await client.broadcastTxSync(bytes);
  } catch (error) {
    if (error instanceof BroadcastTxError) {
      // CheckTx refused it: signature, sequence, fee and balance problems land here.
      return { status: 'failed', txHash, abciCode: error.code, ...describeChainError({ codespace: error.codespace, code: error.code, log: error.log }) };
    }
    return networkFailure('Could not send the transaction', error, txHash);
  }

  input.onStage?.('including', { txHash });
  return waitForInclusion(comet, txHash, input.inclusionTimeoutMs, input.pollIntervalMs);
}

/** Polls the RPC `tx` route until the tx is in a block (its result carries the codespace). */
async function waitForInclusion(comet: CometClient, txHash: string, timeoutMs: number, pollMs: number): Promise<TxResult> {
  const deadline = Date.now() + timeoutMs;
  const hash = fromHex(txHash);
  for (;;) {
    const found = await comet.tx({ hash }).catch(() => undefined);
    if (found) {
      const { code, codespace = '', log = '' } = found.result;
      if (code === 0) return { status: 'confirmed', txHash, height: found.height, gasUsed: found.result.gasUsed };
      return { status: 'failed', txHash, abciCode: code, ...describeChainError({ codespace, code, log }) };
    }
    if (Date.now() + pollMs > deadline) {
      return {
        status: 'failed',
        txHash,
        code: 'timeout',
        codespace: '',
        abciCode: 0,
        message: `The transaction was sent but not seen in a block within ${Math.round(timeoutMs / 1000)} s. ` +
          `It may still be included: look up ${txHash} in an explorer before trying again.`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function simulationFailure(error: unknown): TxResult {
  const query = parseQueryError(error);
  if (query) {
    // The tx's own error is inside the query error; without this every refusal read "sdk 6".
    const inner = unwrapSimulationError(query.log);
    if (inner && inner.code !== 0) return { status: 'failed', abciCode: inner.code, ...describeChainError(inner) };
    return { status: 'failed', abciCode: query.code, ...describeChainError({ codespace: '', code: query.code, log: inner?.log ?? query.log }) };
  }
  if (/does not exist on chain/i.test(errorText(error))) {
    return {
      status: 'failed',
      code: 'insufficient-funds',
      codespace: '',
      abciCode: 0,
      message: 'The operator account has never held tokens on this chain, so it cannot pay a fee. Send it some first.',
    };
  }
  return networkFailure('Could not estimate the gas', error);
}

function networkFailure(what: string, error: unknown, txHash?: string): TxResult {
  return {
    status: 'failed',
    ...(txHash === undefined ? {} : { txHash }),
    code: 'network',
    codespace: '',
    abciCode: 0,
    message: `${what}: ${errorText(error)}`,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
