/** `<ics-power-chart>` for React. Importing this module registers the element. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { withServerAttributes } from './server-attributes.js';
import { IcsPowerChart as IcsPowerChartElement } from '../components/power-chart/define.js';
import { onIcsError } from './events.js';

export const IcsPowerChart = withServerAttributes(
  createComponent({
    react: React,
    tagName: 'ics-power-chart',
    elementClass: IcsPowerChartElement,
    events: { onIcsError },
    // Explicit: a minifier renames classes, and React's devtools and warnings show this name.
    displayName: 'IcsPowerChart',
  }),
  'ics-power-chart',
  IcsPowerChartElement,
);
