/**
 * A failed transaction's `codespace` + `code` + raw log, in the words the pre-checks use where
 * they mean the same thing. No cosmjs.
 *
 * Where the codes come from:
 * - `provider`: interchain-security v7.0.0 `x/ccv/provider/types/errors.go` (ics-protocol.md §10).
 * - `staking`: cosmos-sdk `x/staking/types/errors.go` (v0.50–v0.53): 3 ErrNoValidatorFound
 *   "validator does not exist", 6 ErrValidatorPubKeyTypeNotSupported, 40 ErrCommissionLTMinRate
 *   "commission cannot be less than min rate".
 * - `sdk`: cosmos-sdk `types/errors/errors.go` (RootCodespace "sdk", unchanged through v0.53):
 *   3 ErrInvalidSequence, 4 ErrUnauthorized (signature verification failed: wrong chain id or
 *   account number, or a gaia v28+ "legacy ICS message"), 5 ErrInsufficientFunds, 11 ErrOutOfGas,
 *   13 ErrInsufficientFee, 32 ErrWrongSequence "incorrect account sequence".
 */
import type { TxErrorCode } from './actions.js';
import { trimDecimal, words } from './words.js';

export interface ChainErrorInput {
  /** "" when unknown (cosmjs drops it from simulate errors); inferred from the log then. */
  codespace: string;
  code: number;
  log?: string | undefined;
}

export interface ChainErrorWords {
  code: TxErrorCode;
  /** Codespace as given, or as inferred from the log. */
  codespace: string;
  message: string;
}

type Describe = (log: string) => { code: TxErrorCode; message: string };

/** Phrases of each error's log, to recognise it when the codespace is missing. */
const TABLE: Record<string, Record<number, { phrase: RegExp; describe: Describe }>> = {
  provider: {
    3: {
      phrase: /unknown consumer|no consumer chain/i,
      describe: (log) => ({ code: 'unknown-consumer', message: `The provider does not know this consumer chain${idIn(log)}.` }),
    },
    10: {
      phrase: /key (is )?already in use|already uses the consumer key|has or had assigned/i,
      describe: () => ({ code: 'key-in-use', message: words.keyInUse() }),
    },
    11: { phrase: /default key/i, describe: () => ({ code: 'default-key', message: words.defaultKey() }) },
    20: {
      phrase: /cannot opt out from (a )?top ?n/i,
      describe: (log) => {
        const match = /power \((\d+)\).*?at least (\d+) power/is.exec(log);
        const power = match?.[1] === undefined ? undefined : BigInt(match[1]);
        const min = match?.[2] === undefined ? undefined : BigInt(match[2]);
        return { code: 'top-n-opt-out', message: words.topNOptOut('This chain', power, min) };
      },
    },
    27: { phrase: /phase/i, describe: (log) => ({ code: 'wrong-phase', message: phaseWords(log) }) },
    46: { phrase: /invalid assign consumer key/i, describe: invalidMessage },
    49: { phrase: /invalid opt in/i, describe: invalidMessage },
    50: { phrase: /invalid opt out/i, describe: invalidMessage },
    51: { phrase: /invalid set consumer commission/i, describe: invalidMessage },
  },
  staking: {
    3: {
      phrase: /validator does not exist/i,
      describe: () => ({ code: 'unknown-validator', message: 'The provider chain has no validator with this operator address.' }),
    },
    6: {
      phrase: /pubkey type is not supported/i,
      describe: () => ({ code: 'bad-key', message: words.badKey('its type is not supported; only ed25519 keys are.') }),
    },
    40: {
      phrase: /less than (the )?min/i,
      describe: (log) => {
        const min = /less than (?:min(?:imum)?(?: rate)?(?: of)? )?(\d+(?:\.\d+)?)/i.exec(log)?.[1];
        return { code: 'commission-range', message: words.commissionBelowMin(min ? trimDecimal(min) : 'the staking min_commission_rate') };
      },
    },
  },
  sdk: {
    3: { phrase: /invalid sequence/i, describe: () => ({ code: 'wrong-sequence', message: sequenceWords() }) },
    4: {
      phrase: /unauthorized|signature verification failed/i,
      describe: (log) =>
        /legacy ics message/i.test(log)
          ? { code: 'ics-disabled', message: 'This chain no longer accepts ICS messages (the provider module was removed).' }
          : {
              code: 'unauthorized',
              message:
                'The chain did not accept the signature. The wallet may be set up for another chain id, or the account ' +
                'number it signed for is not the one on chain. Check the network in your wallet and try again.',
            },
    },
    5: {
      phrase: /insufficient funds/i,
      describe: () => ({ code: 'insufficient-funds', message: 'The operator account does not hold enough tokens to pay the fee.' }),
    },
    11: {
      phrase: /out of gas/i,
      describe: () => ({ code: 'out-of-gas', message: 'The transaction ran out of gas. Try again; the gas estimate will be refreshed.' }),
    },
    13: {
      phrase: /insufficient fee/i,
      describe: () => ({
        code: 'insufficient-fee',
        message: "The fee is below the node's minimum gas price. Configure a higher gas price for this chain.",
      }),
    },
    32: { phrase: /incorrect account sequence|account sequence mismatch/i, describe: () => ({ code: 'wrong-sequence', message: sequenceWords() }) },
  },
};

