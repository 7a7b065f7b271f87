/** `<ics-validator-settings>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsValidatorSettings as IcsValidatorSettingsElement } from '../components/validator-settings/define.js';
import { txEvents } from './events.js';

export const IcsValidatorSettings = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-validator-settings',
    elementClass: IcsValidatorSettingsElement,
    events: txEvents,
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsValidatorSettings',
  }),
  'ics-validator-settings',
  IcsValidatorSettingsElement,
);
