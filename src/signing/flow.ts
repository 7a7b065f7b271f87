/**
 * The transaction flow for one button: check against the chain what it would refuse, connect
 * the wallet, then (only then) load cosmjs, simulate, sign, broadcast, wait for the block, and
 * forget the cached reads the transaction changed. One transaction at a time per flow.
 *
 * What is signed is what the caller passed, as it was when `submit` was called: the action is
 * copied and frozen before the first `await`, the message is built once from that copy, and the
 * signing half compares the sign document with those message bytes before the wallet sees it.
 * A caller that changes its action object afterwards changes nothing that is signed.
 */
import type { ProviderClient } from '../client.js';

/**
 * The reads a transaction flow makes: a `ProviderClient` has them all; an element passes a
 * small object of the query functions over its `ChainContext` instead, so its bundle does not
 * carry every query.
 */
export type FlowClient = Pick<
  ProviderClient,
  'config' | 'chainParams' | 'chainId' | 'invalidate' | 'validator' | 'validators' | 'consumerChain' | 'consumerChains' | 'stakingParams' | 'addressPairs'
>;
import { errorMessage, isIcsError } from '../chain/errors.js';
import { frozenAction } from './frozen-action.js';
import { consensusPower } from '../ics/rules.js';
import type {
  AssignConsumerKeyAction,
  IcsAction,
  OptInAction,
  OptOutAction,
  PrecheckResult,
  SetConsumerCommissionRateAction,
  TxResult,
  TxStage,
  TxStageDetail,
} from './actions.js';
import type { BroadcastInput } from './cosmjs-tx.js';
import type { IcsMessage } from './message-types.js';
import { MSG_ASSIGN_CONSUMER_KEY_TYPE_URL, MSG_OPT_IN_TYPE_URL, MSG_OPT_OUT_TYPE_URL, MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL } from './message-types.js';
import type { PrecheckState } from './precheck.js';
import { checkAgainstState, checkFormat, checkSigner } from './precheck.js';
import type { Wallet, WalletSigner } from './wallet.js';
import { isWalletRejection } from './wallet.js';
import type { ChainInfoInput, SuggestResult } from './chain-info.js';
import { isUnknownChainError, readableChainName, suggestChain } from './chain-info.js';

/** The cosmjs half, as the flow sees it (replaceable in tests). */
export interface TxBackend {
  signAndBroadcast(input: BroadcastInput): Promise<TxResult>;
}

export interface TxFlowOptions {
  client: FlowClient;
  wallet: Wallet;
  /** Simulated gas × this (default 1.4). */
  gasMultiplier?: number;
  /** Wait this long for inclusion in a block (default 60 000 ms). */
  inclusionTimeoutMs?: number;
  /** Poll the RPC this often while waiting (default 1 000 ms). */
  pollIntervalMs?: number;
  memo?: string;
  /** Progress, for a status line. */
  onStage?: (stage: TxStage, detail?: TxStageDetail) => void;
  /** Where the cosmjs half comes from (default: a dynamic import of `cosmjs-tx.js`). */
  loadBackend?: () => Promise<TxBackend>;
  /**
   * The provider's chain info for wallets that do not know the chain (Keplr `ChainInfo`); its
   * fields win over those read from the chain. Used by `suggestChain()`.
   */
  chainInfo?: ChainInfoInput;
}

/** What a caller can bind a transaction to, beyond the action itself. */
export interface SubmitOptions {
  /**
   * Aborting it stops the transaction before the wallet is asked to sign, or, when the signature
   * is already on its way back, before anything is sent. A string `reason` is the message shown.
   */
  signal?: AbortSignal | undefined;
  /**
   * The account the person saw as the signer. If the wallet's account is another one when the
   * flow connects or asks for the signature, it refuses (`changed`) instead of signing.
   */
  signer?: string | undefined;
}

type Without<T> = Omit<T, 'type'>;

export class TxFlow {
  private busy = false;
  private readonly options: TxFlowOptions;

  constructor(options: TxFlowOptions) {
    this.options = options;
  }

  /**
   * Asks the wallet to add the provider chain, after a `refused` result with code
   * `unknown-chain`: call it from a click (the wallet opens its own approval). `added`: submit
   * again; `cancelled`: the person declined, nothing was added or signed.
   */
  suggestChain(): Promise<SuggestResult> {
    return suggestChain(this.options.client, this.options.wallet, this.options.chainInfo);
  }

