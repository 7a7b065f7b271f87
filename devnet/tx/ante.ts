/**
 * The ante handler, in the SDK's order (x/auth/ante NewAnteHandler, v0.50–v0.53): basic tx
 * checks, memo, fee (min gas price on CheckTx only, then deducted), public key, sequence, the
 * secp256k1 signature over the SIGN_MODE_DIRECT sign doc or the legacy amino JSON sign doc, and
 * the sequence bump. Simulation skips the fee check and the signature, as the SDK does.
 */
import { rawSecp256k1PubkeyToRawAddress } from '@cosmjs/amino';
import { Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto';
import { toBech32 } from '@cosmjs/encoding';
import { AminoTypes } from '@cosmjs/stargate';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { createIcsAminoConverters } from '../../src/signing/amino.js';
import type { ChainState } from '../state.js';
import type { AccountState } from './accounts.js';
import { goJson } from './amino-json.js';
import type { DecodedTx } from './decode.js';
import { txError } from './errors.js';
import type { TxEvent } from './provider.js';

export type ExecMode = 'check' | 'deliver' | 'simulate';

/** Gas of the ante handler: tx size, signature verification, account reads (fixed, deterministic). */
export const ANTE_GAS = 30_000n;
const MAX_MEMO_CHARACTERS = 256;
const SECP256K1_PUBKEY_TYPE = '/cosmos.crypto.secp256k1.PubKey';

export interface MinGasPrice {
  /** Price per gas unit as a decimal scaled by 10^18 (0.005 → 5 × 10^15). */
  atomics: bigint;
  denom: string;
}

export interface AnteInput {
  chain: ChainState;
  tx: DecodedTx;
  txBytes: Uint8Array;
  mode: ExecMode;
  minGasPrice: MinGasPrice;
  /** CheckTx: the signer's sequence after the txs waiting in the mempool. */
  pendingSequence?: (address: string) => bigint | undefined;
}

export interface AnteResult {
  signer: AccountState;
  /** The fee in the staking denom (what was or will be charged). */
  fee: bigint;
  gasLimit: bigint;
  /** Events the ante handler emits (`tx` fee, sequence and signature; fee transfer). */
  events: TxEvent[];
  /** Applies the ante's state change: fee, public key, sequence (deliver mode runs it at once). */
  commit(): void;
}

const aminoTypes = new AminoTypes(createIcsAminoConverters());

export function runAnte(input: AnteInput): AnteResult {
  const { chain, tx, mode } = input;
  const prefix = chain.scenario.prefixes.account;
  const denom = chain.scenario.denom;
  const signers = [...new Set(tx.messages.map((m) => m.value.signer))];
  for (const s of signers) {
    try {
      if (!s.startsWith(`${prefix}1`)) throw new Error(`invalid Bech32 prefix; expected ${prefix}`);
    } catch (error) {
      throw txError('sdk', 7, `invalid signer address ${s}: ${(error as Error).message}`);
    }
  }
  // Tx.ValidateBasic
  const signatures = tx.raw.signatures;
  if (signatures.length === 0) throw txError('sdk', 15);
  if (signatures.length !== signers.length) throw txError('sdk', 4, `wrong number of signers; expected ${signers.length}, got ${signatures.length}`);
  if (tx.authInfo.signerInfos.length !== signers.length) {
    throw txError('sdk', 4, `invalid number of signer;  expected: ${signers.length}, got ${tx.authInfo.signerInfos.length}`);
  }
  const memo = tx.body.memo;
  if ([...memo].length > MAX_MEMO_CHARACTERS) {
    throw txError('sdk', 12, `maximum number of characters is ${MAX_MEMO_CHARACTERS} but received ${[...memo].length} characters`);
  }
  const fee = tx.authInfo.fee;
  const gasLimit = fee?.gasLimit ?? 0n;
  if (mode !== 'simulate' && gasLimit < ANTE_GAS) {
    throw txError('sdk', 11, `out of gas in location: txSize; gasWanted: ${gasLimit}, gasUsed: ${ANTE_GAS}`);
  }
  const coins = fee?.amount ?? [];
  for (const c of coins) {
    if (!/^\d+$/.test(c.amount) || c.denom === '') throw txError('sdk', 10, `invalid fee amount ${c.amount}${c.denom}`);
  }
  const feeText = coins.map((c) => `${c.amount}${c.denom}`).join(',');
  const feeAmount = coins.filter((c) => c.denom === denom).reduce((sum, c) => sum + BigInt(c.amount), 0n);
  const otherDenom = coins.find((c) => c.denom !== denom && BigInt(c.amount) > 0n);

  // DeductFeeDecorator: a validator's min gas price is checked on CheckTx only.
  if (mode === 'check') {
    const required = ceilDiv(gasLimit * input.minGasPrice.atomics, 10n ** 18n);
    if (feeAmount < required || (otherDenom && feeAmount < required)) {
      throw txError('sdk', 13, `insufficient fees; got: ${feeText} required: ${required}${input.minGasPrice.denom}`);
    }
  }
  const payerAddress = fee?.payer || signers[0]!;
  const payer = chain.accounts.get(payerAddress);
  if (!payer) throw txError('sdk', 9, `fee payer address: ${payerAddress} does not exist`);
  if (otherDenom) throw txError('sdk', 5, `spendable balance 0${otherDenom.denom} is smaller than ${otherDenom.amount}${otherDenom.denom}`);
  if (feeAmount > payer.balance) {
    throw txError('sdk', 5, `spendable balance ${payer.balance}${denom} is smaller than ${feeText}`);
  }

  // SetPubKeyDecorator, SigVerificationDecorator (one signer: the provider messages have one each).
  const signerAddress = signers[0]!;
  const account = chain.accounts.get(signerAddress);
  if (!account) throw txError('sdk', 9, `account ${signerAddress} does not exist`);
  const info = tx.authInfo.signerInfos[0]!;
  let pubkey = account.pubkey;
  if (info.publicKey) {
    if (info.publicKey.typeUrl !== SECP256K1_PUBKEY_TYPE)
      throw txError('sdk', 8, `can only accept ${SECP256K1_PUBKEY_TYPE} keys; got ${info.publicKey.typeUrl}`);
    const key = PubKey.decode(info.publicKey.value).key;
    const address = toBech32(prefix, rawSecp256k1PubkeyToRawAddress(key));
    if (address !== signerAddress) throw txError('sdk', 8, `pubKey does not match signer address ${signerAddress} with signer index: 0`);
    pubkey = key;
  }
  if (!pubkey) throw txError('sdk', 8, 'pubkey on account is not set');
  const expected = (mode === 'check' ? input.pendingSequence?.(signerAddress) : undefined) ?? account.sequence;
  if (info.sequence !== expected) {
    throw txError('sdk', 32, `account sequence mismatch, expected ${expected}, got ${info.sequence}`);
  }
  const signMode = info.modeInfo?.single?.mode;
  if (mode !== 'simulate') {
    const amino = signMode === SignMode.SIGN_MODE_LEGACY_AMINO_JSON;
    if (signMode !== SignMode.SIGN_MODE_DIRECT && !amino) throw txError('sdk', 4, `unsupported sign mode ${String(signMode)}`);
    const bytes = amino ? aminoSignBytes(input, account, info.sequence) : directSignBytes(input, account);
    if (!verify(bytes, signatures[0]!, pubkey)) {
      throw txError(
        'sdk',
        4,
        amino
          ? `signature verification failed; please verify account number (${account.accountNumber}), sequence (${account.sequence}) and chain-id (${chain.scenario.chainId})`
          : `signature verification failed; please verify account number (${account.accountNumber}) and chain-id (${chain.scenario.chainId})`,
      );
    }
  }

  const finalPubkey = pubkey;
  const attr = (key: string, value: string) => ({ key, value });
  const events: TxEvent[] = [];
  if (feeAmount > 0n) {
    events.push(
      { type: 'coin_spent', attributes: [attr('spender', payerAddress), attr('amount', feeText)] },
      { type: 'coin_received', attributes: [attr('receiver', FEE_COLLECTOR), attr('amount', feeText)] },
      { type: 'transfer', attributes: [attr('recipient', FEE_COLLECTOR), attr('sender', payerAddress), attr('amount', feeText)] },
      { type: 'message', attributes: [attr('sender', payerAddress)] },
    );
  }
  events.push(
    { type: 'tx', attributes: [attr('fee', feeText), attr('fee_payer', payerAddress)] },
    { type: 'tx', attributes: [attr('acc_seq', `${signerAddress}/${info.sequence}`)] },
    { type: 'tx', attributes: [attr('signature', Buffer.from(signatures[0]!).toString('base64'))] },
  );
  return {
    signer: account,
    fee: feeAmount,
    gasLimit,
    events,
    commit() {
      payer.balance -= feeAmount;
      account.pubkey = finalPubkey;
      account.sequence += 1n;
    },
  };
}

/** The fee collector module account (auth's module address for "fee_collector"). */
const FEE_COLLECTOR = 'cosmos17xpfvakm2amg962yls6f84z3kell8c5lserqta';

function directSignBytes(input: AnteInput, account: AccountState): Uint8Array {
  return SignDoc.encode({
    bodyBytes: input.tx.raw.bodyBytes,
    authInfoBytes: input.tx.raw.authInfoBytes,
    chainId: input.chain.scenario.chainId,
    accountNumber: account.accountNumber,
  }).finish();
}

/**
 * The legacy amino JSON sign doc: messages through the ICS amino converters (type = type URL),
 * written with the chain's escaping (Go's encoding/json: `goJson`), not cosmjs's.
 */
function aminoSignBytes(input: AnteInput, account: AccountState, sequence: bigint): Uint8Array {
  const { tx } = input;
  const fee = tx.authInfo.fee;
  const stdFee = {
    amount: (fee?.amount ?? []).map((c) => ({ denom: c.denom, amount: c.amount })),
    gas: String(fee?.gasLimit ?? 0n),
    ...(fee?.granter ? { granter: fee.granter } : {}),
    ...(fee?.payer ? { payer: fee.payer } : {}),
  };
  const msgs = tx.messages.map((m) => aminoTypes.toAmino(m));
  const doc = {
    account_number: account.accountNumber.toString(),
    chain_id: input.chain.scenario.chainId,
    fee: stdFee,
    memo: tx.body.memo,
    msgs,
    sequence: sequence.toString(),
    ...(tx.body.timeoutHeight > 0n ? { timeout_height: tx.body.timeoutHeight.toString() } : {}),
  };
  return new TextEncoder().encode(goJson(doc));
}

function verify(signBytes: Uint8Array, signature: Uint8Array, pubkey: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  // The SDK refuses malleable (high-S) signatures; cosmjs's verifier would accept them.
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
  if (s > SECP256K1_HALF_ORDER) return false;
  try {
    return Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(signature), sha256(signBytes), pubkey);
  } catch {
    return false;
  }
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

const SECP256K1_HALF_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n / 2n;
