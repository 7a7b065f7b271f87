// The elements demo: one provider, a consumer list driving a card, and one validator's chains.
// Query parameters: ?rest=<REST URL>&validator=<cosmosvaloper1…>&theme=light|dark&consumer=<id>.
import '../components/all.js';
import { ProviderClient } from '../src/index.js';
import type { IcsConsumerCard, IcsConsumerList, IcsProviderChain, IcsValidatorChains } from '../components/all.js';
import { phaseSelect, themeSwitch } from './controls.js';

const params = new URLSearchParams(location.search);
const rest = params.get('rest') ?? 'http://127.0.0.1:1317';

const provider = document.querySelector<IcsProviderChain>('#provider')!;
const list = document.querySelector<IcsConsumerList>('#list')!;
const card = document.querySelector<IcsConsumerCard>('#card')!;
const chains = document.querySelector<IcsValidatorChains>('#validator')!;

provider.rest = rest;
document.querySelector('#endpoint')!.textContent = rest;

themeSwitch('#list, #card, #validator')(params.get('theme') ?? '');

const phase = phaseSelect();
phase.addEventListener('change', () => {
  list.phase = phase.value as IcsConsumerList['phase'];
});
document.querySelector<HTMLInputElement>('#search')!.addEventListener('input', (e) => {
  list.search = (e.target as HTMLInputElement).value;
});
document.querySelector<HTMLInputElement>('#show-empty')!.addEventListener('change', (e) => {
  list.showEmpty = (e.target as HTMLInputElement).checked;
});

list.addEventListener('ics-select', (event) => {
  card.consumerId = event.detail.consumerId;
  document.querySelector('#selection')!.textContent = `Selected consumer ${event.detail.consumerId} (${event.detail.chainId}).`;
});

// The card starts on ?consumer=, else the first launched chain; the validator is ?validator=,
// else the provider's largest validator (read through the same shared client: a ProviderClient
// over the provider's context shares its cache).
void (async () => {
  await provider.updateComplete;
  if (!provider.client) return;
  const client = new ProviderClient(provider.client);
  const consumer = params.get('consumer');
  const launched = consumer ? undefined : await client.consumerChains({ phase: 'launched' }).catch(() => []);
  card.consumerId = consumer ?? launched?.[0]?.consumerId ?? '0';
  list.selected = card.consumerId;
  const validator = params.get('validator');
  if (validator) {
    chains.validator = validator;
  } else {
    const bonded = await client.validators().catch(() => []);
    const largest = [...bonded].sort((a, b) => (a.tokens === b.tokens ? 0 : a.tokens > b.tokens ? -1 : 1))[0];
    chains.validator = largest?.operatorAddress ?? '';
  }
})();
