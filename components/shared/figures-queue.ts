/**
 * Reads per-row figures in the order a reader needs them: rows in view (and near it) first, the
 * rest in the round's order as soon as a slot frees, a few at a time. A list renders its rows
 * at once and hands this controller one key per row and a read; the controller watches the rows
 * with an IntersectionObserver on the list's scrolling element, so a 200-row list makes at most
 * `concurrency` reads at once and the rows on screen get theirs first.
 *
 * Nothing waits for an idle moment or for the observer's first report: a slot left empty is a
 * round trip lost, and the round's order (the list's own) already puts the rows at the top of an
 * unscrolled list first.
 *
 * DOM code (IntersectionObserver), for the elements only; it knows nothing of chains. The host
 * owns what a read produces (its own state) and renders it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FiguresQueueOptions<K> {
  /** The scrolling element the rows sit in (the observer's root); null: not rendered yet. */
  root: () => Element | null;
  /** The key of an observed row element (read from its attributes). */
  keyOf: (element: Element) => K | undefined;
  /** Reads in flight at most (default 6, a browser's connections per host over HTTP/1.1). */
  concurrency?: number;
  /** How far around the root a row counts as in view (default one root height above and below). */
  rootMargin?: string;
}

/** One key's read; `signal` aborts when a new round starts or the host leaves the page. */
export type FigureRead<K> = (key: K, signal: AbortSignal) => Promise<void>;

export class FiguresQueue<K> implements ReactiveController {
  private readonly options: Required<Omit<FiguresQueueOptions<K>, 'root' | 'keyOf'>> & Pick<FiguresQueueOptions<K>, 'root' | 'keyOf'>;
  private read: FigureRead<K> | undefined;
  /** Keys in view, in the order they came into view: read first. */
  private readonly urgent = new Set<K>();
  /** Keys not read yet and not in view, in the round's order: read when no key in view waits. */
  private readonly background = new Set<K>();
  private readonly inFlight = new Map<K, AbortController>();
  private observer: IntersectionObserver | undefined;
  private observedRoot: Element | undefined;
  private observed: Element[] = [];

  constructor(host: ReactiveControllerHost, options: FiguresQueueOptions<K>) {
    this.options = { concurrency: 6, rootMargin: '100% 0px', ...options };
    host.addController(this);
  }

  /** Starts a round: every key is to be read with `read`. Aborts the previous round's reads. */
  start(keys: Iterable<K>, read: FigureRead<K>): void {
    this.stop();
    this.read = read;
    for (const key of keys) this.background.add(key);
    this.pump();
  }

  /** Ends the round: aborts what is in flight and forgets what was waiting. */
  stop(): void {
    this.pause();
    this.urgent.clear();
    this.background.clear();
    this.read = undefined;
  }

  /** Watches these row elements (the ones rendered now) for coming into view. Call after each render that changed the rows. */
  observe(elements: Iterable<Element>): void {
    this.observed = [...elements];
    const root = this.options.root();
    if (!root || this.observed.length === 0) {
      this.observer?.disconnect();
      return;
    }
    if (root !== this.observedRoot) {
      this.observer?.disconnect();
      this.observedRoot = root;
      this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root, rootMargin: this.options.rootMargin });
    }
    this.observer!.disconnect();
    for (const element of this.observed) this.observer!.observe(element);
  }

  hostConnected(): void {
    // Back on the page (moved): watch the same rows again and go on with what was left.
    if (!this.read) return;
    this.observe(this.observed);
    this.pump();
  }

  hostDisconnected(): void {
    this.pause();
  }

  /** Off the page: stops the observer and aborts the reads in flight, keeping their keys for later. */
  private pause(): void {
    this.observer?.disconnect();
    this.observedRoot = undefined;
    for (const [key, controller] of this.inFlight) {
      controller.abort();
      this.background.add(key);
    }
    this.inFlight.clear();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const key = this.options.keyOf(entry.target);
      if (key === undefined || this.inFlight.has(key)) continue;
      if (entry.isIntersecting && this.background.delete(key)) this.urgent.add(key);
      else if (!entry.isIntersecting && this.urgent.delete(key)) this.background.add(key);
    }
    this.pump();
  }

  /** Starts reads while there are free slots: rows in view first, then the rest in order. */
  private pump(): void {
    if (!this.read) return;
    while (this.inFlight.size < this.options.concurrency) {
      const next = first(this.urgent) ?? first(this.background);
      if (next === undefined) break;
      this.urgent.delete(next);
      this.background.delete(next);
      this.run(next, this.read);
    }
  }

  private run(key: K, read: FigureRead<K>): void {
    const controller = new AbortController();
    this.inFlight.set(key, controller);
    const done = () => {
      if (this.inFlight.get(key) !== controller) return;
      this.inFlight.delete(key);
      this.pump();
    };
    // The host records a failure as the row's own; a rejection here is only an abort.
    read(key, controller.signal).then(done, done);
  }
}

function first<K>(set: Set<K>): K | undefined {
  for (const key of set) return key;
  return undefined;
}
