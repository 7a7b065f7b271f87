/** Registers `<ics-consumer-list>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsConsumerList } from './consumer-list.js';

export { IcsConsumerList };
export type { ConsumerListSort } from './consumer-list.js';

define('ics-consumer-list', IcsConsumerList);

declare global {
  interface HTMLElementTagNameMap {
    'ics-consumer-list': IcsConsumerList;
  }
}
