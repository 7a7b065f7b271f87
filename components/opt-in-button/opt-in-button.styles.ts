import { css } from 'lit';

export const styles = css`
  @layer ics {
    :host {
      min-inline-size: 0;
    }
    .base {
      display: grid;
      gap: var(--_space);
      min-block-size: var(--ics-opt-in-button-min-height, 3rem);
      align-content: start;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    .explanation {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .message {
      padding: var(--_space);
      align-items: start;
      text-align: start;
    }
  }
`;
