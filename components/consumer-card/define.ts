/** Registers `<ics-consumer-card>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsConsumerCard } from './consumer-card.js';

export { IcsConsumerCard };
export type { ConsumerCardVariant } from './consumer-card.js';

define('ics-consumer-card', IcsConsumerCard);

declare global {
  interface HTMLElementTagNameMap {
    'ics-consumer-card': IcsConsumerCard;
  }
}
