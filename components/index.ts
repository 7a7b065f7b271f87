/**
 * ics-elements' elements and their shared pieces, without registering any tag. Import
 * `ics-elements/<element>` (its `define.ts`) to register one, or `ics-elements/elements` for all.
 */
export { VERSION } from './shared/version.js';
export { define } from './shared/define.js';
export { IcsElement } from './shared/ics-element.js';
export type { IcsTheme } from './shared/ics-element.js';
export { IcsDataElement } from './shared/data-element.js';
export type { Loaded, ViewState } from './shared/data-element.js';
export { clientContext } from './shared/context.js';
export { configure, pageDefaults, resetSharedClients, sharedClient } from './shared/clients.js';
export type { AttributeProblem, EndpointSettings } from './shared/clients.js';
export { IcsErrorEvent, IcsSelectEvent } from './shared/events.js';
export type { IcsErrorDetail, IcsSelectDetail } from './shared/events.js';
export { IcsProviderChain } from './provider-chain/provider-chain.js';
export { IcsConsumerList } from './consumer-list/consumer-list.js';
export type { ConsumerListSort } from './consumer-list/consumer-list.js';
export { IcsConsumerCard } from './consumer-card/consumer-card.js';
export type { ConsumerCardVariant } from './consumer-card/consumer-card.js';
export { IcsValidatorChains } from './validator-chains/validator-chains.js';
export { IcsPowerChart } from './power-chart/power-chart.js';
export type { PowerChartVariant } from './power-chart/power-chart.items.js';
