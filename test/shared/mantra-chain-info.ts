// The MANTRA-like devnet's chain as Keplr describes it, written once for the tests that check the
// chain info built from the chain (Node) and those that hand a page's own to a wallet (Node, browser).
import type { ChainInfo } from '../../src/signing/index.js';

/** Its bech32 prefixes: accounts, validators, consensus keys, each with its public-key form. */
export const MANTRA_BECH32_CONFIG = {
  bech32PrefixAccAddr: 'mantra',
  bech32PrefixAccPub: 'mantrapub',
  bech32PrefixValAddr: 'mantravaloper',
  bech32PrefixValPub: 'mantravaloperpub',
  bech32PrefixConsAddr: 'mantravalcons',
  bech32PrefixConsPub: 'mantravalconspub',
};

/** The chain info a host page gives for it: its own name for the chain, served at `rpc` and `rest`. */
export function hostChainInfo(chainName: string, rpc: string, rest: string): ChainInfo {
  return {
    chainId: 'mantra-devnet-1',
    chainName,
    rpc,
    rest,
    bip44: { coinType: 118 },
    bech32Config: { ...MANTRA_BECH32_CONFIG },
    currencies: [{ coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6 }],
    feeCurrencies: [{ coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6, gasPriceStep: { low: 0.01, average: 0.025, high: 0.03 } }],
    stakeCurrency: { coinDenom: 'OM', coinMinimalDenom: 'uom', coinDecimals: 6 },
  };
}
