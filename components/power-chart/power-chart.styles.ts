import { css } from 'lit';
import { frameDeclarations, twoLineHeaderDeclarations } from '../shared/frame-styles.js';

export const styles = css`
  @layer ics {
    :host {
      --_height: var(--ics-power-chart-height, 16rem);
      --_bar: var(--ics-power-chart-bar-color, var(--_accent));
      --_highlight: var(--ics-power-chart-highlight-color, var(--_warning));
      --_provider: var(--ics-power-chart-provider-color, var(--_muted));
      --_mark: var(--ics-power-chart-mark-color, var(--_danger));
      --_legend-height: 2.9rem;
      min-inline-size: 0;
    }
    .base {
      position: relative;
      display: flex;
      flex-direction: column;
      ${frameDeclarations}
      container-type: inline-size;
    }
    .header {
      /* Two fixed lines (three when narrow), so loading and loaded have the same height. */
      ${twoLineHeaderDeclarations}
    }
    .title {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      min-inline-size: 0;
      overflow: hidden;
      white-space: nowrap;
    }
    .title .name {
      font-weight: 650;
    }
    .title .ids {
      color: var(--_muted);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      font-size: 0.9em;
      color: var(--_muted);
      overflow: hidden;
    }
    .figures strong {
      color: var(--_text);
      font-variant-numeric: tabular-nums;
    }
    @container (max-width: 34rem) {
      .header {
        grid-template-rows: 1.5rem 2.6rem;
        block-size: 4.8rem;
      }
      .figures {
        gap: 0 0.75rem;
        font-size: 0.85em;
      }
    }
    .body {
      display: grid;
      grid-template-rows: var(--_height) var(--_legend-height);
      block-size: calc(var(--_height) + var(--_legend-height));
      overflow: hidden;
    }
    .body > .message {
      grid-row: 1 / -1;
    }
    .plot {
      position: relative;
      min-inline-size: 0;
      overflow: hidden;
    }
    .skeleton-plot {
      display: flex;
      align-items: flex-end;
      gap: 4%;
      padding: 1.6rem 0.8rem 1.5rem 3rem;
    }
    .skeleton-plot .skeleton {
      flex: 1;
      inline-size: auto;
      border-radius: 0.2em 0.2em 0 0;
    }
    .chart {
      display: block;
      overflow: visible;
      font-size: 0.75rem;
    }
    .chart text {
      fill: var(--_muted);
      font-family: var(--_font);
    }
    .grid {
      stroke: var(--_border);
      stroke-dasharray: 2 3;
    }
    .baseline {
      stroke: var(--_muted);
    }
    .bar.in-set,
    .bar.others,
    .bar .consumer {
      fill: var(--_bar);
    }
    .bar.others {
      fill: color-mix(in srgb, var(--_bar) 45%, var(--_surface));
      stroke: var(--_bar);
      stroke-dasharray: 3 2;
    }
    .bar .provider {
      fill: color-mix(in srgb, var(--_provider) 55%, var(--_surface));
    }
    .bar.capped,
    .bar.capped .consumer {
      fill: url(#hatch);
    }
    .bar.pending,
    .bar.pending .consumer {
      fill: url(#stripes);
      stroke: var(--_bar);
      stroke-dasharray: 2 2;
    }
    .bar.left-out,
    .bar.inactive,
    .bar.left-out .provider,
    .bar.inactive .provider {
      fill: url(#cross);
      stroke: var(--_provider);
    }
    .bar.highlighted,
    .bar.highlighted .consumer {
      fill: url(#dots);
      stroke: var(--_text);
      stroke-width: 1;
    }
    .pattern-bg.capped-bg,
    .pattern-bg.pending-bg {
      fill: color-mix(in srgb, var(--_bar) 55%, var(--_surface));
    }
    .pattern-bg.left-bg {
      fill: color-mix(in srgb, var(--_provider) 30%, var(--_surface));
    }
    .pattern-bg.highlight-bg {
      fill: var(--_highlight);
    }
    .pattern-line {
      stroke: var(--_text);
      stroke-width: 1.2;
    }
    .pattern-dot {
      fill: var(--_text);
    }
    .chart .bar-label {
      fill: var(--_text);
      font-variant-numeric: tabular-nums;
    }
    .chart .bar-label.highlighted {
      font-weight: 650;
    }
    .curve .line {
      fill: none;
      stroke: var(--_bar);
      stroke-width: 2;
    }
    .curve .area {
      fill: color-mix(in srgb, var(--_bar) 16%, transparent);
    }
    .highlight-point {
      fill: url(#dots);
      stroke: var(--_text);
      stroke-width: 1.5;
    }
    .mark line {
      stroke: var(--_mark);
      stroke-width: 1.5;
      stroke-dasharray: 5 3;
    }
    .mark.two-thirds line,
    .mark.top-n line {
      stroke-dasharray: 1.5 3;
    }
    .chart .mark text {
      fill: var(--_mark);
      font-weight: 600;
    }
    .chart .mark.top-n text {
      fill: var(--_text);
    }
    .chart .mark.top-n line {
      stroke: var(--_text);
    }
    .keys {
      position: absolute;
      inset: 0;
    }
    .key {
      position: absolute;
      inset-block: 1.2rem 1.5rem;
      outline: none;
    }
    .key:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
      border-radius: 2px;
    }
    .tooltip {
      position: absolute;
      z-index: 1;
      transform: translate(-50%, calc(-100% - 6px));
      display: flex;
      flex-direction: column;
      max-inline-size: min(16rem, var(--_room, 80cqi));
      padding: 0.3rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.6);
      background: var(--_surface);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
      font-size: 0.8em;
      pointer-events: none;
      white-space: nowrap;
    }
    .tooltip.right {
      transform: translate(calc(-100% + var(--_shift, 1rem)), calc(-100% - 6px));
    }
    .tooltip:not(.right) {
      transform: translate(calc(-1 * var(--_shift, 1rem)), calc(-100% - 6px));
    }
    /* Every line, the moniker too: cut with an ellipsis inside the tooltip, never past it. */
    .tooltip > * {
      overflow: hidden;
      text-overflow: ellipsis;
      min-inline-size: 0;
    }
    .tooltip span {
      color: var(--_muted);
    }
    /*
     * The data table, for screen readers only: off-screen with content-visibility: auto, so the
     * browser keeps it in the accessibility tree but skips laying out its rows (500 rows took
     * 100-200 ms of layout when it was merely clipped).
     */
    .table-box {
      position: absolute;
      inset-inline-start: -100000px;
      inset-block-start: 0;
      inline-size: 30rem;
      block-size: 1px;
      overflow: hidden;
      content-visibility: auto;
      contain-intrinsic-size: 30rem 1px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      align-content: flex-start;
      gap: 0.15rem 1rem;
      margin: 0;
      padding: 0.3rem 0.8rem;
      list-style: none;
      font-size: 0.8em;
      color: var(--_muted);
      overflow: hidden;
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
    .swatch rect {
      stroke: var(--_muted);
      stroke-width: 1;
    }
    .swatch-in-set,
    .swatch-consumer {
      fill: var(--_bar);
    }
    .swatch-curve {
      fill: color-mix(in srgb, var(--_bar) 16%, transparent);
      stroke: var(--_bar) !important;
      stroke-width: 2 !important;
    }
    .swatch-provider {
      fill: color-mix(in srgb, var(--_provider) 55%, var(--_surface));
    }
    .swatch-highlighted {
      fill: url(#dots);
    }
    .swatch-capped {
      fill: url(#hatch);
    }
    .swatch-pending {
      fill: url(#stripes);
    }
    .swatch-left-out {
      fill: url(#cross);
    }
    .swatch-others {
      fill: color-mix(in srgb, var(--_bar) 45%, var(--_surface));
      stroke-dasharray: 3 2;
    }
  }
`;
