import { css } from 'lit';

export const styles = css`
  @layer ics {
    .problem {
      margin: 0 0 0.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      color: var(--_danger);
      overflow-wrap: anywhere;
    }
  }
`;
