/** `<ics-consumer-list>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsConsumerList as IcsConsumerListElement } from '../components/consumer-list/define.js';
import { onIcsError, onIcsSelect } from './events.js';

export const IcsConsumerList = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-consumer-list',
    elementClass: IcsConsumerListElement,
    events: { onIcsSelect, onIcsError },
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsConsumerList',
  }),
  'ics-consumer-list',
  IcsConsumerListElement,
);
