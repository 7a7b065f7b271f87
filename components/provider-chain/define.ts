/** Registers `<ics-provider-chain>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsProviderChain } from './provider-chain.js';

export { IcsProviderChain };

define('ics-provider-chain', IcsProviderChain);

declare global {
  interface HTMLElementTagNameMap {
    'ics-provider-chain': IcsProviderChain;
  }
}
