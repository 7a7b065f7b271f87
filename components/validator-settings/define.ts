/** Registers `<ics-validator-settings>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsValidatorSettings } from './validator-settings.js';

export { IcsValidatorSettings };

define('ics-validator-settings', IcsValidatorSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ics-validator-settings': IcsValidatorSettings;
  }
}
