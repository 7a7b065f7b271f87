/**
 * Styles the elements share: `hostStyles` every element (the tokens and the host); the rules of
 * the elements that show content are in `content-styles.ts`. Everything sits in `@layer ics` so a page's own rules win
 * without `!important`. Colours come from `--ics-*` tokens with light and dark defaults
 * (`light-dark()` follows the host's `color-scheme`: the OS setting unless `theme` says otherwise);
 * elements read them through private `--_*` properties.
 */
import { css } from 'lit';

export const hostStyles = css`
  @layer ics {
    :host {
      display: block;
      box-sizing: border-box;
      position: relative;
      color-scheme: light dark;
      --_text: var(--ics-color-text, light-dark(#1b1f24, #e6e8eb));
      --_muted: var(--ics-color-muted, light-dark(#56606b, #a3adb8));
      --_surface: var(--ics-color-surface, light-dark(#ffffff, #16191d));
      --_surface-2: var(--ics-color-surface-2, light-dark(#f3f5f7, #20252b));
      --_border: var(--ics-color-border, light-dark(#d5dae0, #363d45));
      --_accent: var(--ics-color-accent, light-dark(#2f5bd3, #8fb0ff));
      --_accent-text: var(--ics-color-accent-text, light-dark(#ffffff, #0b1020));
      --_focus: var(--ics-color-focus, light-dark(#2f5bd3, #a9c1ff));
      --_danger: var(--ics-color-danger, light-dark(#b3261e, #ffb4ab));
      --_success: var(--ics-color-success, light-dark(#1f6f3a, #8fd8a6));
      --_warning: var(--ics-color-warning, light-dark(#7a4d00, #f2c16b));
      --_skeleton: var(--ics-color-skeleton, light-dark(#e6e9ed, #2a3037));
      --_radius: var(--ics-radius, 0.5rem);
      --_space: var(--ics-space, 0.5rem);
      --_font: var(--ics-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      --_mono: var(--ics-font-family-mono, ui-monospace, 'SF Mono', Menlo, Consolas, monospace);
      --_font-size: var(--ics-font-size, 0.9375rem);
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.4;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    :host *,
    :host *::before,
    :host *::after {
      box-sizing: inherit;
    }
    /* The host too: a :host display rule would otherwise beat the browser's own [hidden]. */
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
  }
`;
