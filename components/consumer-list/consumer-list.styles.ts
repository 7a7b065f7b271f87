import { css } from 'lit';
import { rowListRules } from '../shared/row-list-styles.js';

export const styles = css`
  @layer ics {
    :host {
      --_height: var(--ics-consumer-list-height, 28rem);
      --_row-gap: var(--ics-consumer-list-row-gap, 0.25rem);
      --_row-padding: var(--ics-consumer-list-row-padding, 0.6rem 0.8rem);
      --_selected: var(--ics-consumer-list-selected-color, color-mix(in srgb, var(--_accent) 14%, var(--_surface)));
      min-inline-size: 0;
    }
    ${rowListRules}
    .header {
      display: flex;
      gap: var(--_space);
      align-items: baseline;
      justify-content: space-between;
      padding: 0.5rem 0.8rem;
      border-block-end: 1px solid var(--_border);
      background: var(--_surface-2);
      block-size: 2.4rem;
      white-space: nowrap;
      overflow: hidden;
    }
    .header .title {
      font-weight: 600;
      flex: 0 1 auto;
    }
    .header > span {
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .rows {
      overflow-y: auto;
      margin: 0;
      padding: 0;
    }
    .row {
      /* Title and badges share a line when there is room; on narrow screens the badges wrap below. */
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      row-gap: var(--_row-gap);
      column-gap: 0.75rem;
      padding: var(--_row-padding);
      border-block-end: 1px solid var(--_border);
      cursor: pointer;
      min-block-size: 4.25rem;
      /* Rows out of view skip style, layout and paint; they stay in the accessibility tree. */
      content-visibility: auto;
      contain-intrinsic-size: auto 4.25rem;
    }
    .row:hover {
      background: var(--_surface-2);
    }
    .row[aria-selected='true'] {
      background: var(--_selected);
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    .row:focus-visible {
      outline-offset: -2px;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      justify-content: flex-end;
      align-items: start;
      flex: 0 1 auto;
      margin-inline-start: auto;
    }
    .facts {
      flex: 1 1 100%;
      display: flex;
      flex-wrap: wrap;
      column-gap: 1rem;
      row-gap: 0.1rem;
      color: var(--_muted);
      font-size: 0.9em;
    }
    /* A row whose figures could not be read says so, in the error colour. */
    .facts .unread {
      color: var(--_danger);
    }
    .skeleton-row {
      cursor: default;
    }
    /*
     * A shown row's placeholders (figures and standing still being read): the text colour, faint,
     * so they show on any row background (hovered, selected) in both themes; the skeleton's surface
     * colour all but vanished on the selected row's. A page's --ics-color-skeleton still wins.
     */
    .row:not(.skeleton-row) .skeleton {
      background: var(--ics-color-skeleton, color-mix(in srgb, var(--_text) 12%, transparent));
    }
  }
`;
