// Modules of their own (this one and row-list-styles.ts): a `css` call is kept by the bundler
// wherever its module is imported, so `<ics-provider-chain>`, which imports the host styles,
// would otherwise load the frames of the elements that show content too.
import { css } from 'lit';

/**
 * The bordered box of the list, chart and card elements: declarations to interpolate into their
 * own `.base` rule (inside their `@layer ics`).
 */
export const frameDeclarations = css`
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_surface);
  overflow: hidden;
`;

/**
 * A header of two fixed lines (ics-power-chart, ics-validator-chains), so loading and loaded have
 * the same height: declarations to interpolate into their `.header` rule.
 */
export const twoLineHeaderDeclarations = css`
  display: grid;
  grid-template-rows: 1.5rem 1.4rem;
  align-items: baseline;
  padding: 0.3rem 0.8rem;
  border-block-end: 1px solid var(--_border);
  background: var(--_surface-2);
  block-size: 3.6rem;
  overflow: hidden;
`;
