/**
 * The parts of signing an acting element loads on demand: the transaction flow when a
 * confirmation panel opens (Confirm awaits the same load), the chain suggestion when a wallet does
 * not know the chain. Neither is needed before a click, so an acting element's page does not carry
 * them. A load that fails is said in words, and nothing is signed or added.
 */
import type { ChainInfoInput, SuggestResult, TxFlow, TxFlowOptions, TxResult, Wallet } from '../../src/signing/index.js';
import { errorMessage } from '../../src/index.js';
import type { ChainContext } from '../../src/index.js';
import { flowClient } from './flow-client.js';

const loadFlow = () => import('../../src/signing/flow.js');
const loadChainInfo = () => import('../../src/signing/chain-info.js');

/** Starts fetching the flow's code (a confirmation panel opened); a failure waits for Confirm to say it. */
export function prefetchFlow(): void {
  void loadFlow().catch(() => undefined);
}

/** Starts fetching the chain suggestion's code (a wallet does not know the chain). */
export function prefetchChainSuggestion(): void {
  void loadChainInfo().catch(() => undefined);
}

/**
 * One flow per client and wallet, so its one-at-a-time guard spans every click; made once its code
 * is loaded. `onStage` hears every flow's stages.
 */
export class FlowKeeper {
  private flow: TxFlow | undefined;
  private flowFor: [ChainContext, Wallet] | undefined;

  constructor(private readonly onStage: TxFlowOptions['onStage']) {}

  async flowOf(client: ChainContext, wallet: Wallet): Promise<TxFlow> {
    if (!this.has(client, wallet)) {
      const { TxFlow } = await loadFlow();
      // Another Confirm's load may have made one meanwhile: the first one made is kept.
      if (!this.has(client, wallet)) {
        this.flow = new TxFlow({ client: flowClient(client), wallet, onStage: this.onStage });
        this.flowFor = [client, wallet];
      }
    }
    return this.flow!;
  }

  private has(client: ChainContext, wallet: Wallet): boolean {
    return this.flow !== undefined && this.flowFor?.[0] === client && this.flowFor[1] === wallet;
  }
}

/** What Confirm ends with when the flow's code could not be loaded. */
export function flowLoadFailure(error: unknown): TxResult {
  return {
    status: 'failed',
    code: 'network',
    codespace: '',
    abciCode: 0,
    message: `Could not load the signing code: ${errorMessage(error)}; nothing was signed.`,
  };
}

/** Asks `wallet` to add the provider chain (see `suggestChain`), once the code that does it is loaded. */
export async function suggestProviderChain(client: ChainContext, wallet: Wallet, chainInfo: ChainInfoInput | undefined): Promise<SuggestResult> {
  let module: Awaited<ReturnType<typeof loadChainInfo>>;
  try {
    module = await loadChainInfo();
  } catch (error) {
    return { status: 'refused', message: `Could not load the code that adds a chain: ${errorMessage(error)}; nothing was added.` };
  }
  return module.suggestChain(flowClient(client), wallet, chainInfo);
}
