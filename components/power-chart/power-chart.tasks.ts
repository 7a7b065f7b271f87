/**
 * Yielding the main thread: the chart's work (decoding, the set computation, each chunk of the
 * drawing) runs in tasks of its own, so input and painting get a turn between them and no task
 * runs long (design §7: none over 50 ms with 500 validators).
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

/** Resolves in a later task: `scheduler.yield()` where the browser has it (it keeps the queue's place), else a zero timeout. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
