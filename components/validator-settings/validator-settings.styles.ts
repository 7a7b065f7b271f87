import { css } from 'lit';
import { panelDeclarations } from '../shared/tx-styles.js';

export const styles = css`
  @layer ics {
    .base {
      ${panelDeclarations}
      min-block-size: var(--ics-validator-settings-min-height, 12rem);
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      align-items: baseline;
      margin: 0;
      font-size: 1em;
      min-inline-size: 0;
    }
    /* A long name is cut with an ellipsis (full text in its title); a long chain id wraps. */
    .title > * {
      min-inline-size: 0;
      max-inline-size: 100%;
    }
    .title .ids {
      overflow-wrap: anywhere;
    }
    .settings {
      display: grid;
      gap: var(--_space);
      margin: 0;
    }
    .setting {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25em var(--_space);
      align-items: center;
      padding-block: 0.4em;
      border-block-start: 1px solid var(--_border);
    }
    .setting dl {
      margin: 0;
      display: grid;
      gap: 0.15em;
      min-inline-size: 0;
    }
    .setting dt {
      font-size: 0.9em;
    }
    .note {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
  }
`;
