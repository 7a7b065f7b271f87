import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SLICE, mapInSlices, nextTask } from '../../../src/chain/tasks.js';

/** Runs `work` while a timer re-arms itself; says how many timer tasks ran before `work` finished. */
async function timersDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    ticks++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await work();
  running = false;
  return ticks;
}

describe('mapInSlices: long lists mapped a slice per task', () => {
  it('gives what Array.prototype.map gives, with indexes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { maxLength: 3 * SLICE + 7 }), async (items) => {
        assert.deepEqual(
          await mapInSlices(items, (x, i) => x * 2 + i),
          items.map((x, i) => x * 2 + i),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("maps a list of one slice in the caller's task, and yields between the slices of a longer one", async () => {
    assert.equal(
      await timersDuring(() =>
        mapInSlices(
          Array.from({ length: SLICE }, (_, i) => i),
          (x) => x,
        ),
      ),
      0,
    );
    // 250 items are three slices: two yields, each lets the other task run.
    assert.ok(
      (await timersDuring(() =>
        mapInSlices(
          Array.from({ length: 2 * SLICE + 50 }, (_, i) => i),
          (x) => x,
        ),
      )) >= 2,
    );
  });

  it('stops between slices when its signal aborts, and rejects with the reason', async () => {
    const controller = new AbortController();
    const mapped: number[] = [];
    const done = mapInSlices(
      Array.from({ length: 3 * SLICE }, (_, i) => i),
      (x) => {
        mapped.push(x);
        if (x === SLICE - 1) controller.abort(new Error('left the page'));
        return x;
      },
      controller.signal,
    );
    await assert.rejects(done, /left the page/);
    assert.equal(mapped.length, SLICE);
  });

  it('nextTask resolves after a timer queued before it', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await nextTask();
    await nextTask();
    order.push('after');
    assert.deepEqual(order, ['timer', 'after']);
  });
});
