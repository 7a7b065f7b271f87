// `npm start`: a local provider chain (the devnet) and the demo pages, on this machine only.
import { createServer } from 'vite';
import { startDevnet } from '../src/devnet/index.js';

const restPort = Number(process.env.ICS_DEVNET_PORT ?? 1317);
const rpcPort = Number(process.env.ICS_DEVNET_RPC_PORT ?? 26657);
const devnet = await startDevnet({ port: restPort, rpcPort });
const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await server.listen();
const page = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

console.log(`\nDevnet (chain ${devnet.chainId}) REST: ${devnet.restUrl}`);
console.log(`Devnet CometBFT RPC: ${devnet.rpcUrl} (test operators' mnemonics: src/devnet/test-keys.ts, TEST ONLY)`);
console.log(`Demo: ${page}?rest=${encodeURIComponent(devnet.restUrl)}\n`);
console.log('Press Ctrl+C to stop.');

async function stop(): Promise<void> {
  await server.close();
  await devnet.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