/** The words for a chain error; unknown ones keep the chain's own log, cut to a readable length. */
export function describeChainError(input: ChainErrorInput): ChainErrorWords {
  const log = input.log ?? '';
  const codespace = input.codespace || inferCodespace(input.code, log);
  const entry = TABLE[codespace]?.[input.code];
  if (entry) return { codespace, ...entry.describe(log) };
  const detail = firstLine(log);
  return {
    code: 'unknown',
    codespace,
    message: `The chain refused the transaction (${codespace || 'unknown'} error ${input.code})${detail ? `: ${detail}` : '.'}`,
  };
}

/** Which codespace's error with this code the log describes; "" when none fits. */
export function inferCodespace(code: number, log: string): string {
  for (const [codespace, entries] of Object.entries(TABLE)) {
    if (entries[code]?.phrase.test(log)) return codespace;
  }
  return '';
}

/**
 * cosmjs reports a failed simulation as `Error("Query failed with (CODE): LOG")` and drops the
 * codespace; this reads the code and log back, or undefined for any other error.
 */
export function parseQueryError(error: unknown): { code: number; log: string } | undefined {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = /Query failed with \((\d+)\):\s*([\s\S]*)$/.exec(text);
  return match ? { code: Number(match[1]), log: match[2] ?? '' } : undefined;
}

/**
 * A failed simulation reaches cosmjs as an ABCI query error that hides the tx's own code:
 * baseapp turns the Simulate service's gRPC status into sdk 6 (or 18 / 38) and the log reads
 * "rpc error: code = Unknown desc = <tx log> With gas wanted: '…' and gas used: '…' : unknown request".
 * This returns the tx log inside, with the codespace and code its registered description names
 * (the last ": "-separated part of an SDK error log); undefined when the log is no such wrapper.
 */
export function unwrapSimulationError(log: string): ChainErrorInput | undefined {
  const match =
    /^rpc error: code = \w+ desc = ([\s\S]*?)(?:\s*With gas wanted: '\d+' and gas used: '\d+'\s*)?: (?:unknown request|invalid request|key not found)$/.exec(
      log.trim(),
    );
  if (!match) return undefined;
  const inner = match[1]!.trim();
  const root = inner.slice(inner.lastIndexOf(': ') + 2);
  for (const text of [root, inner]) {
    for (const [codespace, entries] of Object.entries(TABLE)) {
      for (const [code, entry] of Object.entries(entries)) {
        if (entry.phrase.test(text)) return { codespace, code: Number(code), log: inner };
      }
    }
  }
  return { codespace: '', code: 0, log: inner };
}

function invalidMessage(log: string): { code: TxErrorCode; message: string } {
  const signer = /AccAddress \((\S+)\) must match the signer address \((\S*)\)/.exec(log);
  if (signer) return { code: 'wrong-signer', message: words.wrongSigner(signer[1]!, signer[2] || undefined) };
  if (/commission rate should be in the range/i.test(log)) return { code: 'commission-range', message: words.commissionAboveOne() };
  if (/consumer ?key|ConsumerKey|pubkey/i.test(log)) return { code: 'bad-key', message: words.badKey(`the chain said: ${firstLine(log)}.`) };
  return { code: 'invalid-message', message: `The chain found the message malformed: ${firstLine(log)}.` };
}

function phaseWords(log: string): string {
  if (/opt(ing)? out/i.test(log)) return 'You can opt out of a consumer chain only once it has launched.';
  if (/opt in/i.test(log)) return 'You can opt in only while the chain is registered, initialized or launched.';
  return 'The consumer chain is not in a phase that allows this (it must be registered, initialized or launched).';
}

function sequenceWords(): string {
  return 'The account sequence changed (another transaction from this account was sent meanwhile). Try again.';
}

function idIn(log: string): string {
  const id = /(?:consumer )?id:? \(?(\d+)\)?/i.exec(log)?.[1];
  return id === undefined ? '' : ` (id ${id})`;
}

/** The SDK appends stack locations and gas figures; a person needs the first sentence. */
function firstLine(log: string): string {
  const text = log
    .split('\n')[0]!
    .replace(/\s*\[[^\]]*\.go:\d+\].*$/, '')
    .replace(/\s*With gas wanted.*$/i, '')
    .trim();
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}
