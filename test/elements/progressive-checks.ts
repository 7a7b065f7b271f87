// A check both progressive lists share: scrolled to the foot while the first reads are out, the
// rows now in view are read next and a row in the middle waits.
import { assert } from 'chai';
import { $, until } from './helpers.js';

/**
 * Once the reads of the rows seen first have started, scrolls `el`'s `scroller` to its foot, waits for `complete`, and checks that the next `next`
 * reads (ids, from `reads()`) are among the last `foot` rows of `order`, and that the middle row
 * of `order` was read later still.
 */
export async function footReadNext(el: Element, scroller: string, reads: () => string[], order: string[], foot: number, next: number): Promise<void> {
  // The reads of the rows seen now start one per task once the observer reports: let them all
  // start (no new read for 100 ms) before the scroll, so the next reads are the scroll's.
  let count = -1;
  while (reads().length === 0 || reads().length !== count) {
    count = reads().length;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = $(el, scroller)!;
  rows.scrollTop = rows.scrollHeight;
  const before = reads().length;
  await until(el, 'complete', 30_000);
  const after = reads().slice(before, before + next);
  const atFoot = order.slice(-foot);
  for (const id of after) assert.include(atFoot, id, `read next: ${after.join(' ')}; the foot: ${atFoot.join(' ')}`);
  assert.isAbove(reads().indexOf(order[Math.floor(order.length / 2)]!), before + next - 1, 'a row in the middle waited');
}
