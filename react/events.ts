/**
 * The `on…` props of the React wrappers: each maps to one of the elements' own events, typed
 * with its event class (`onIcsSelect` receives an `IcsSelectEvent`, with its `detail`).
 */
import type { EventName } from '@lit/react';
import { IcsErrorEvent, IcsSelectEvent, IcsTxConfirmedEvent, IcsTxFailedEvent, IcsTxSignedEvent } from '../components/shared/events.js';

export const onIcsSelect = IcsSelectEvent.eventName as EventName<IcsSelectEvent>;
export const onIcsError = IcsErrorEvent.eventName as EventName<IcsErrorEvent>;

/** The events of the acting elements (`<ics-opt-in-button>`, `<ics-validator-settings>`). */
export const txEvents = {
  onIcsTxSigned: IcsTxSignedEvent.eventName as EventName<IcsTxSignedEvent>,
  onIcsTxConfirmed: IcsTxConfirmedEvent.eventName as EventName<IcsTxConfirmedEvent>,
  onIcsTxFailed: IcsTxFailedEvent.eventName as EventName<IcsTxFailedEvent>,
  onIcsError,
};
