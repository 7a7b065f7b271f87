/**
 * The bench's batched read of many chains' validator sets: one JSON-RPC POST to a CometBFT RPC
 * endpoint carrying one `abci_query` per chain (CometBFT answers a JSON array with an array), each
 * answer decoded from protobuf by ./decode-consumer-validators.ts. For scripts/bench-batch.ts only.
 */
import type { ConsumerValidator } from '../../src/ics/models.js';
import { decodeConsumerValidators } from './decode-consumer-validators.js';

const CONSUMER_VALIDATORS_PATH = '/interchain_security.ccv.provider.v1.Query/QueryConsumerValidators';

interface AbciAnswer {
  id: number;
  result?: { response: { code: number; log: string; value: string | null } };
  error?: { message: string; data: string };
}

/** `QueryConsumerValidatorsRequest { string consumer_id = 1; }` as hex, the JSON form of `abci_query`'s data. */
function requestHex(consumerId: string): string {
  const id = new TextEncoder().encode(consumerId);
  // One byte of length: consumer ids are short decimal numbers.
  if (id.length > 127) throw new Error(`consumer id too long: ${consumerId}`);
  return [0x0a, id.length, ...id].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const bytesOf = (base64: string | null) => Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0));

/** The POST's body: one `abci_query` per chain, its id the chain's index. */
export function batchBody(consumerIds: readonly string[]): string {
  return JSON.stringify(
    consumerIds.map((id, i) => ({ jsonrpc: '2.0', id: i, method: 'abci_query', params: { path: CONSUMER_VALIDATORS_PATH, data: requestHex(id) } })),
  );
}

/** Each chain's validator set, in the order of `consumerIds`, from one HTTP request. */
export async function consumerValidatorsBatch(rpc: string, consumerIds: readonly string[]): Promise<ConsumerValidator[][]> {
  // A string body goes as text/plain: a CORS-simple request, so a browser sends no preflight.
  const response = await fetch(rpc, { method: 'POST', body: batchBody(consumerIds) });
  if (!response.ok) throw new Error(`RPC answered HTTP ${response.status}`);
  const answers = (await response.json()) as AbciAnswer[];
  // A batch's answers may come in any order: match them by id.
  const byId = new Map(answers.map((a) => [a.id, a]));
  return consumerIds.map((consumerId, i) => {
    const answer = byId.get(i);
    if (!answer?.result) throw new Error(`chain ${consumerId}: ${answer?.error ? `${answer.error.message} ${answer.error.data}` : 'no answer'}`);
    const { code, log, value } = answer.result.response;
    if (code !== 0) throw new Error(`chain ${consumerId}: ABCI code ${code}: ${log}`);
    return decodeConsumerValidators(bytesOf(value));
  });
}
