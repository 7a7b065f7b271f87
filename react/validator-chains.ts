/** `<ics-validator-chains>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsValidatorChains as IcsValidatorChainsElement } from '../components/validator-chains/define.js';
import { onIcsError } from './events.js';

export const IcsValidatorChains = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-validator-chains',
    elementClass: IcsValidatorChainsElement,
    events: { onIcsError },
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsValidatorChains',
  }),
  'ics-validator-chains',
  IcsValidatorChainsElement,
);
