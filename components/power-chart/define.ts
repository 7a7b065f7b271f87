/** Registers `<ics-power-chart>`. Import this module (a side effect) to use the tag. */
import { define } from '../shared/define.js';
import { IcsPowerChart } from './power-chart.js';

export { IcsPowerChart };
export type { PowerChartVariant } from './power-chart.items.js';

define('ics-power-chart', IcsPowerChart);

declare global {
  interface HTMLElementTagNameMap {
    'ics-power-chart': IcsPowerChart;
  }
}