  /** A transaction of this flow is between its first check and its result. */
  get pending(): boolean {
    return this.busy;
  }

  optIn(action: Without<OptInAction>): Promise<TxResult> {
    return this.submit({ ...action, type: 'opt-in' });
  }

  optOut(action: Without<OptOutAction>): Promise<TxResult> {
    return this.submit({ ...action, type: 'opt-out' });
  }

  assignConsumerKey(action: Without<AssignConsumerKeyAction>): Promise<TxResult> {
    return this.submit({ ...action, type: 'assign-consumer-key' });
  }

  setConsumerCommissionRate(action: Without<SetConsumerCommissionRateAction>): Promise<TxResult> {
    return this.submit({ ...action, type: 'set-consumer-commission-rate' });
  }

  /**
   * What the chain would refuse, read from the chain now, without touching the wallet; with a
   * `signer`, also whether it is the operator account. For showing a refusal before a click.
   */
  async check(action: IcsAction, signer?: string): Promise<PrecheckResult> {
    // The chain's prefixes, denom and gas price (read once per client where the page gave none).
    await this.options.client.chainParams();
    const prefixes = this.options.client.config.prefixes;
    const format = checkFormat(action, prefixes);
    if (!format.ok) return format;
    if (signer !== undefined) {
      const signerCheck = checkSigner(action.validator, signer, prefixes);
      if (!signerCheck.ok) return signerCheck;
    }
    return checkAgainstState(action, await readPrecheckState(this.options.client, action));
  }

  /**
   * Runs one action to its end. A second call while one is pending is refused, never signed.
   * The action is copied and frozen now: changing the object passed in afterwards changes nothing.
   */
  async submit(action: IcsAction, options: SubmitOptions = {}): Promise<TxResult> {
    let frozen: IcsAction;
    try {
      frozen = frozenAction(action);
    } catch (error) {
      return { status: 'refused', code: 'changed', message: errorMessage(error) };
    }
    if (this.busy) {
      return { status: 'refused', code: 'busy', message: 'A transaction is already in progress; wait for its result.' };
    }
    this.busy = true;
    try {
      return await this.run(frozen, options);
    } finally {
      this.busy = false;
    }
  }

  /**
   * A chain refusal that a local check also knows (wrong phase, Top-N, key in use, …) is said in
   * the check's words, which name the chain and the numbers: the same problem reads the same
   * whether the check or the chain caught it. The state is read again; a failed tx changed none.
   */
  private async inLocalWords(action: IcsAction, signer: string, result: Extract<TxResult, { status: 'failed' }>): Promise<TxResult> {
    if (result.codespace === '' || result.code === 'unknown') return result;
    const local = await this.check(action, signer).catch(() => undefined);
    return local && !local.ok && local.code === result.code ? { ...result, message: local.message } : result;
  }

