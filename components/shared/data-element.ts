/**
 * The base of the elements that read the chain: finds the client (own attributes, the nearest
 * `<ics-provider-chain>` (context.ts), the page default), loads through a `LoadTask` with its `AbortSignal`,
 * and renders each state the same way everywhere: loading (a skeleton of the final size),
 * empty, error with Retry, ICS absent, bad attribute; all announced in a polite live region.
 */
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { LoadStatus, LoadTask, nothingToLoad } from './load-task.js';
import { IcsError, WaitWatch, errorMessage, isIcsError } from '../../src/index.js';
import { neutralise } from '../../src/format/index.js';
import type { IcsStatus, ChainContext, ReadOptions } from '../../src/index.js';
import { IcsElement } from './ics-element.js';
import { contentStyles } from './content-styles.js';
import { ClientConsumer } from './context.js';
import { CONFIGURE_EVENT, resolveClient } from './clients.js';
import type { AttributeProblem, ClientResolution } from './clients.js';
import { IcsErrorEvent } from './events.js';
import * as queries from '../../src/queries.js';

/** What a load produced: the data, or the chain's word that it has no (readable) ICS. */
export type Loaded<T> = { kind: 'data'; value: T } | { kind: 'absent'; status: IcsStatus };

export type ViewState = 'loading' | 'complete' | 'empty' | 'error' | 'ics-absent' | 'invalid';
export const VIEW_STATES: readonly ViewState[] = ['loading', 'complete', 'empty', 'error', 'ics-absent', 'invalid'];

/**
 * The custom states a data element takes: its view state, or `partial` in place of `complete`
 * while `pendingFigures()` says some figures are still being read. `partial` is a custom state
 * only, not a `ViewState`: the body renders the same in both (the rows, some still busy), and
 * the acting elements, whose own states extend `ViewState`, never show it.
 */
const CUSTOM_STATES: readonly string[] = [...VIEW_STATES, 'partial'];

/** After this long without an answer, the status says what the load is waiting on. */
const WAIT_NOTICE_MS = 1500;
/** How often the status looks again at what is waited on. */
const WAIT_POLL_MS = 250;

/**
 * Runs the detection and the load side by side; when the chain has no ICS (or only a pre-v6
 * one) that is the answer, and the load's own failure is not.
 */
async function withIcs<T>(client: ChainContext, options: ReadOptions, withParams: boolean, load: () => Promise<T>): Promise<Loaded<T>> {
  const detection = queries.detectIcs(client, options);
  // The chain's prefixes and units (one read per client, shared): the data renders with them.
  // An element that shows no amount and converts no address does not wait for them (two round trips).
  const params = withParams ? client.chainParams(options) : undefined;
  params?.catch(() => undefined);
  const data = load();
  data.catch(() => undefined);
  const status = await detection;
  if (status.availability !== 'available') return { kind: 'absent', status };
  await params;
  return { kind: 'data', value: await data };
}

/** A problem's message, led by the attribute's name when the message does not already say it. */
function problemText(problem: AttributeProblem): string {
  return problem.missing || problem.message.includes(`"${problem.attribute}"`) ? problem.message : `Attribute "${problem.attribute}": ${problem.message}`;
}

/**
 * The base of the elements that read the chain. The parts, states and event below are every such
 * element's (documented once here, inherited by each in `custom-elements.json`).
 *
 * @fires {IcsErrorEvent} ics-error - Loading failed; `detail: {error}` (an `IcsError`).
 *
 * @csspart base - The outer frame.
 * @csspart message - The message shown for empty, error, ICS-absent and bad-attribute states.
 * @csspart waiting - What a slow load waits on ("Waiting for https://… (ICS parameters)…"), over the skeleton.
 * @csspart chain-note - Says amounts are in base units when the chain publishes no display unit.
 * @csspart button - The Retry button.
 *
 * @cssprop --ics-color-text - Text colour (all elements).
 * @cssprop --ics-color-muted - Secondary text colour.
 * @cssprop --ics-color-surface - Background.
 * @cssprop --ics-color-surface-2 - Background of headers and hovered rows.
 * @cssprop --ics-color-border - Borders.
 * @cssprop --ics-color-accent - Accent (selection, buttons, links).
 * @cssprop --ics-color-danger - Error text.
 * @cssprop --ics-radius - Corner radius.
 * @cssprop --ics-font-family - Font.
 *
 * @cssstate loading - Reading the chain.
 * @cssstate error - Loading failed; a Retry button is shown.
 * @cssstate ics-absent - The provider has no (readable) ICS module.
 * @cssstate invalid - An attribute is wrong; the message names it.
 */
export abstract class IcsDataElement<T> extends IcsElement {
  static override styles = [...IcsElement.styles, contentStyles];

  /** The client from the nearest `<ics-provider-chain>`, when there is one. */
  @state() protected contextClient: ChainContext | undefined;

  /** The client this element reads through, or why it has none. */
  protected resolution: ClientResolution = { problem: { attribute: 'rest', message: '', missing: true } };

