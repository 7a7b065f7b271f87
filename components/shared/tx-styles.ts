/**
 * The styles both acting elements (`<ics-opt-in-button>`, `<ics-validator-settings>`) share: their
 * column and message, and the transaction views (`tx-views.ts`).
 */
import { css } from 'lit';

/**
 * A padded, bordered box: the confirmation panel and ics-validator-settings' frame. Declarations
 * to interpolate into a rule (inside its `@layer ics`).
 */
export const panelDeclarations = css`
  padding: calc(var(--_space) * 1.5);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_surface);
`;

/**
 * The acting element's column (rows at the top of the floor height each element sets on `.base`;
 * the message left-aligned with the rows, not centred), its label/value lists (muted labels,
 * values that wrap), and the transaction views: wallet line, confirmation panel, pending line, result.
 */
export const txStyles = css`
  @layer ics {
    :host {
      min-inline-size: 0;
    }
    .base {
      display: grid;
      gap: var(--_space);
      align-content: start;
    }
    .message {
      padding: var(--_space);
      align-items: start;
      text-align: start;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
      min-inline-size: 0;
    }
    button.secondary {
      color: var(--_accent);
      background: transparent;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .wallet,
    .tx {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .warn {
      color: var(--_warning);
    }
    .error,
    .tx.bad p:first-child {
      color: var(--_danger);
      margin: 0;
    }
    .tx.ok p:first-child {
      color: var(--_success);
    }
    .tx.result {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      justify-items: start;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-2);
    }
    .tx.result p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    /* The body read before a confirmed transaction, while the read after it runs (see acting-element.ts). */
    .updating {
      position: relative;
    }
    .outdated {
      display: grid;
      gap: var(--_space);
      visibility: hidden;
    }
    .updating-words {
      position: absolute;
      inset-block-start: 0;
      inset-inline: 0;
      margin: 0;
    }
    .tx.pending {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
    .spinner {
      inline-size: 1em;
      block-size: 1em;
      flex: none;
      border-radius: 50%;
      border: 2px solid var(--_border);
      border-block-start-color: var(--_accent);
    }
    @media (prefers-reduced-motion: no-preference) {
      .spinner {
        animation: ics-spin 0.9s linear infinite;
      }
    }
    @keyframes ics-spin {
      to {
        transform: rotate(1turn);
      }
    }
    .confirm {
      display: grid;
      gap: var(--_space);
      ${panelDeclarations}
      border-color: var(--_accent);
    }
    .confirm-title {
      margin: 0;
      font-size: 1em;
    }
    /* One label column for every row, so the values line up. */
    .confirm dl {
      display: grid;
      grid-template-columns: minmax(5rem, max-content) minmax(0, 1fr);
      gap: 0.35em 0.75em;
      margin: 0;
    }
    .confirm-row {
      display: contents;
    }
    /* A name is cut with an ellipsis inside its row (full text in its title); ids wrap. */
    .confirm dd .clip {
      display: inline-block;
      max-inline-size: 100%;
      vertical-align: bottom;
    }
    .confirm p {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    label {
      display: grid;
      gap: 0.25em;
    }
    textarea,
    input {
      font: inherit;
      font-family: var(--_mono);
      font-size: 0.85em;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 0.4em 0.5em;
      inline-size: 100%;
    }
    textarea {
      resize: vertical;
      min-block-size: 4.5em;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .hint {
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0;
    }
  }
`;
