/** Registers `<ics-validator-chains>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsValidatorChains } from './validator-chains.js';

export { IcsValidatorChains };

define('ics-validator-chains', IcsValidatorChains);

declare global {
  interface HTMLElementTagNameMap {
    'ics-validator-chains': IcsValidatorChains;
  }
}
