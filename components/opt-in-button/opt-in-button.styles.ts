import { css } from 'lit';

export const styles = css`
  @layer ics {
    .base {
      min-block-size: var(--ics-opt-in-button-min-height, 3rem);
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
  }
`;
