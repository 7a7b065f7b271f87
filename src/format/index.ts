/** Safe text and number formatting for elements and integrators (no DOM). */
export { clip, hasInvisible, nameSkeleton, neutralise, safeHttpsUrl, stripInvisible } from './text.js';
export type { ClippedText } from './text.js';
export {
  formatCommission,
  formatCompact,
  formatDateTime,
  formatDuration,
  formatInteger,
  formatPercent,
  formatPower,
  formatShare,
  formatTokens,
} from './numbers.js';
