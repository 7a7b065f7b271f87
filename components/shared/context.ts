/**
 * How `<ics-provider-chain>` hands its client to the elements inside it: the community context
 * protocol (the `context-request` and `context-provider` events of `@lit/context`), written out
 * for the one value it carries. `@lit/context` itself cost every element page 0.5-0.7 KB gzip
 * (issue 14: the shared base trimmed to what every element needs); the events are the same, so
 * a `@lit/context` provider or consumer of `clientContext` still meets ours.
 *
 * The key is `Symbol.for(...)`, so providers and consumers from two copies of the bundle meet.
 */
import type { ChainContext } from '../../src/index.js';

/** A context key typed with its value, as `@lit/context`'s `Context` (structurally the same type). */
export type ClientContext = symbol & { __context__: ChainContext | undefined };

export const clientContext = Symbol.for('ics-elements/provider-client') as ClientContext;

type Callback = (value: ChainContext | undefined, unsubscribe?: () => void) => void;

/** Asks the nearest provider of `context` for its value (bubbles, crosses shadow roots). */
class ContextRequestEvent extends Event {
  constructor(
    readonly context: ClientContext,
    readonly contextTarget: Element,
    readonly callback: Callback,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** Says a provider of `context` has connected, so consumers left unanswered (or answered by a farther one) ask again. */
class ContextProviderEvent extends Event {
  constructor(
    readonly context: ClientContext,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

/**
 * The consumer side: while `host` is connected, `onValue` gets the client of the nearest
 * provider, then every change of it; `undefined` when there is none (or it has no client).
 * Call `connected()` and `disconnected()` from the host's callbacks of the same names.
 */
export class ClientConsumer {
  private unsubscribe: (() => void) | undefined;
  private answered = false;

  constructor(
    private readonly host: Element,
    private readonly onValue: (client: ChainContext | undefined) => void,
  ) {}

  connected(): void {
    this.request();
    // A provider that connects later, or nearer (a nested one), means asking again: the nearest answers.
    document.addEventListener('context-provider', this.onProvider);
  }

  disconnected(): void {
    document.removeEventListener('context-provider', this.onProvider);
    this.leave();
  }

  private readonly onProvider = (event: Event): void => {
    if ((event as ContextProviderEvent).context === clientContext) this.request();
  };

  /**
   * Leaves the provider that answered last (it stops sending changes), then asks the nearest;
   * none answering (a provider answers at once) means none is around.
   */
  private request(): void {
    this.leave();
    this.host.dispatchEvent(new ContextRequestEvent(clientContext, this.host, this.callback, true));
    if (!this.answered) this.onValue(undefined);
  }

  private leave(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.answered = false;
  }

  private readonly callback: Callback = (value, unsubscribe) => {
    // Another provider answering without a request of ours (a `@lit/context` provider passes its
    // subscribers to a nearer one that appears): leave the one before.
    if (this.unsubscribe !== unsubscribe) this.unsubscribe?.();
    this.unsubscribe = unsubscribe;
    this.answered = true;
    this.onValue(value);
  };
}

/**
 * The provider side: answers the requests of the consumers inside `host` with `value`, and
 * sends each subscriber the new value when it changes. Call `connected()` from the host's
 * `connectedCallback`, once the value is set.
 */
export class ClientProvider {
  private readonly subscribers = new Map<Callback, () => void>();
  value: ChainContext | undefined;

  constructor(private readonly host: Element) {
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequestEvent;
      if (request.context !== clientContext || request.contextTarget === host) return;
      event.stopPropagation();
      const unsubscribe = () => this.subscribers.delete(request.callback);
      if (request.subscribe) this.subscribers.set(request.callback, unsubscribe);
      request.callback(this.value, unsubscribe);
    });
  }

  connected(): void {
    this.host.dispatchEvent(new ContextProviderEvent(clientContext, this.host));
  }

  setValue(value: ChainContext | undefined): void {
    this.value = value;
    for (const [callback, unsubscribe] of this.subscribers) callback(value, unsubscribe);
  }
}
