/** Registers `<ics-opt-in-button>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsOptInButton } from './opt-in-button.js';

export { IcsOptInButton };

define('ics-opt-in-button', IcsOptInButton);

declare global {
  interface HTMLElementTagNameMap {
    'ics-opt-in-button': IcsOptInButton;
  }
}
