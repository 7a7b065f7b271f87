/** `<ics-provider-chain>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsProviderChain as IcsProviderChainElement } from '../components/provider-chain/define.js';

export const IcsProviderChain = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-provider-chain',
    elementClass: IcsProviderChainElement,
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsProviderChain',
  }),
  'ics-provider-chain',
  IcsProviderChainElement,
);