  private async run(action: IcsAction, { signal, signer: expectedSigner }: SubmitOptions): Promise<TxResult> {
    const { client, wallet } = this.options;
    const stopped = () => (signal?.aborted ? aborted(signal) : undefined);
    const otherSigner = (address: string) => (expectedSigner !== undefined && address !== expectedSigner ? accountChanged(expectedSigner, address) : undefined);
    const stage = (s: TxStage, detail?: TxStageDetail) => this.options.onStage?.(s, detail);
    const rpcUrl = client.config.rpc[0];
    if (rpcUrl === undefined) {
      return { status: 'refused', code: 'not-configured', message: 'No RPC endpoint is configured for this chain, so nothing can be sent.' };
    }

    stage('checking');
    let chainId: string;
    const early = stopped();
    if (early) return early;
    try {
      await client.chainParams();
      const checked = await this.check(action);
      if (!checked.ok) return { status: 'refused', code: checked.code, message: checked.message };
      chainId = await client.chainId();
    } catch (error) {
      return readFailure(error);
    }

    const beforeWallet = stopped();
    if (beforeWallet) return beforeWallet;
    stage('connecting');
    let address: string;
    try {
      address = (await wallet.connect(chainId)).address;
    } catch (error) {
      if (isWalletRejection(error)) return { status: 'cancelled' };
      if (isUnknownChainError(error)) {
        const name = this.options.chainInfo?.chainName ?? readableChainName(chainId);
        return {
          status: 'refused',
          code: 'unknown-chain',
          message: `${wallet.label} does not know ${name} (${chainId}) yet. Add it to ${wallet.label} (it asks you to approve), then try again.`,
        };
      }
      return walletFailure(wallet, error);
    }
    const connected = stopped() ?? otherSigner(address);
    if (connected) return connected;
    const signerCheck = checkSigner(action.validator, address, client.config.prefixes);
    if (!signerCheck.ok) return { status: 'refused', code: signerCheck.code, message: signerCheck.message };

    stage('loading');
    let backend: TxBackend;
    try {
      backend = await (this.options.loadBackend ?? loadCosmjsBackend)();
    } catch (error) {
      return { status: 'failed', code: 'network', codespace: '', abciCode: 0, message: `Could not load the signing code: ${errorMessage(error)}` };
    }

    let signer: WalletSigner;
    try {
      signer = await wallet.signer(chainId);
    } catch (error) {
      if (isWalletRejection(error)) return { status: 'cancelled' };
      return walletFailure(wallet, error);
    }
    // The account may have been switched between connecting and now.
    const again = checkSigner(action.validator, signer.address, client.config.prefixes);
    if (!again.ok) return { status: 'refused', code: again.code, message: again.message };
    const beforeSigning = stopped() ?? otherSigner(signer.address);
    if (beforeSigning) return beforeSigning;

    // Built once from the frozen action, frozen itself: the signing half signs exactly these.
    const messages = Object.freeze([frozenMessage(toIcsMessage(action, signer.address))]);
    const result = await backend.signAndBroadcast({
      rpcUrl,
      fallbackRpcUrls: client.config.rpc.slice(1),
      chainId,
      signer: signer.signer,
      address: signer.address,
      messages,
      signal,
      gasPrice: client.config.gasPrice,
      gasMultiplier: this.options.gasMultiplier ?? 1.4,
      memo: this.options.memo ?? '',
      inclusionTimeoutMs: this.options.inclusionTimeoutMs ?? 60_000,
      pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
      // Every stage from here on says how the wallet signs (an element reports it with 'ics-tx-signed').
      onStage: (s, detail) => stage(s, { ...detail, mode: signer.mode }),
    });
    if (result.status === 'confirmed') {
      for (const fragment of affectedReads(action)) client.invalidate(fragment);
    }
    if (result.status === 'failed') return this.inLocalWords(action, signer.address, result);
    return result;
  }
}

function frozenMessage(message: IcsMessage): IcsMessage {
  Object.freeze(message.value);
  return Object.freeze(message);
}

/** The flow was stopped (the subject changed under it): nothing was signed. */
function aborted(signal: AbortSignal): TxResult {
  const reason: unknown = signal.reason;
  const message = typeof reason === 'string' ? reason : 'The transaction was stopped before it was signed; nothing was signed.';
  return { status: 'refused', code: 'changed', message };
}

function accountChanged(expected: string, now: string): TxResult {
  return {
    status: 'refused',
    code: 'changed',
    message: `The wallet's account changed from ${expected} to ${now} after you confirmed; nothing was signed.`,
  };
}

/** The cosmjs half; a separate chunk that only a started transaction downloads. */
function loadCosmjsBackend(): Promise<TxBackend> {
  return import('./cosmjs-tx.js');
}

/** The one message an action sends, signed by `signer`. */
export function toIcsMessage(action: IcsAction, signer: string): IcsMessage {
  const base = { chainId: '', providerAddr: action.validator, signer, consumerId: action.consumerId };
  switch (action.type) {
    case 'opt-in':
      return { typeUrl: MSG_OPT_IN_TYPE_URL, value: { ...base, consumerKey: action.consumerKey?.trim() ?? '' } };
    case 'opt-out':
      return { typeUrl: MSG_OPT_OUT_TYPE_URL, value: base };
    case 'assign-consumer-key':
      return { typeUrl: MSG_ASSIGN_CONSUMER_KEY_TYPE_URL, value: { ...base, consumerKey: action.consumerKey.trim() } };
    case 'set-consumer-commission-rate':
      return { typeUrl: MSG_SET_CONSUMER_COMMISSION_RATE_TYPE_URL, value: { ...base, rate: action.rate.trim() } };
  }
}

