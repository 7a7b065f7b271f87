import { css } from 'lit';
import { twoLineHeaderDeclarations } from '../shared/frame-styles.js';
import { rowListRules } from '../shared/row-list-styles.js';

export const styles = css`
  @layer ics {
    :host {
      --_height: var(--ics-validator-chains-height, 24rem);
      --_row-padding: var(--ics-validator-chains-row-padding, 0.6rem 0.8rem);
      min-inline-size: 0;
    }
    ${rowListRules}
    .header {
      /* Two fixed lines at any width: moniker and commission, then the operator address (clipped). */
      ${twoLineHeaderDeclarations}
      grid-template-columns: minmax(0, auto) minmax(0, 1fr);
      gap: 0 0.75rem;
    }
    .header > * {
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .header .operator {
      grid-row: 2;
      grid-column: 1 / -1;
    }
    .moniker {
      font-weight: 650;
      max-inline-size: 100%;
    }
    .operator {
      color: var(--_muted);
      max-inline-size: 100%;
    }
    .rows {
      list-style: none;
      margin: 0;
      padding: 0;
      overflow-y: auto;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.25rem 0.75rem;
      padding: var(--_row-padding);
      border-block-end: 1px solid var(--_border);
      min-block-size: 4.25rem;
    }
    .side {
      display: flex;
      flex-direction: column;
      align-items: end;
      gap: 0.3rem;
      flex: 0 1 auto;
      margin-inline-start: auto;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      justify-content: flex-end;
    }
    .facts {
      flex: 1 1 100%;
      display: flex;
      flex-wrap: wrap;
      column-gap: 1rem;
      color: var(--_muted);
      font-size: 0.9em;
    }
  }
`;
