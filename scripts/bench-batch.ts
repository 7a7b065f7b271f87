// `npm run bench` (fourth part): whether batching the consumer list's validator-set reads in one
// JSON-RPC POST would pay for its code (issue 14). A devnet that adds 100 ms to every REST answer
// and to every JSON-RPC request (one delay per HTTP request, so a batch pays it once), 60
// validators; for 7 (a first screen), 50 and 200 launched chains it reads every chain's
// `consumer_validators` twice, in Node:
//   - REST: one GET per chain through the SDK's own client (`ProviderClient`, at most 6 in
//     flight as a browser over HTTP/1.1), decoded by the SDK's REST decoder;
//   - JSON-RPC: one POST carrying one `abci_query` per chain, the protobuf answers decoded by a
//     small hand-written decoder kept beside this bench (scripts/bench-batch/); the bench asserts
//     that both ways give equal values for every chain.
// It prints, per size, each way's time, HTTP requests, round trips (waves of 6 for REST) and
// answer bytes (uncompressed), and the round trips the batch saves at 100 ms each; then the cost
// of the RPC path in code: the decoder, and the decoder with the batch request, minified and
// gzipped (-9) as a page would load them. Figures are printed, never asserted (a timed test fails
// on a busy machine).
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { build, minify } from 'vite';
import { startDevnet } from '../devnet/index.js';
import { ProviderClient } from '../src/client.js';
import type { ConsumerValidator } from '../src/ics/models.js';
import { batchBody, consumerValidatorsBatch } from './bench-batch/abci-batch.js';
import { benchChains, benchRuns, median } from './bench-lib.js';
import { VALIDATORS, scenarioOf } from './bench-scenario.js';

const LATENCY_MS = 100;
/** Requests in flight at once: a browser's connections per host over HTTP/1.1, the SDK's default. */
const IN_FLIGHT = 6;
const SIZES = benchChains([7, 50, 200]);
const RUNS = benchRuns(3);
const ICS_REST = '/interchain_security/ccv/provider';

interface Way {
  ms: number;
  requests: number;
  sets: ConsumerValidator[][];
}

async function timed(read: () => Promise<Omit<Way, 'ms'>>): Promise<Way> {
  const start = performance.now();
  const result = await read();
  return { ...result, ms: performance.now() - start };
}

/** REST as the list reads it: one GET per chain, a fresh client (nothing cached), 6 in flight. */
function viaRest(rest: string, chainId: string, ids: string[]): Promise<Way> {
  return timed(async () => {
    const client = new ProviderClient({ rest, chainId, maxConcurrent: IN_FLIGHT });
    const sets = await Promise.all(ids.map((id) => client.consumerValidators(id)));
    return { sets, requests: client.stats().requests };
  });
}

function viaBatch(rpc: string, ids: string[]): Promise<Way> {
  return timed(async () => ({ sets: await consumerValidatorsBatch(rpc, ids), requests: 1 }));
}

/** The answers' bytes as sent (uncompressed: the devnet does not gzip), read once more, untimed. */
async function answerBytes(rest: string, rpc: string, ids: string[]): Promise<{ rest: number; rpc: number }> {
  const length = async (response: Promise<Response>) => (await (await response).arrayBuffer()).byteLength;
  const restBytes = await Promise.all(ids.map((id) => length(fetch(`${rest}${ICS_REST}/consumer_validators/${id}`))));
  return { rest: restBytes.reduce((a, b) => a + b, 0), rpc: await length(fetch(rpc, { method: 'POST', body: batchBody(ids) })) };
}

/** A module as a page would load it: Vite's production build of it alone, minified, then gzip -9. */
async function loadedSize(entry: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  let code = '';
  for (const out of outputs) if (out.type === 'chunk') code += (await minify(out.fileName, out.code, {})).code;
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

console.log(
  `consumer_validators of N chains, ${VALIDATORS} validators, ${LATENCY_MS} ms added to every REST answer and every JSON-RPC request, Node ${process.version}, median of ${RUNS} runs`,
);
console.log('chains  REST: GETs, 6 in flight                         JSON-RPC: one batch POST                     the batch saves');
for (const chains of SIZES) {
  const scenario = scenarioOf(chains);
  const devnet = await startDevnet({ blockTimeMs: 0, port: 0, scenario, latencyMs: LATENCY_MS });
  try {
    const ids = scenario.consumers!.map((c) => c.consumerId);
    const rest: Way[] = [];
    const batch: Way[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always meets a warmer devnet.
      const batchFirst = i % 2 === 1 ? await viaBatch(devnet.rpcUrl, ids) : undefined;
      const r = await viaRest(devnet.restUrl, scenario.chainId, ids);
      const b = batchFirst ?? (await viaBatch(devnet.rpcUrl, ids));
      rest.push(r);
      batch.push(b);
      // The figures must agree: the same validators, powers, rates and keys for every chain.
      ids.forEach((id, k) => assert.deepEqual(b.sets[k], r.sets[k], `chain ${id}: the batch's decoder differs from the REST decoder`));
    }
    const bytes = await answerBytes(devnet.restUrl, devnet.rpcUrl, ids);
    const waves = Math.ceil(chains / IN_FLIGHT);
    const show = (ways: Way[], trips: number, answer: number) => {
      const ms = median(ways.map((w) => w.ms));
      const requests = median(ways.map((w) => w.requests));
      return `${ms.toFixed(0).padStart(5)} ms ${String(requests).padStart(3)} requests ${String(trips).padStart(2)} trips (${(ms / LATENCY_MS).toFixed(1).padStart(4)}) ${kb(answer).padStart(7)}`;
    };
    const saved = median(rest.map((w) => w.ms)) - median(batch.map((w) => w.ms));
    console.log(
      `${String(chains).padStart(6)}  ${show(rest, waves, bytes.rest).padEnd(48)}${show(batch, 1, bytes.rpc).padEnd(47)}${String(waves - 1).padStart(2)} trips = ${(waves - 1) * LATENCY_MS} ms; measured ${saved.toFixed(0)} ms`,
    );
  } finally {
    await devnet.stop();
  }
}

const decoder = await loadedSize('scripts/bench-batch/decode-consumer-validators.ts');
const path = await loadedSize('scripts/bench-batch/abci-batch.ts');
console.log(
  `cost in code: the protobuf decoder ${decoder.min} B min, ${decoder.gzip} B gzip; with the batch request (encode, POST, match answers) ${path.min} B min, ${path.gzip} B gzip`,
);
