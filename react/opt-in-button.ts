/** `<ics-opt-in-button>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsOptInButton as IcsOptInButtonElement } from '../components/opt-in-button/define.js';
import { txEvents } from './events.js';

export const IcsOptInButton = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-opt-in-button',
    elementClass: IcsOptInButtonElement,
    events: txEvents,
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsOptInButton',
  }),
  'ics-opt-in-button',
  IcsOptInButtonElement,
);
