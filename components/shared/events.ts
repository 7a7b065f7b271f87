/** The elements' own events: one class each, bubbling and composed so a page can listen anywhere. */
import type { IcsError } from '../../src/index.js';

export interface IcsSelectDetail {
  consumerId: string;
  chainId: string;
}

/** A person chose a consumer chain (click, Enter or Space on a row). */
export class IcsSelectEvent extends Event {
  static readonly eventName = 'ics-select';
  readonly detail: IcsSelectDetail;
  constructor(detail: IcsSelectDetail) {
    super(IcsSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface IcsErrorDetail {
  /** What failed, as the core reported it; `error.message` is written for people. */
  error: IcsError;
}

/** Loading the element's data failed (it also shows the message and a Retry button). */
export class IcsErrorEvent extends Event {
  static readonly eventName = 'ics-error';
  readonly detail: IcsErrorDetail;
  constructor(detail: IcsErrorDetail) {
    super(IcsErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ics-select': IcsSelectEvent;
    'ics-error': IcsErrorEvent;
  }
}
