/** `<ics-consumer-card>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsConsumerCard as IcsConsumerCardElement } from '../components/consumer-card/define.js';
import { onIcsError } from './events.js';

export const IcsConsumerCard = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-consumer-card',
    elementClass: IcsConsumerCardElement,
    events: { onIcsError },
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsConsumerCard',
  }),
  'ics-consumer-card',
  IcsConsumerCardElement,
);