  /** The problem shown instead of data (a bad or missing attribute), if any. */
  protected problem: AttributeProblem | undefined;

  /** The client whose chain settings this element is waiting for, to check its attributes again. */
  private awaitingChain: ChainContext | undefined;

  /** Set by Retry: the next load skips the cache. */
  private fresh = false;

  /** What the load has waited on for a while ("Waiting for https://… (ICS parameters)…"), if anything. */
  @state() private waitingText: string | undefined;

  private readonly consumer = new ClientConsumer(this, (client) => {
    this.contextClient = client;
  });

  /** The load, as a task whose arguments are the client and `dataKey()`. */
  protected readonly task = new LoadTask<readonly unknown[], Loaded<T>>(this, {
    // Primitives and stable objects only: a new object each update would re-run the task forever.
    args: () => [this.resolution.client, this.problem?.message, ...this.dataKey()],
    run: async ([client, problem], { signal }) => {
      if (!client || problem) return nothingToLoad;
      const provider = client as ChainContext;
      const { options, stopWatching } = this.loadOptions(provider, signal);
      try {
        return await withIcs(provider, options, this.needsChainParams(), () => this.loadData(provider, options));
      } catch (error) {
        const icsError = isIcsError(error) ? error : new IcsError('decode', `Unexpected failure: ${String(error)}`, { cause: error });
        if (icsError.kind !== 'aborted' && !signal.aborted) this.dispatchEvent(new IcsErrorEvent({ error: icsError }));
        throw icsError;
      } finally {
        stopWatching();
      }
    },
  });

  // ---- what each element supplies -------------------------------------------------------------

