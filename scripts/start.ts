// `npm start`: a local provider chain (the devnet) and the demo pages, on this machine only.
// `npm start -- --scenario mantra-like` runs a provider shaped like MANTRA (prefix mantra, denom
// uom shown as OM) instead of the Hub-like default; the pages read those from the chain.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { BUILT_IN_SCENARIOS, startDevnet } from '../devnet/index.js';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: process.env.ICS_DEVNET_SCENARIO ?? 'default' } } });
if (!(BUILT_IN_SCENARIOS as readonly string[]).includes(values.scenario) && !values.scenario.endsWith('.json')) {
  console.error(`--scenario must be one of ${BUILT_IN_SCENARIOS.join(', ')} or a .json file; got "${values.scenario}".`);
  process.exit(2);
}

const restPort = Number(process.env.ICS_DEVNET_PORT ?? 1317);
const rpcPort = Number(process.env.ICS_DEVNET_RPC_PORT ?? 26657);
const devnet = await startDevnet({ port: restPort, rpcPort, scenario: values.scenario });
const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await server.listen();
const page = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

console.log(`\nDevnet (chain ${devnet.chainId}) REST: ${devnet.restUrl}`);
console.log(`Devnet CometBFT RPC: ${devnet.rpcUrl} (test operators' mnemonics: devnet/test-keys.ts, TEST ONLY)`);
console.log(`Demo: ${page}?rest=${encodeURIComponent(devnet.restUrl)}\n`);
console.log('Press Ctrl+C to stop.');

async function stop(): Promise<void> {
  await server.close();
  await devnet.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
