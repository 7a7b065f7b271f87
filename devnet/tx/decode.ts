/**
 * A transaction's bytes → its parts: `TxRaw` → `TxBody` + `AuthInfo`, and each message decoded
 * with the core's ICS codecs (the devnet and the client share them, never a copy). Anything that
 * does not decode fails as the SDK's tx decoder fails: codespace sdk, code 2.
 */
import { AuthInfo, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { decodeIcsMessage } from '../../src/signing/messages.js';
import type { IcsMessage } from '../../src/signing/message-types.js';
import { txError } from './errors.js';

export interface DecodedTx {
  raw: TxRaw;
  body: TxBody;
  authInfo: AuthInfo;
  messages: IcsMessage[];
}

export function decodeTx(bytes: Uint8Array): DecodedTx {
  let raw: TxRaw;
  let body: TxBody;
  let authInfo: AuthInfo;
  try {
    raw = TxRaw.decode(bytes);
    body = TxBody.decode(raw.bodyBytes);
    authInfo = AuthInfo.decode(raw.authInfoBytes);
  } catch (error) {
    throw txError('sdk', 2, `${(error as Error).message}`);
  }
  if (body.messages.length === 0) throw txError('sdk', 18, 'must contain at least one message');
  const messages = body.messages.map((any) => {
    let message: IcsMessage | undefined;
    try {
      message = decodeIcsMessage(any);
    } catch (error) {
      throw txError('sdk', 2, `failed to decode ${any.typeUrl}: ${(error as Error).message}`);
    }
    // The devnet's app registers only the provider's validator messages.
    if (!message) throw txError('sdk', 2, `unable to resolve type URL ${any.typeUrl}`);
    return message;
  });
  return { raw, body, authInfo, messages };
}
