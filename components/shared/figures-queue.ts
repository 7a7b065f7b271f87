/**
 * Reads per-row figures in the order a reader needs them: rows in view first, then rows near the
 * view (within one screen of it), and the rest only once the rows on screen are read and the
 * page is idle, a few at a time. A list renders its rows at once and hands this controller one
 * key per row and a read; the controller watches the rows with two IntersectionObservers on the
 * list's scrolling element (in view; near), so a 200-row list's first screen costs the reads of
 * its own rows, not of the 200, and a public endpoint that rate-limits sees a few requests at a time.
 *
 * Rows not rendered yet (a list that shows a row only once its figures are read) are read in the
 * round's order, which puts the rows at the top of an unscrolled list first. Rendered rows wait
 * for the observers' first report, which says which of them are on screen.
 *
 * DOM code (IntersectionObserver, requestIdleCallback), for the elements only; it knows nothing
 * of chains. The host owns what a read produces (its own state) and renders it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextTask } from '../../src/index.js';

export interface FiguresQueueOptions<K> {
  /** The scrolling element the rows sit in (the observers' root); null: not rendered yet. */
  root: () => Element | null;
  /** The key of an observed row element (read from its attributes). */
  keyOf: (element: Element) => K | undefined;
  /** Reads in flight at most (default 6, a browser's connections per host over HTTP/1.1). */
  concurrency?: number;
  /** How far around the root a row counts as near (default one root height above and below). */
  rootMargin?: string;
}

/** One key's read; `signal` aborts when a new round starts or the host leaves the page. */
export type FigureRead<K> = (key: K, signal: AbortSignal) => Promise<void>;

/** How long a background read waits for an idle moment at most (a busy page still gets its figures). */
const IDLE_TIMEOUT_MS = 500;

export class FiguresQueue<K> implements ReactiveController {
  private readonly options: Required<Omit<FiguresQueueOptions<K>, 'root' | 'keyOf'>> & Pick<FiguresQueueOptions<K>, 'root' | 'keyOf'>;
  private read: FigureRead<K> | undefined;
  /** Keys not read yet, in the round's order. */
  private readonly waiting = new Set<K>();
  /** Keys whose rows are in view now, in the order they came into view. */
  private readonly inView = new Set<K>();
  /** Keys whose rows are near the view now (in view included). */
  private readonly near = new Set<K>();
  private readonly inFlight = new Map<K, AbortController>();
  private viewObserver: IntersectionObserver | undefined;
  private nearObserver: IntersectionObserver | undefined;
  private observedRoot: Element | undefined;
  private observed: Element[] = [];
  private observedKeys: (K | undefined)[] = [];
  /** The idle callback asked for, to read rows away from the view; undefined: none asked. */
  private idle: (() => void) | undefined;
  /** True inside the idle callback: a background read may start. */
  private idleNow = false;
  /** False from watching rows until the near observer's first report on them. */
  private reported = false;
  /** The next task's pump, when one is asked for. */
  private nextPump: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost, options: FiguresQueueOptions<K>) {
    this.options = { concurrency: 6, rootMargin: '100% 0px', ...options };
    host.addController(this);
  }

  /** Starts a round: every key is to be read with `read`. Aborts the previous round's reads. */
  start(keys: Iterable<K>, read: FigureRead<K>): void {
    this.stop();
    this.read = read;
    for (const key of keys) this.waiting.add(key);
    this.pump();
  }

  /** Ends the round: aborts what is in flight and forgets what was waiting. */
  stop(): void {
    this.pause();
    this.waiting.clear();
    this.read = undefined;
  }

  /**
   * Watches these row elements (the ones rendered now) for coming into view. Call after each
   * render: the same rows in the same root are not watched anew.
   */
  observe(elements: Iterable<Element>): void {
    const next = [...elements];
    // Lit reuses a row's element for another row when rows move: compare the keys too.
    const keys = next.map((element) => this.options.keyOf(element));
    const root = this.options.root();
    if (root && root === this.observedRoot && same(next, this.observed) && same(keys, this.observedKeys)) return;
    this.observed = next;
    this.observedKeys = keys;
    if (!root || this.observed.length === 0) {
      this.disconnect();
      return;
    }
    if (root !== this.observedRoot) {
      this.disconnect();
      this.observedRoot = root;
      this.viewObserver = new IntersectionObserver((entries) => this.onIntersect(entries, this.inView), { root });
      this.nearObserver = new IntersectionObserver((entries) => this.onIntersect(entries, this.near), { root, rootMargin: this.options.rootMargin });
    }
    // Each observer reports every row anew: what was in view before may be gone or moved.
    this.inView.clear();
    this.near.clear();
    this.reported = false;
    for (const observer of [this.viewObserver!, this.nearObserver!]) {
      observer.disconnect();
      for (const element of this.observed) observer.observe(element);
    }
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

  private disconnect(): void {
    this.viewObserver?.disconnect();
    this.nearObserver?.disconnect();
    this.viewObserver = this.nearObserver = this.observedRoot = undefined;
    this.inView.clear();
    this.near.clear();
  }

  /** Off the page: stops the observers and aborts the reads in flight, keeping their keys for later. */
  private pause(): void {
    this.disconnect();
    this.idle?.();
    this.idle = undefined;
    for (const [key, controller] of this.inFlight) {
      controller.abort();
      this.waiting.add(key);
    }
    this.inFlight.clear();
  }

  private onIntersect(entries: IntersectionObserverEntry[], keys: Set<K>): void {
    if (keys === this.near) this.reported = true;
    for (const entry of entries) {
      const key = this.options.keyOf(entry.target);
      if (key === undefined) continue;
      if (entry.isIntersecting) keys.add(key);
      else keys.delete(key);
    }
    this.pump();
  }

  /**
   * Starts a read when a slot is free: rows in view, then rows near it; the rest only when no row
   * on or near the screen waits or is being read, and then in an idle moment. One read per task:
   * a read the cache answers decodes and renders in the task that starts it (a chain's set of 180
   * validators, 5-10 ms), and six of them in one task made it 50-86 ms long (measured).
   */
  private pump(): void {
    if (!this.read || this.nextPump || this.inFlight.size >= this.options.concurrency) return;
    const next = this.firstWaiting(this.inView) ?? this.firstWaiting(this.near) ?? this.background();
    if (next === undefined) return;
    this.waiting.delete(next);
    this.run(next, this.read);
    this.nextPump = nextTask().then(() => {
      this.nextPump = undefined;
      this.pump();
    });
  }

  private firstWaiting(keys: Set<K>): K | undefined {
    for (const key of keys) if (this.waiting.has(key)) return key;
    return undefined;
  }

  /** The next key away from the view, when the screen is read and the page is idle; else asks for an idle moment. */
  private background(): K | undefined {
    if (this.waiting.size === 0) return undefined;
    // Rows are rendered but not seen yet: the first report (a frame away) says which are on screen,
    // which may not be the first ones (a list scrolled before its figures came).
    if (this.observedRoot && !this.reported) return undefined;
    for (const key of this.inFlight.keys()) if (this.near.has(key)) return undefined;
    if (this.idleNow) return first(this.waiting);
    this.idle ??= whenIdle(() => {
      this.idle = undefined;
      this.idleNow = true;
      this.pump();
      this.idleNow = false;
    });
    return undefined;
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

/** Calls `callback` in an idle moment (or after a short wait where the browser has no idle callback); returns the cancel. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 50);
  return () => clearTimeout(handle);
}

function same<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function first<K>(set: Set<K>): K | undefined {
  for (const key of set) return key;
  return undefined;
}
