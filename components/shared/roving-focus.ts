/**
 * A roving tabindex for a list of items (the consumer list's rows, the power chart's columns):
 * one item holds the tab stop, and arrow keys, Home, End, Page Up and Page Down move it and the
 * focus. The host keeps which item that is (its own state, so a re-sort can keep the same row);
 * this controller maps the keys and moves the focus once the host has rendered the move.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions {
  /** How many items there are now. */
  count: () => number;
  /** The position of the item holding the tab stop now. */
  current: () => number;
  /** Gives the tab stop to the item at `index` (the host's state; it renders the move). */
  moveTo: (index: number) => void;
  /** The element of the item at `index`, once the host rendered. */
  item: (index: number) => HTMLElement | null | undefined;
  /** Items Page Up and Page Down move by. */
  page: number;
  /** `vertical`: Up and Down move; `both`: Left and Right too. */
  arrows: 'vertical' | 'both';
  /** Scroll the focused item into view (a scrolling list). */
  scroll?: boolean;
}

export class RovingFocus implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: RovingFocusOptions;

  constructor(host: ReactiveControllerHost, options: RovingFocusOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The position of the item holding the tab stop now. */
  current(): number {
    return this.options.current();
  }

  /** Moves for a navigation key (and takes the key from the page): true when it was one. */
  handleKey(event: KeyboardEvent): boolean {
    const count = this.options.count();
    if (count === 0) return false;
    const next = this.target(event.key, this.options.current(), count);
    if (next === undefined) return false;
    event.preventDefault();
    void this.focus(next);
    return true;
  }

  /** Gives the tab stop to the item at `index`, and the focus once it is rendered. */
  async focus(index: number): Promise<void> {
    this.options.moveTo(index);
    await this.host.updateComplete;
    const item = this.options.item(index);
    item?.focus();
    if (this.options.scroll) item?.scrollIntoView({ block: 'nearest' });
  }

  /** Where `key` moves from `at`, within the `count` items; undefined for another key. */
  private target(key: string, at: number, count: number): number | undefined {
    const { page, arrows } = this.options;
    const both = arrows === 'both';
    let next: number;
    if (key === 'ArrowDown' || (both && key === 'ArrowRight')) next = at + 1;
    else if (key === 'ArrowUp' || (both && key === 'ArrowLeft')) next = at - 1;
    else if (key === 'PageDown') next = at + page;
    else if (key === 'PageUp') next = at - page;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = count - 1;
    else return undefined;
    return Math.max(0, Math.min(count - 1, next));
  }
}
