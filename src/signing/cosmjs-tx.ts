/**
 * The heavy half of the signing path: cosmjs connects to the RPC endpoint, simulates, signs,
 * broadcasts and waits for inclusion. Loaded only through the flow's dynamic `import()` when a
 * person starts a transaction, so pages that only read never download it (design §3).
 */
import { fromHex, toHex } from '@cosmjs/encoding';
import { sha256 } from '@cosmjs/crypto';
import type { AminoSignResponse, OfflineAminoSigner, StdSignDoc } from '@cosmjs/amino';
import { isOfflineDirectSigner } from '@cosmjs/proto-signing';
import type { DirectSignResponse, OfflineDirectSigner, OfflineSigner } from '@cosmjs/proto-signing';
import { AminoTypes, BroadcastTxError, GasPrice, SigningStargateClient, calculateFee, createDefaultAminoConverters } from '@cosmjs/stargate';
import { connectComet } from '@cosmjs/tendermint-rpc';
import type { CometClient } from '@cosmjs/tendermint-rpc';
import { TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { TxResult, TxStage, TxStageDetail } from './actions.js';
import { aminoSigningProblem, createIcsAminoConverters } from './amino.js';
import { describeChainError, parseQueryError, unwrapSimulationError } from './errors.js';
import { errorMessage } from '../chain/errors.js';
import type { IcsMessage } from './message-types.js';
import { decodeIcsMessage, encodeIcsMessage } from './messages.js';
import { createIcsRegistry } from './registry.js';
import { isWalletRejection } from './wallet.js';

export interface BroadcastInput {
  rpcUrl: string;
  /** Further RPC endpoints, tried in order when the ones before cannot be reached (connecting sends nothing). */
  fallbackRpcUrls?: readonly string[] | undefined;
  /** The chain the flow expects; a node that serves another one is refused before signing. */
  chainId: string;
  signer: OfflineSigner;
  address: string;
  /**
   * What is signed. Their bytes are taken when the call starts; the sign document the wallet is
   * given, and the signed transaction before it is sent, must carry exactly those bytes.
   */
  messages: readonly IcsMessage[];
  /** Aborted: stop before the wallet is asked, or before a signed transaction is sent. */
  signal?: AbortSignal | undefined;
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
  // Each endpoint once, in order: connecting asks the node's status and sends nothing, so moving on
  // after a failed connect cannot send a transaction twice.
  const urls = [input.rpcUrl, ...(input.fallbackRpcUrls ?? [])];
  let lastError: unknown;
  for (const rpcUrl of urls) {
    let comet: CometClient;
    try {
      comet = await connectComet(rpcUrl);
    } catch (error) {
      lastError = error;
      continue;
    }
    try {
      return await run(comet, { ...input, rpcUrl });
    } finally {
      comet.disconnect();
    }
  }
  const which = urls.length === 1 ? `the RPC endpoint ${input.rpcUrl}` : `any of the ${urls.length} RPC endpoints (${urls.join(', ')})`;
  return networkFailure(`Could not reach ${which}`, lastError);
}

async function run(comet: CometClient, input: BroadcastInput): Promise<TxResult> {
  const gasPrice = GasPrice.fromString(input.gasPrice);
  const aminoTypes = new AminoTypes({ ...createDefaultAminoConverters(), ...createIcsAminoConverters() });
  const frozen = freezeMessages(input.messages, aminoTypes);
  const guard = new SignGuard(input, frozen);
  const client = SigningStargateClient.createWithSigner(comet, guard.wrap(input.signer), {
    registry: createIcsRegistry(),
    aminoTypes,
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

  const beforeSigning = guard.stopped();
  if (beforeSigning) return beforeSigning;
  input.onStage?.('signing');
  let bytes: Uint8Array;
  try {
    const signed = await client.sign(input.address, input.messages, fee, input.memo);
    // What the wallet returned is what would be sent: it must still carry the frozen messages.
    guard.checkMessages(TxBody.decode(signed.bodyBytes).messages, 'The signed transaction', 'sent');
    bytes = TxRaw.encode(signed).finish();
  } catch (error) {
    if (error instanceof ChangedError) return { status: 'refused', code: 'changed', message: error.message };
    if (isWalletRejection(error)) return { status: 'cancelled' };
    return { status: 'failed', code: 'unknown', codespace: '', abciCode: 0, message: `The wallet could not sign: ${errorMessage(error)}` };
  }

  // The hash is the signed bytes' SHA-256: known before the node has seen the transaction.
  const txHash = toHex(sha256(bytes)).toUpperCase();
  // Stopped while the wallet was open: the signature exists, but the transaction is never sent.
  if (input.signal?.aborted) {
    const stopped = guard.stopped()!;
    return { ...stopped, message: `${stopped.message} The signature that came back was not sent.` };
  }
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

/** One message as frozen when the call started: its type URL, its bytes, its amino JSON. */
interface FrozenMessage {
  typeUrl: string;
  bytes: Uint8Array;
  amino: string;
}

function freezeMessages(messages: readonly IcsMessage[], aminoTypes: AminoTypes): readonly FrozenMessage[] {
  return messages.map((message) => {
    const bytes = encodeIcsMessage(message);
    // The amino form is made from the bytes, so both forms say the same thing.
    const decoded = decodeIcsMessage({ typeUrl: message.typeUrl, value: bytes })!;
    return { typeUrl: message.typeUrl, bytes, amino: JSON.stringify(aminoTypes.toAmino(decoded)) };
  });
}

/** The wallet was about to be given something other than the frozen messages, or the call was stopped. */
class ChangedError extends Error {}

/**
 * Stands between cosmjs and the wallet's signer: the sign document must carry the frozen
 * messages, for the expected chain and account, and the call must not have been stopped.
 * Otherwise the wallet is never asked.
 */
class SignGuard {
  constructor(
    private readonly input: BroadcastInput,
    private readonly frozen: readonly FrozenMessage[],
  ) {}

  stopped(): Extract<TxResult, { status: 'refused' }> | undefined {
    const signal = this.input.signal;
    if (!signal?.aborted) return undefined;
    const reason: unknown = signal.reason;
    return {
      status: 'refused',
      code: 'changed',
      message: typeof reason === 'string' ? reason : 'The transaction was stopped before it was signed; nothing was signed.',
    };
  }

  /** Refuses unless `messages` are the frozen ones, byte for byte, in order. */
  checkMessages(messages: readonly { typeUrl: string; value: Uint8Array }[], what: string, nothing: 'signed' | 'sent'): void {
    const same =
      messages.length === this.frozen.length && messages.every((m, i) => m.typeUrl === this.frozen[i]!.typeUrl && sameBytes(m.value, this.frozen[i]!.bytes));
    if (!same) throw new ChangedError(`${what} differs from the message you confirmed; nothing was ${nothing}.`);
  }

  private before(address: string, chainId: string): void {
    const stopped = this.stopped();
    if (stopped) throw new ChangedError(stopped.message);
    if (address !== this.input.address) throw new ChangedError(`The wallet was asked to sign as ${address}, not ${this.input.address}; nothing was signed.`);
    if (chainId !== this.input.chainId) throw new ChangedError(`The sign document is for ${chainId}, not ${this.input.chainId}; nothing was signed.`);
  }

  wrap(signer: OfflineSigner): OfflineSigner {
    const wrapped: { getAccounts: OfflineSigner['getAccounts']; signDirect?: OfflineDirectSigner['signDirect']; signAmino?: OfflineAminoSigner['signAmino'] } =
      {
        getAccounts: () => signer.getAccounts(),
      };
    // cosmjs signs direct when `signDirect` is there: keep exactly the methods the signer has.
    if ('signDirect' in signer && typeof signer.signDirect === 'function') {
      wrapped.signDirect = (address: string, doc: SignDoc): Promise<DirectSignResponse> => {
        this.before(address, doc.chainId);
        this.checkMessages(TxBody.decode(doc.bodyBytes).messages, 'The sign document', 'signed');
        return signer.signDirect(address, doc);
      };
    }
    if ('signAmino' in signer && typeof signer.signAmino === 'function') {
      wrapped.signAmino = (address: string, doc: StdSignDoc): Promise<AminoSignResponse> => {
        this.before(address, doc.chain_id);
        const same = doc.msgs.length === this.frozen.length && doc.msgs.every((m, i) => JSON.stringify(m) === this.frozen[i]!.amino);
        if (!same) throw new ChangedError('The sign document differs from the message you confirmed; nothing was signed.');
        return signer.signAmino(address, doc);
      };
    }
    return wrapped as OfflineSigner;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
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
        message:
          `The transaction was sent but not seen in a block within ${Math.round(timeoutMs / 1000)} s. ` +
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
  if (/does not exist on chain/i.test(errorMessage(error))) {
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
    message: `${what}: ${errorMessage(error)}`,
  };
}
