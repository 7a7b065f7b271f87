/**
 * The number formats `<ics-power-chart>` uses, from `src/format` (each `Intl.NumberFormat` made
 * once there), and a warm-up that makes them ahead of the first drawing: the first formatter a
 * page makes loads the locale's data, tens of milliseconds that would otherwise land in the task
 * that draws the chart.
 */
import { formatCompact, formatInteger, formatPower } from '../../src/format/index.js';
import { nextTask } from '../../src/index.js';

export { formatCompact, formatInteger, formatPower };

let warm: Promise<void> | undefined;

/** Makes each formatter the chart uses, one per task, while the chain is being read. Once per page. */
export function warmFormatters(): Promise<void> {
  warm ??= (async () => {
    for (const use of [() => formatInteger(1234), () => formatCompact(1234), () => (1.5).toFixed(1)]) {
      await nextTask();
      use();
    }
  })();
  return warm;
}
