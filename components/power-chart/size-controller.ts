/**
 * The size of one element in the shadow root, kept current with a ResizeObserver, so a chart
 * draws in real pixels at any width (320 px up) instead of scaling a fixed drawing, whose text
 * would shrink with it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Size {
  width: number;
  height: number;
}

export class SizeController implements ReactiveController {
  /** The observed element's border box in whole pixels; undefined until it has one. */
  box: Size | undefined;

  private observed: Element | undefined;
  private readonly observer: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly selector: string,
  ) {
    host.addController(this);
    this.observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => {
            // The border box, as getBoundingClientRect measures it: the skeleton's plot has padding
            // that the chart's has not, and both must give the chart's size.
            const entry = entries[entries.length - 1];
            const border = entry?.borderBoxSize?.[0];
            if (border) this.set(border.inlineSize, border.blockSize);
            else if (entry) this.set(entry.contentRect.width, entry.contentRect.height);
          });
  }

  hostUpdated(): void {
    const element = this.host.renderRoot.querySelector(this.selector) ?? undefined;
    if (element === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = element;
    if (!element) return;
    this.observer?.observe(element, { box: 'border-box' });
    // Left to the observer, which reports the size after the frame's own layout: measuring here
    // would force a style and layout of the just-rendered element inside the update's task
    // (where ResizeObserver is missing, measured at once).
    if (this.box || this.observer) return;
    const rect = element.getBoundingClientRect();
    this.set(rect.width, rect.height);
  }

  hostConnected(): void {
    // Moved in the page: observe again after the next render.
    if (this.observed === undefined && this.box) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
  }

  private set(width: number, height: number): void {
    const next = { width: Math.floor(width), height: Math.floor(height) };
    if (next.width <= 0 || next.height <= 0) return;
    if (this.box && this.box.width === next.width && this.box.height === next.height) return;
    this.box = next;
    this.host.requestUpdate();
  }
}
