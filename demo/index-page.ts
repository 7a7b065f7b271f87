// The first demo page: the elements as a consumer chain's site and a dashboard would use them,
// reading one provider through <ics-provider-chain>. Query parameter: ?rest=<REST URL>.
import '../components/all.js';
import type { IcsConsumerCard, IcsPowerChart, IcsProviderChain } from '../components/all.js';
import { neutralise } from '../src/format/index.js';

const rest = new URLSearchParams(location.search).get('rest') ?? 'http://127.0.0.1:1317';
document.querySelector<IcsProviderChain>('#provider')!.rest = rest;
document.querySelector('#endpoint')!.textContent = rest;

const card = document.querySelector<IcsConsumerCard>('#card')!;
const chart = document.querySelector<IcsPowerChart>('#chart')!;
const selection = document.querySelector('#selection')!;

// The list's selection drives the dashboard's card and chart.
document.querySelector<HTMLElement>('#list')!.addEventListener('ics-select', (event) => {
  const { consumerId, chainId } = event.detail;
  card.consumerId = consumerId;
  chart.consumerId = consumerId;
  selection.textContent = `Selected: #${consumerId} (${neutralise(chainId)}).`;
});
