/**
 * Transaction errors as a Cosmos SDK node reports them: a codespace, a code and a raw log of the
 * form "<context>: <registered description>" (errorsmod.Wrapf), so the core's
 * `describeChainError` reads the devnet's errors exactly as it reads a real node's.
 *
 * Codes and descriptions: cosmos-sdk `types/errors/errors.go` (codespace "sdk"),
 * `x/staking/types/errors.go` (codespace "staking") and interchain-security v7
 * `x/ccv/provider/types/errors.go` (codespace "provider"; ics-protocol.md §10).
 */
export class TxError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    /** The raw log, "<context>: <description>". */
    readonly log: string,
  ) {
    super(log);
  }
}

const DESCRIPTIONS: Record<string, Record<number, string>> = {
  sdk: {
    2: 'tx parse error',
    4: 'unauthorized',
    5: 'insufficient funds',
    6: 'unknown request',
    7: 'invalid address',
    8: 'invalid pubkey',
    9: 'unknown address',
    10: 'invalid coins',
    11: 'out of gas',
    12: 'memo too large',
    13: 'insufficient fee',
    15: 'no signatures supplied',
    18: 'invalid request',
    19: 'tx already in mempool',
    26: 'invalid height',
    32: 'incorrect account sequence',
    38: 'key not found',
  },
  staking: {
    3: 'validator does not exist',
    6: 'validator pubkey type is not supported',
    40: 'commission cannot be less than min rate',
  },
  provider: {
    3: 'no consumer chain with this consumer id',
    10: 'consumer key is already in use by a validator',
    11: 'cannot re-assign default key assignment',
    20: 'cannot opt out from a Top N chain',
    27: 'cannot perform action in the current phase of consumer chain',
    46: 'invalid assign consumer key message',
    49: 'invalid opt in message',
    50: 'invalid opt out message',
    51: 'invalid set consumer commission rate message',
  },
};

/** errorsmod.Wrapf(registered error, context): the log is "context: description". */
export function txError(codespace: keyof typeof DESCRIPTIONS & string, code: number, context?: string): TxError {
  const description = DESCRIPTIONS[codespace]?.[code];
  if (description === undefined) throw new Error(`no registered error ${codespace}/${code}`);
  return new TxError(codespace, code, context ? `${context}: ${description}` : description);
}

/** Wraps an error once more, as errorsmod.Wrapf(outer, "Field: %s", inner.Error()) does. */
export function wrapTxError(inner: TxError, codespace: string, code: number, prefix: string): TxError {
  return txError(codespace, code, `${prefix}: ${inner.log}`);
}

export function isTxError(error: unknown): error is TxError {
  return error instanceof TxError;
}