/** Cache-key fragments of the reads an action changes (keys are REST paths). */
export function affectedReads(action: IcsAction): string[] {
  const id = action.consumerId;
  const membership = [`/opted_in_validators/${id}`, `/consumer_validators/${id}`, '/consumer_chains_per_validator/'];
  const key = [`/validator_consumer_addr/${id}/`, `/address_pairs/${id}`, `/consumer_validators/${id}`];
  switch (action.type) {
    case 'opt-in':
      return action.consumerKey ? [...new Set([...membership, ...key])] : membership;
    case 'opt-out':
      return membership;
    case 'assign-consumer-key':
      return key;
    case 'set-consumer-commission-rate':
      return [`/consumer_commission_rate/${id}/`, `/consumer_validators/${id}`];
  }
}

/** The chain state the checks need, read fresh (not from the cache). */
export async function readPrecheckState(client: FlowClient, action: IcsAction): Promise<PrecheckState> {
  const fresh = { fresh: true };
  const [validator, details, minPowerInTopN, staking] = await Promise.all([
    orUndefined(client.validator(action.validator, fresh)),
    orUndefined(client.consumerChain(action.consumerId, fresh)),
    // Only opt-out needs the Top-N threshold, which only the chain list carries.
    action.type === 'opt-out'
      ? client.consumerChains({ ...fresh, phase: 'launched' }).then((chains) => chains.find((c) => c.consumerId === action.consumerId)?.minPowerInTopN)
      : Promise.resolve(undefined),
    action.type === 'set-consumer-commission-rate' ? client.stakingParams(fresh) : Promise.resolve(undefined),
  ]);
  const keyUse = await readKeyUse(client, action, validator?.consensusAddress);
  return {
    prefixes: client.config.prefixes,
    validator: validator && {
      operatorAddress: validator.operatorAddress,
      // Last validator power (the provider compares this with the Top-N threshold).
      power: consensusPower(validator.tokens, validator.status === 'bonded'),
    },
    consumer: details && {
      consumerId: details.consumerId,
      chainId: details.chainId,
      name: details.metadata.name,
      phase: details.phase,
      kind: details.kind,
      minPowerInTopN,
    },
    minCommissionRate: staking?.minCommissionRate,
    keyUse,
  };
}

/** For an action with a consumer key: who uses that key now (provider keys, this chain's assignments). */
async function readKeyUse(client: FlowClient, action: IcsAction, ownValcons: string | undefined): Promise<PrecheckState['keyUse']> {
  const text = action.type === 'assign-consumer-key' || action.type === 'opt-in' ? action.consumerKey?.trim() : undefined;
  if (!text || ownValcons === undefined) return undefined;
  let key: string;
  try {
    key = (JSON.parse(text) as { key: string }).key;
  } catch {
    return undefined;
  }
  // Compared as base64 key text, not as addresses: hashing here would add sha256 to the light chunk.
  const [validators, pairs] = await Promise.all([
    client.validators({ fresh: true, status: 'all' }),
    client.addressPairs(action.consumerId, { fresh: true }).catch(() => []),
  ]);
  return {
    providerKeyOf: validators.find((v) => v.consensusPubkey.key === key)?.operatorAddress,
    assignedOnChain: pairs.some((p) => p.consumerKey?.key === key),
    ownAssigned: pairs.some((p) => p.providerAddress === ownValcons),
  };
}

/** A read that answers "not found" is an absent thing, not a failure. */
async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isIcsError(error) && error.kind === 'not-found') return undefined;
    throw error;
  }
}

function readFailure(error: unknown): TxResult {
  if (isIcsError(error) && error.kind === 'invalid-input') {
    return { status: 'refused', code: 'bad-address', message: error.message };
  }
  return {
    status: 'failed',
    code: 'network',
    codespace: '',
    abciCode: 0,
    message: `Could not read the chain to check the transaction: ${errorMessage(error)}`,
  };
}

function walletFailure(wallet: Wallet, error: unknown): TxResult {
  return { status: 'failed', code: 'unknown', codespace: '', abciCode: 0, message: `${wallet.label} reported an error: ${errorMessage(error)}` };
}