  /** Inputs that need a new load when they change (primitives; search and sort are not among them). */
  protected abstract dataKey(): readonly unknown[];
  /** Reads the chain. Pass `options` (signal, fresh) to every client call. */
  protected abstract loadData(client: ChainContext, options: ReadOptions): Promise<T>;
  /** A bad element-specific attribute, in words. `client` gives the chain's address prefixes. */
  protected abstract checkAttributes(client: ChainContext | undefined): AttributeProblem | undefined;
  protected abstract isEmpty(value: T): boolean;
  /** What the live region says once loaded, e.g. "12 consumer chains". */
  protected abstract describe(value: T): string;
  protected abstract emptyMessage(value: T): string;
  /** What the element announces while loading, e.g. "Loading consumer chains…". */
  protected abstract loadingMessage(): string;
  /**
   * The loading state at the loaded size. Its block(s) carry the class `skeletons`, which pulses
   * as one (the `.skeleton` bars inside do not animate each: every animated element is a
   * compositor layer, and a page of six elements spent 10-30 ms of one frame making a hundred).
   */
  protected abstract renderSkeleton(): TemplateResult;
  protected abstract renderData(value: T): TemplateResult;
  /**
   * Whether the load needs the chain's prefixes and units (address attributes, amounts). True
   * unless an element says otherwise; false skips their reads, which would cost two round trips.
   */
  protected needsChainParams(): boolean {
    return true;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.consumer.connected();
    globalThis.addEventListener(CONFIGURE_EVENT, this.onConfigure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.consumer.disconnected();
    globalThis.removeEventListener(CONFIGURE_EVENT, this.onConfigure);
  }

  private readonly onConfigure = (): void => {
    this.resolution = resolveClient(this.ownEndpoint, this.contextClient);
    this.requestUpdate();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || this.endpointChanged(changed) || changed.has('contextClient' as keyof IcsDataElement<T>)) {
      this.resolution = resolveClient(this.ownEndpoint, this.contextClient);
    }
    const client = this.resolution.client;
    // Until the chain's prefixes are read, address attributes are checked for their checksum
    // only; once read (one shared read per client), they are checked again for their prefix.
    if (client && this.needsChainParams() && !client.chainKnown && this.awaitingChain !== client) {
      this.awaitingChain = client;
      client.chainParams().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
    this.problem = this.resolution.problem ?? this.checkAttributes(client);
    if (this.problem && !this.problem.missing) this.warnOnce(this.problem);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const partial = this.viewState === 'complete' && this.pendingFigures();
    this.setCustomState(partial ? 'partial' : this.viewState, CUSTOM_STATES);
  }

  /**
   * True while the loaded data is shown but some of its figures are still being read (a list that
   * fills its rows in after showing them): the element's custom state is then `partial`, not
   * `complete`. An element that can show it documents `@cssstate partial`.
   */
  protected pendingFigures(): boolean {
    return false;
  }

  // ---- state ---------------------------------------------------------------------------------

  /** The state shown now; also the element's custom state. */
  protected get viewState(): ViewState {
    if (this.problem) return 'invalid';
    switch (this.task.status) {
      case LoadStatus.ERROR:
        return 'error';
      case LoadStatus.COMPLETE: {
        const loaded = this.task.value;
        if (!loaded) return 'loading';
        if (loaded.kind === 'absent') return 'ics-absent';
        return this.isEmpty(loaded.value) ? 'empty' : 'complete';
      }
      default:
        return 'loading';
    }
  }

  /**
   * The options of one load: one time bound for all of it (detection and data, however many
   * reads are behind them), and a watch on what it waits on.
   */
  private loadOptions(client: ChainContext, signal: AbortSignal): { options: ReadOptions; stopWatching: () => void } {
    const options = { signal, fresh: this.fresh, deadline: Date.now() + client.config.timeoutMs, watch: new WaitWatch() };
    this.fresh = false;
    return { options, stopWatching: this.watchWaits(options.watch, signal) };
  }

  /**
   * Keeps `waitingText` saying what this load waits on once an answer is `WAIT_NOTICE_MS` late;
   * returns the stop (which clears it, unless a newer load took over).
   */
  private watchWaits(watch: WaitWatch, signal: AbortSignal): () => void {
    this.currentWatch = watch;
    const look = () => {
      if (this.currentWatch !== watch) return;
      const waiting = watch.longest();
      const text = waiting && Date.now() - waiting.since >= WAIT_NOTICE_MS ? `Waiting for ${waiting.origin} (${waiting.what})…` : undefined;
      if (text !== this.waitingText) this.waitingText = text;
    };
    const timer = setInterval(look, WAIT_POLL_MS);
    const stop = () => {
      clearInterval(timer);
      signal.removeEventListener('abort', stop);
      if (this.currentWatch === watch) {
        this.currentWatch = undefined;
        this.waitingText = undefined;
      }
    };
    signal.addEventListener('abort', stop, { once: true });
    return stop;
  }

  private currentWatch: WaitWatch | undefined;

  /** Loads again, skipping the cache. */
  retry(): void {
    this.fresh = true;
    void this.task.run();
  }

  // ---- rendering -----------------------------------------------------------------------------

  /**
   * The frame: a header (the element's own, see `renderHeader`) over the body for the current
   * state, and the live region. Elements with another frame (the acting ones, the card) override it.
   */
  protected override render(): TemplateResult {
    return html`<div class="base" part="base">${this.renderHeader()}<div class="body">${this.renderState()}</div></div>
      ${this.renderLive()}`;
  }

  /** The line above the body, shown in every state (it keeps its place while loading). */
  protected renderHeader(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The body for the current state. */
  protected renderState(): TemplateResult {
    if (this.problem) return this.renderMessage('invalid', problemText(this.problem));
    return this.task.render({
      initial: () => html`${this.renderSkeleton()}${this.renderWaiting()}`,
      pending: () => html`${this.renderSkeleton()}${this.renderWaiting()}`,
      complete: (loaded) => {
        if (loaded.kind === 'absent') return this.renderMessage('ics-absent', loaded.status.message);
        if (this.isEmpty(loaded.value)) return this.renderMessage('empty', this.emptyMessage(loaded.value));
        return this.renderLoaded(loaded.value);
      },
      error: (error) => this.renderError(error),
    });
  }

  /**
   * What a slow load waits on, on screen over the skeleton (positioned, so nothing shifts). Hidden
   * from screen readers: the live region says the same words.
   */
  private renderWaiting(): TemplateResult | typeof nothing {
    return this.waitingText ? html`<p class="waiting" part="waiting" aria-hidden="true">${neutralise(this.waitingText)}</p>` : nothing;
  }

  /**
   * The data and, where the chain has no display unit, the note saying so. One template, so a
   * reload that keeps the data on screen (acting elements) patches it in place and keeps focus.
   */
  protected renderLoaded(value: T): TemplateResult {
    return html`${this.renderData(value)}${this.renderChainNote()}`;
  }

  /** Says so when amounts are in base units because the chain has no display unit for its denom. */
  protected renderChainNote(): TemplateResult | typeof nothing {
    const note = this.resolution.client?.knownChainParams?.note;
    return note ? html`<p class="chain-note" part="chain-note">${note}</p>` : nothing;
  }

  protected renderMessage(kind: ViewState, text: string, action: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`<div class="message ${kind}" part="message"><p>${neutralise(text)}</p>${action}</div>`;
  }

  protected renderError(error: unknown): TemplateResult {
    const message = errorMessage(error);
    return this.renderMessage('error', message, html`<button type="button" part="button retry" @click=${() => this.retry()}>Retry</button>`);
  }

  /**
   * The polite live region: what a screen reader hears as the state changes. Neutralised as the
   * screen's text is (bidi, zero-width and control characters read as their code points).
   */
  protected renderLive(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${neutralise(this.liveText())}</div>`;
  }

  private liveText(): string {
    if (this.problem) return problemText(this.problem);
    switch (this.task.status) {
      case LoadStatus.ERROR: {
        const error = this.task.error;
        return `Could not load: ${errorMessage(error)}`;
      }
      case LoadStatus.COMPLETE: {
        const loaded = this.task.value;
        if (!loaded) return '';
        if (loaded.kind === 'absent') return loaded.status.message;
        return this.isEmpty(loaded.value) ? this.emptyMessage(loaded.value) : this.describe(loaded.value);
      }
      default:
        return this.waitingText ?? this.loadingMessage();
    }
  }
}
