// The figures queue, its code on demand (see the class).
import type { ReactiveControllerHost } from 'lit';
import type { FiguresQueue, FiguresQueueOptions } from './figures-queue.js';
import { isIcsError } from '../../src/index.js';
import type { IcsError } from '../../src/index.js';
import { onDemand } from './on-demand.js';

const loadQueue = onDemand(() => import('./figures-queue.js'), 'the figures queue');

/**
 * The figures queue (figures-queue.ts) for an element whose rows show before their figures: its
 * code is imported on demand, from the moment the element is made, so it arrives beside the
 * element's first read of the chain (before any row needs it) and the page does not carry it
 * before first render. Same calls as the queue; `start` takes a read and where its result goes,
 * failures included (each row then says why its figures are missing, the queue's own code among them).
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

  /**
   * Starts a round (see `FiguresQueue.start`) once the queue's code is in: each key is read with
   * `read`, and what it gives, or the Error it failed with, goes to `record`. A read that was
   * aborted (a new round, the host leaving the page) records nothing: the queue reads it again if
   * needed. When the queue's code cannot be loaded, every key of the round records that error.
   */
  start<V>(keys: Iterable<K>, read: (key: K, signal: AbortSignal) => Promise<V>, record: (key: K, result: V | Error) => void): void {
    const round = ++this.round;
    this.queue?.stop();
    const waiting = [...keys];
    const readAndRecord = async (key: K, signal: AbortSignal) => {
      let result: V | Error;
      try {
        result = await read(key, signal);
      } catch (error) {
        if (signal.aborted || (isIcsError(error) && error.kind === 'aborted')) return;
        result = error instanceof Error ? error : new Error(String(error));
      }
      record(key, result);
    };
    loadQueue().then(
      ({ FiguresQueue }) => {
        if (round !== this.round) return;
        // Made once; from then on the host's lifecycle reaches it as any controller's.
        this.queue ??= new FiguresQueue(this.host, this.options);
        this.queue.start(waiting, readAndRecord);
        // Off the page meanwhile: the queue keeps its keys and reads them when the host is back.
        if (!this.host.isConnected) this.queue.hostDisconnected();
        this.queue.observe(this.rows);
      },
      (error: IcsError) => {
        if (round !== this.round) return;
        for (const key of waiting) record(key, error);
      },
    );
  }

  /** Watches these rows for coming into view (see `FiguresQueue.observe`). */
  observe(rows: Iterable<Element>): void {
    this.rows = [...rows];
    this.queue?.observe(this.rows);
  }
}
