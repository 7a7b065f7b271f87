// A module of its own: a `css` call is kept by the bundler wherever its module is imported, so
// `<ics-provider-chain>`, which imports the shared host styles, would otherwise load these too.
import { css } from 'lit';

/**
 * The rules of the elements that show content (all but `<ics-provider-chain>`, which shows only
 * its children and, when an attribute is wrong, a line of its own): text, badges, skeletons,
 * messages, buttons, focus and links.
 */
export const contentStyles = css`
  @layer ics {
    .mono {
      font-family: var(--_mono);
      font-size: 0.9em;
    }
    .muted {
      color: var(--_muted);
    }
    /* What a slow load waits on, over the skeleton's foot: positioned, so the layout does not move. */
    .waiting {
      position: absolute;
      inset-inline: var(--_space);
      inset-block-end: var(--_space);
      margin: 0;
      padding: 0.25em 0.5em;
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_muted);
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    .chain-note {
      margin-block: 0.5em 0;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      padding-inline: 0.5em;
      border-radius: 999px;
      border: 1px solid var(--_border);
      background: var(--_surface-2);
      font-size: 0.8em;
      white-space: nowrap;
    }
    .badge.top-n {
      border-color: color-mix(in srgb, var(--_accent) 45%, transparent);
    }
    .badge.warn {
      color: var(--_warning);
      border-color: color-mix(in srgb, var(--_warning) 50%, transparent);
    }
    .badge.ok {
      color: var(--_success);
      border-color: color-mix(in srgb, var(--_success) 50%, transparent);
    }
    .clip {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-inline-size: 0;
    }
    .skeleton {
      display: inline-block;
      block-size: 0.9em;
      inline-size: var(--_w, 6em);
      max-inline-size: 100%;
      border-radius: 0.25em;
      background: var(--_skeleton);
      vertical-align: middle;
    }
    /* One pulsing block per skeleton (each animated element is a compositor layer). */
    @media (prefers-reduced-motion: no-preference) {
      .skeletons {
        animation: ics-pulse 1.4s ease-in-out infinite;
      }
    }
    @keyframes ics-pulse {
      50% {
        opacity: 0.55;
      }
    }
    /* The message shown in place of content: error, empty, ICS absent, bad attribute. */
    .message {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: var(--_space);
      block-size: 100%;
      padding: calc(var(--_space) * 2);
      text-align: center;
      overflow: auto;
    }
    .message p {
      margin: 0;
      max-inline-size: 40rem;
      overflow-wrap: anywhere;
    }
    .message.error p,
    .message.invalid p {
      color: var(--_danger);
    }
    button {
      font: inherit;
      color: var(--_accent-text);
      background: var(--_accent);
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 0.25em 0.9em;
      cursor: pointer;
    }
    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    a {
      color: var(--_accent);
    }
  }
`;
