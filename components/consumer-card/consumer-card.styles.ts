import { css } from 'lit';
import { frameDeclarations } from '../shared/frame-styles.js';

export const styles = css`
  @layer ics {
    :host {
      --_card-padding: var(--ics-consumer-card-padding, 1rem);
      --_card-height: var(--ics-consumer-card-height, 15.5rem);
      --_card-value-size: var(--ics-consumer-card-value-size, 1.5rem);
      max-inline-size: var(--ics-consumer-card-max-width, 44rem);
    }
    :host([variant='compact']) {
      --_card-height: var(--ics-consumer-card-height, 7.5rem);
      --_card-padding: var(--ics-consumer-card-padding, 0.75rem);
      --_card-value-size: var(--ics-consumer-card-value-size, 1.15rem);
    }
    @media (max-width: 30rem) {
      :host {
        --_card-height: var(--ics-consumer-card-height, 19.5rem);
      }
      :host([variant='compact']) {
        --_card-height: var(--ics-consumer-card-height, 9rem);
      }
    }
    /*
     * The height is a floor, not a fixed size: loading and loaded keep it where the content fits,
     * and a narrow column (400 px in a wide window) grows the card instead of hiding the description.
     */
    .base {
      display: grid;
      min-block-size: var(--_card-height);
      ${frameDeclarations}
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
      padding: var(--_card-padding);
      min-inline-size: 0;
      overflow: hidden;
    }
    .head {
      display: flex;
      gap: 0.5rem;
      align-items: start;
      justify-content: space-between;
      min-inline-size: 0;
    }
    .title {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .name {
      font-size: 1.15em;
      font-weight: 650;
    }
    .ids {
      color: var(--_muted);
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      justify-content: flex-end;
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(5.5rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0;
    }
    .stat {
      display: flex;
      flex-direction: column-reverse;
      min-inline-size: 0;
    }
    .stat dt {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .stat dd {
      margin: 0;
      font-size: var(--_card-value-size);
      font-weight: 650;
      font-variant-numeric: tabular-nums;
      line-height: 1.2;
    }
    .stat dd small {
      font-size: 0.6em;
      font-weight: 400;
      color: var(--_muted);
    }
    .stat dd small.sub {
      display: block;
      font-size: 0.55em;
    }
    :host([variant='compact']) .stat dd small.sub {
      display: none;
    }
    .more {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 1rem;
      color: var(--_muted);
      font-size: 0.9em;
      min-inline-size: 0;
    }
    .description {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
      overflow: auto;
      min-block-size: 0;
    }
    :host([variant='compact']) .card {
      gap: 0.4rem;
    }
    :host([variant='compact']) .stats {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    :host([variant='compact']) .stat dt {
      font-size: 0.75em;
    }
  }
`;
