#!/usr/bin/env node
// `ics-devnet` (the package's bin; `npm run devnet` in this repository): a local ICS provider chain
// on loopback, until Ctrl+C.
import { parseArgs } from 'node:util';
import { startDevnet } from './index.js';
import type { IcsMode } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '1317' },
    'rpc-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string' },
    'no-denom-metadata': { type: 'boolean' },
    'block-time': { type: 'string', default: '1000' },
    ics: { type: 'string', default: 'v7' },
    latency: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: ics-devnet [--port 1317] [--rpc-port 26657] [--host 127.0.0.1] [--scenario default|mantra-like|file.json]
                  [--no-denom-metadata] [--block-time ms (0 = manual)] [--ics v7|absent|legacy] [--latency ms]

A local ICS v7 provider chain (REST and CometBFT RPC) on loopback, until Ctrl+C. From an app that
installed ics-elements: npx ics-devnet. Its test operators' keys (TEST ONLY) are exported by
ics-elements/devnet as TEST_OPERATORS.`);
  process.exit(0);
}

const number = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return value;
};
if (!['v7', 'absent', 'legacy'].includes(values.ics)) {
  console.error(`--ics must be v7, absent or legacy, got "${values.ics}"`);
  process.exit(2);
}

const devnet = await startDevnet({
  host: values.host,
  port: number('port', values.port),
  // --port 0 asks for free ports (tests): the RPC follows unless given.
  rpcPort: number('rpc-port', values['rpc-port'] ?? (values.port === '0' ? '0' : '26657')),
  scenario: values.scenario,
  denomMetadata: !values['no-denom-metadata'],
  blockTimeMs: number('block-time', values['block-time']),
  ics: values.ics as IcsMode,
  latencyMs: number('latency', values.latency),
});
console.log(`ICS devnet ${devnet.chainId} (ICS ${values.ics}) REST on ${devnet.restUrl}`);
console.log(`CometBFT RPC on ${devnet.rpcUrl}`);
const stop = () => void devnet.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Keep the process alive: the block timer is unref'd so tests can exit.
setInterval(() => undefined, 1 << 30);
