// A module of its own: see frame-styles.ts (the card and the chart have no row list).
import { css } from 'lit';
import { frameDeclarations } from './frame-styles.js';

/**
 * The rules the two row lists (ics-consumer-list, ics-validator-chains) share, to interpolate into
 * their own `@layer ics`: the box, its scrolling body, and each row's title, name, ids and facts.
 */
export const rowListRules = css`
  .base {
    display: flex;
    flex-direction: column;
    ${frameDeclarations}
  }
  .body {
    block-size: var(--_height);
    display: grid;
    overflow: hidden;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5rem;
    align-items: baseline;
    min-inline-size: 0;
    flex: 1 1 14rem;
  }
  .name {
    font-weight: 600;
    max-inline-size: 100%;
  }
  .ids {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .facts strong {
    color: var(--_text);
    font-weight: 600;
  }
`;
