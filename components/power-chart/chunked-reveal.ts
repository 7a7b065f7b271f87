/**
 * Draws a large chart's items (bars, focusable columns, table rows) a chunk per task, after a
 * first drawing of the frame alone, so no task runs long (design §7: none over 50 ms with 500
 * validators). The host renders `chunks()`, each its own `guard`ed template, so a later task
 * renders only its new chunk, not every item drawn so far.
 */
import type { ReactiveControllerHost } from 'lit';

/** A chart of up to this many items is drawn at once, and the first chunk has this many. */
const FIRST_CHUNK = 20;
/**
 * Later chunks are sized from the last one's update time, aiming at this many milliseconds (the
 * frame's style, layout and paint of the new items come on top), within the bounds below: a slow
 * or busy machine draws fewer items per task, a fast one more.
 */
const CHUNK_TARGET_MS = 12;
const CHUNK_MIN = 8;
const CHUNK_MAX = 80;

export class ChunkedReveal {
  /** How many items are drawn so far. */
  revealed = 0;
  /** Where each chunk drawn so far ends: chunk k is items `[ends[k - 1] ?? 0, ends[k])`. Stable, so each chunk's `guard` holds. */
  private chunkEnds: number[] = [];
  /** Items in the next chunk. */
  private chunkSize = FIRST_CHUNK;
  /** Set while an update draws a new chunk: its duration sizes the next one. */
  private chunkStart: number | undefined;
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  /** Awaited by `drawn()` while chunks remain; resolved when the last one is drawn. */
  private revealed$: { promise: Promise<void>; resolve: () => void } | undefined;

  private readonly host: ReactiveControllerHost;
  /** How many items there are now (read when a chunk's task runs). */
  private readonly count: () => number;

  constructor(host: ReactiveControllerHost, count: () => number) {
    this.host = host;
    this.count = count;
  }

  /**
   * New items: a small chart is drawn at once; a large one's first drawing has the frame (header,
   * axes, marks, legend) and no items yet: they follow, a chunk per task.
   */
  restart(total: number): void {
    this.revealed = total <= FIRST_CHUNK ? total : 0;
    this.chunkEnds = this.revealed > 0 ? [this.revealed] : [];
    this.chunkSize = FIRST_CHUNK;
  }

  /** After each update of the host, with `total` the items to show now (0 when the chart is not shown). */
  hostUpdated(total: number): void {
    if (this.chunkStart !== undefined) {
      const took = performance.now() - this.chunkStart;
      this.chunkStart = undefined;
      this.chunkSize = Math.max(CHUNK_MIN, Math.min(CHUNK_MAX, Math.round((this.chunkSize * CHUNK_TARGET_MS) / Math.max(took, 1))));
    }
    if (this.revealed < total) {
      this.revealTimer ??= setTimeout(() => {
        this.revealTimer = undefined;
        this.revealed = Math.min(this.count(), this.revealed + this.chunkSize);
        this.chunkEnds = [...this.chunkEnds, this.revealed];
        this.chunkStart = performance.now();
        this.host.requestUpdate();
      });
    } else {
      this.revealed$?.resolve();
      this.revealed$ = undefined;
    }
  }

  /** The `[from, to)` item ranges of the chunks drawn so far. */
  chunks(): [number, number][] {
    return this.chunkEnds.map((end, k) => [k === 0 ? 0 : this.chunkEnds[k - 1]!, end]);
  }

  /** A next chunk is waiting for its task. */
  get running(): boolean {
    return this.revealTimer !== undefined;
  }

  /** Resolves when the chunks waiting now are drawn (the host's `updateComplete` waits on it). */
  drawn(): Promise<void> {
    if (!this.revealed$) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.revealed$ = { promise, resolve };
    }
    return this.revealed$.promise;
  }
}
