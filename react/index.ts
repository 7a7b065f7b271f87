/**
 * React wrappers (`ics-elements/react`), one per element, made with Lit's own `@lit/react`:
 *
 *   import { IcsProviderChain, IcsConsumerList } from 'ics-elements/react';
 *   <IcsProviderChain rest={url}>
 *     <IcsConsumerList phase="all" onIcsSelect={(e) => setId(e.detail.consumerId)} />
 *   </IcsProviderChain>
 *
 * Props the element has are set as properties (camelCase, objects such as `wallet` as they
 * are); the rest (`id`, `className`, `style`, `slot`, `aria-*`) go to the tag as React renders
 * it. Each event is an `on…` prop typed with the element's event class: `onIcsSelect`,
 * `onIcsError`, `onIcsTxSigned`, `onIcsTxConfirmed`, `onIcsTxFailed`. Each wrapper's module
 * registers its element; a bundler keeps only the wrappers (and elements) an app imports.
 */
export { IcsProviderChain } from './provider-chain.js';
export { IcsConsumerList } from './consumer-list.js';
export { IcsConsumerCard } from './consumer-card.js';
export { IcsValidatorChains } from './validator-chains.js';
export { IcsPowerChart } from './power-chart.js';
export { IcsOptInButton } from './opt-in-button.js';
export { IcsValidatorSettings } from './validator-settings.js';
// The raw tags in JSX too (\`<ics-consumer-list onics-select={…} />\`): generated from custom-elements.json.
export type { IcsIntrinsicElements } from './jsx.js';
export type { IcsErrorEvent, IcsSelectEvent, IcsTxConfirmedEvent, IcsTxFailedEvent, IcsTxSignedEvent } from '../components/shared/events.js';
export type { IcsErrorDetail, IcsSelectDetail, IcsTxConfirmedDetail, IcsTxDetail, IcsTxFailedDetail, IcsTxSignedDetail } from '../components/shared/events.js';
