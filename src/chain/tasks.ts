/**
 * Giving the thread back between slices of long work. A page that reads 500 validators must not
 * decode them and hash their keys in one task: input and painting wait behind it (design §7: no
 * task over 50 ms with 500 validators). Plain timers and `scheduler.yield`, no DOM: the same
 * code runs in Node, where it only lets other I/O in.
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

/** Resolves in a later task: `scheduler.yield()` where the platform has it (it keeps the queue's place), else a zero timeout. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Items per task when a list is decoded or its keys hashed. 100 validators take 3-8 ms in
 * Chromium here (25-30 with the CPU throttled four times), well under the 50 ms a task may take.
 */
export const SLICE = 100;

/**
 * `items.map(map)`, `SLICE` items per task: a list of up to `SLICE` items maps in the caller's
 * task as a plain `map` would; a longer one yields before each further slice.
 */
export async function mapInSlices<T, U>(items: readonly T[], map: (item: T, index: number) => U, signal?: AbortSignal): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % SLICE === 0) {
      await nextTask();
      signal?.throwIfAborted();
    }
    out.push(map(items[i]!, i));
  }
  return out;
}
