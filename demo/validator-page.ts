// A validator's landing page: its consumer chains with an opt-in button in each row, a chain to
// join, and its consumer key and commission there. Query parameters: ?rest=<REST URL>&rpc=<RPC URL>
// &operator=newcomer|opted|top&theme=light|dark&consumer=<id>, and to see the wallet states:
// &wallet=none (no wallet installed) or &validator=<cosmosvaloper1…> (another validator than the
// wallet's operator: the wrong account).
//
// TEST ONLY: the page installs the test wallet as window.keplr with a devnet test operator's
// publicly known mnemonic, so the devnet can be driven without an extension. A real page leaves
// window.keplr to the person's wallet (or passes its own through the elements' `wallet` property).
import type { IcsProviderChain } from '../components/provider-chain/define.js';
import type { IcsValidatorChains } from '../components/validator-chains/define.js';
import type { IcsOptInButton } from '../components/opt-in-button/define.js';
import type { IcsValidatorSettings } from '../components/validator-settings/define.js';
import type { IcsPowerChart } from '../components/power-chart/define.js';
import { TestWallet } from '../src/signing/test-wallet.js';
import { ProviderClient, decodeAddress } from '../src/index.js';
import { encodeAddress } from '../src/chain/bech32.js';
import { testOperator } from '../devnet/test-keys.js';
import type { TestOperatorRole } from '../devnet/test-keys.js';
import { themeSwitch } from './controls.js';

const params = new URLSearchParams(location.search);
const rest = params.get('rest') ?? 'http://127.0.0.1:1317';
const rpc = params.get('rpc') ?? 'http://127.0.0.1:26657';
const role = (['newcomer', 'opted', 'top'].includes(params.get('operator') ?? '') ? params.get('operator') : 'newcomer') as TestOperatorRole;
// The chain's own prefix (a MANTRA-like devnet says "mantra"): the test operators' keys are the
// same, their addresses are re-encoded with it.
const chainPrefix = (await new ProviderClient({ rest }).chainParams().catch(() => undefined))?.prefixes.account ?? 'cosmos';
const withPrefix = (address: string, kind: 'account' | 'validator') =>
  address === '' ? '' : encodeAddress(kind === 'account' ? chainPrefix : `${chainPrefix}valoper`, decodeAddress(address).bytes);
const operator = {
  ...testOperator(role),
  account: withPrefix(testOperator(role).account, 'account'),
  operator: withPrefix(testOperator(role).operator, 'validator'),
};
const validator = params.get('validator') ?? operator.operator;
const withWallet = params.get('wallet') !== 'none';

const provider = document.querySelector<IcsProviderChain>('#provider')!;
const chains = document.querySelector<IcsValidatorChains>('#chains')!;
const join = document.querySelector<IcsOptInButton>('#join')!;
const settings = document.querySelector<IcsValidatorSettings>('#settings')!;
const chart = document.querySelector<IcsPowerChart>('#chart')!;
const joinChain = document.querySelector<HTMLSelectElement>('#join-chain')!;
const operatorSelect = document.querySelector<HTMLSelectElement>('#operator')!;

document.querySelector('#endpoint')!.textContent = rest;
document.querySelector('#rpc-endpoint')!.textContent = rpc;
document.querySelector('#operator-role')!.textContent = role;
document.querySelector('#operator-address')!.textContent = operator.account;
operatorSelect.value = role;
operatorSelect.addEventListener('change', () => {
  params.set('operator', operatorSelect.value);
  location.search = params.toString();
});

const setTheme = themeSwitch('ics-validator-chains, ics-opt-in-button, ics-validator-settings, ics-power-chart');

// The wallet goes in before the elements are defined, as an extension's would: they look for one
// when they connect (creating the test wallet derives keys, which takes a moment).
if (withWallet) {
  const wallet = await TestWallet.create({ accounts: [{ mnemonic: operator.mnemonic, name: `devnet test operator (${role})` }], prefix: chainPrefix });
  wallet.install(window as unknown as { keplr?: unknown });
  (window as unknown as { __testWallet?: TestWallet }).__testWallet = wallet;
} else {
  document.querySelector('#test-wallet')!.textContent = 'No wallet installed (?wallet=none): the elements say how to get one.';
}
await Promise.all([
  import('../components/provider-chain/define.js'),
  import('../components/validator-chains/define.js'),
  import('../components/opt-in-button/define.js'),
  import('../components/validator-settings/define.js'),
  import('../components/power-chart/define.js'),
]);

provider.rpc = rpc;
provider.rest = rest;
chains.validator = validator;
join.validator = validator;
settings.validator = validator;
chart.validator = validator;

await provider.updateComplete;
// Every query as a method, over the provider's context (its cache shared).
const client = provider.client && new ProviderClient(provider.client);
if (client) {
  // An opt-in button in every row's action slot (a slot without a row shows nothing), and every
  // chain a validator can join in the chooser: registered, initialized or launched.
  const all = await client.consumerChains({ phase: 'all' }).catch(() => []);
  const active = all.filter((c) => c.phase === 'registered' || c.phase === 'initialized' || c.phase === 'launched');
  for (const chain of active) {
    const button = document.createElement('ics-opt-in-button');
    button.slot = `action-${chain.consumerId}`;
    button.consumerId = chain.consumerId;
    button.validator = validator;
    button.explorerTx = join.explorerTx;
    chains.append(button);
    // Names are written by anyone: shown as text with both ids.
    joinChain.append(new Option(`#${chain.consumerId} · ${chain.chainId} · ${chain.metadata.name.slice(0, 40)}`, chain.consumerId));
  }
  const start = params.get('consumer') ?? active.find((c) => c.consumerId === '4')?.consumerId ?? active[0]?.consumerId ?? '0';
  joinChain.value = start;
  join.consumerId = start;
  settings.consumerId = start;
  chart.consumerId = start;
  joinChain.addEventListener('change', () => {
    join.consumerId = joinChain.value;
    settings.consumerId = joinChain.value;
    chart.consumerId = joinChain.value;
  });

  // The list shows the new state once a transaction is in, and again when an epoch ends.
  let last = await client.blocksUntilNextEpoch({ fresh: true }).catch(() => 0);
  setInterval(() => {
    void client
      .blocksUntilNextEpoch({ fresh: true })
      .then((blocks) => {
        // An epoch ended: the countdown went up, or sits at 0 on the epoch-end block itself.
        if (blocks > last || (blocks === 0 && last !== 0)) {
          chains.retry();
          join.retry();
          chart.retry();
          for (const button of chains.querySelectorAll('ics-opt-in-button')) button.retry();
        }
        last = blocks;
      })
      .catch(() => undefined);
  }, 2_000);
}
setTheme(params.get('theme') ?? '');

const log = document.querySelector('#events')!;
document.addEventListener('ics-tx-signed', (e) => (log.textContent = `Signed ${e.detail.action} on consumer ${e.detail.consumerId}; sending…`));
document.addEventListener('ics-tx-confirmed', (e) => {
  log.textContent = `${e.detail.action} on consumer ${e.detail.consumerId} is in block ${e.detail.height} (${e.detail.hash.slice(0, 12)}…).`;
  chains.retry();
  for (const button of chains.querySelectorAll('ics-opt-in-button')) button.retry();
  if (e.target !== join) join.retry();
  if (e.target !== settings) settings.retry();
  chart.retry();
});
document.addEventListener('ics-tx-failed', (e) => (log.textContent = `${e.detail.action} on consumer ${e.detail.consumerId}: ${e.detail.message}`));
