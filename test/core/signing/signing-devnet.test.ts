// The signing path end to end in Node: TestWallet → TxFlow (cosmjs) → the devnet's RPC → ProviderClient.
import { after, before, beforeEach, describe, it } from 'node:test';
import { startDevnet } from '../../../devnet/index.js';
import type { Devnet } from '../../../devnet/index.js';
import { devnetControl } from '../../shared/devnet-control.js';
import { signingSuite } from '../../shared/signing-suite.js';

describe('signing against the devnet (Node)', () => {
  let devnet: Devnet;
  const env = { control: devnetControl('http://placeholder.invalid'), rpc: '', chainId: 'provider-devnet-1' };
  before(async () => {
    devnet = await startDevnet({ blockTimeMs: 0 });
    env.control = devnetControl(devnet.restUrl);
    env.rpc = devnet.rpcUrl;
  });
  after(() => devnet.stop());
  signingSuite({ describe, it, before, beforeEach }, env);
});
