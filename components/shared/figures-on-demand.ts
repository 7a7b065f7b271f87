// The figures queue, its code on demand (see the class).
import type { ReactiveControllerHost } from 'lit';
import type { FigureRead, FiguresQueue, FiguresQueueOptions } from './figures-queue.js';
import { onDemand } from './on-demand.js';

const loadQueue = onDemand(() => import('./figures-queue.js'), 'the figures queue');

/**
 * The figures queue (figures-queue.ts) for an element whose rows show before their figures: its
 * code is imported on demand, from the moment the element is made, so it arrives beside the
 * element's first read of the chain (before any row needs it) and the page does not carry it
 * before first render. Same calls as the queue; `start` also takes what to do when its code could
 * not be loaded (each row then says why its figures are missing).
 */
export class FiguresOnDemand<K> {
  private queue: FiguresQueue<K> | undefined;
  /** Counts `start` calls: a round whose code arrives after a newer round started is dropped. */
  private round = 0;
  /** The rows to watch, as of the last `observe` (handed to the queue once it is made). */
  private rows: Element[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FiguresQueueOptions<K>,
  ) {
    loadQueue().catch(() => undefined);
  }

  /** Starts a round (see `FiguresQueue.start`) once the queue's code is in; `failed` hears why it could not be loaded. */
  start(keys: Iterable<K>, read: FigureRead<K>, failed: (error: unknown) => void): void {
    const round = ++this.round;
    this.queue?.stop();
    const waiting = [...keys];
    loadQueue().then(
      ({ FiguresQueue }) => {
        if (round !== this.round) return;
        // Made once; from then on the host's lifecycle reaches it as any controller's.
        this.queue ??= new FiguresQueue(this.host, this.options);
        this.queue.start(waiting, read);
        // Off the page meanwhile: the queue keeps its keys and reads them when the host is back.
        if (!this.host.isConnected) this.queue.hostDisconnected();
        this.queue.observe(this.rows);
      },
      (error: unknown) => {
        if (round === this.round) failed(error);
      },
    );
  }

  /** Watches these rows for coming into view (see `FiguresQueue.observe`). */
  observe(rows: Iterable<Element>): void {
    this.rows = [...rows];
    this.queue?.observe(this.rows);
  }
}
