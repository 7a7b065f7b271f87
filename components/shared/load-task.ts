/**
 * The load of a data element as a reactive controller: runs when its arguments change (checked
 * before each update), aborts a run still going when another starts, and keeps the last run's status, value and
 * error for rendering. The part of `@lit/task` the elements use, which saved every element page
 * about 0.35 KB gzip (issue 14: the shared base trimmed to what every element needs).
 */
import { notEqual } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const LoadStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type LoadStatus = (typeof LoadStatus)[keyof typeof LoadStatus];

/** What a run returns to go back to the initial state (nothing to load: no client, a bad attribute). */
export const nothingToLoad = Symbol('nothing to load');

export interface LoadRenderers<T, R> {
  initial: () => R;
  pending: () => R;
  complete: (value: T) => R;
  error: (error: unknown) => R;
}

export class LoadTask<A extends readonly unknown[], T> implements ReactiveController {
  status: LoadStatus = LoadStatus.INITIAL;
  value: T | undefined;
  error: unknown;
  private args: A | undefined;
  private runs = 0;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The arguments: primitives and stable objects only, or every update would run again. */
      args: () => A;
      run: (args: A, context: { signal: AbortSignal }) => Promise<T | typeof nothingToLoad>;
    },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args();
    const before = this.args;
    if (!before || args.length !== before.length || args.some((arg, i) => notEqual(arg, before[i]))) void this.run(args);
  }

  /** Runs now (Retry), with the current arguments unless given others. */
  async run(args: A = this.options.args()): Promise<void> {
    this.args = args;
    // Only a run still going: a finished one's signal may still bound what its data reads later (a list's figures).
    if (this.status === LoadStatus.PENDING) this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const run = ++this.runs;
    this.status = LoadStatus.PENDING;
    this.host.requestUpdate();
    let status: LoadStatus = LoadStatus.COMPLETE;
    let value: T | typeof nothingToLoad | undefined;
    let error: unknown;
    try {
      value = await this.options.run(args, { signal: controller.signal });
    } catch (caught) {
      status = LoadStatus.ERROR;
      error = caught;
    }
    // A newer run took over: its result is the one kept.
    if (run !== this.runs) return;
    if (value === nothingToLoad) {
      this.status = LoadStatus.INITIAL;
    } else {
      this.status = status;
      this.value = value;
      this.error = error;
    }
    this.host.requestUpdate();
  }

  render<R>(renderers: LoadRenderers<T, R>): R {
    switch (this.status) {
      case LoadStatus.INITIAL:
        return renderers.initial();
      case LoadStatus.PENDING:
        return renderers.pending();
      case LoadStatus.COMPLETE:
        return renderers.complete(this.value as T);
      default:
        return renderers.error(this.error);
    }
  }
}
