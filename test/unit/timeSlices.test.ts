import assert from 'node:assert/strict';
import { TimeSlices, whenQuiet } from '../../src/core/index/timeSlices';

function busy(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms);
}

describe('Time slices', () => {
  it('runs pieces that are ready at once one after the other, giving the event loop turns in between', async () => {
    const slices = new TimeSlices(5);
    const events: string[] = [];
    // Ready at once, as the worker's replies are: without slices they would all run before the event loop's next turn.
    const pieces = Array.from({ length: 12 }, async (_, index) => {
      await slices.turn();
      busy(2);
      events.push(`piece ${index}`);
    });
    setImmediate(() => events.push('event loop'));
    await Promise.all(pieces);
    const turn = events.indexOf('event loop');
    assert.ok(turn > 0 && turn < events.length - 1, `the event loop had a turn between pieces: ${events.join(', ')}`);
    assert.deepEqual(
      events.filter((event) => event !== 'event loop'),
      pieces.map((_, index) => `piece ${index}`),
      'in the order they asked',
    );
  });

  it('pauses a loop only once its slice is used up', async () => {
    let pauses = 0;
    const slices = new TimeSlices(1_000, async () => void pauses++);
    for (let step = 0; step < 100; step++) await slices.turn();
    assert.equal(pauses, 0);
    const short = new TimeSlices(1, async () => void pauses++);
    busy(3);
    await short.turn();
    await short.turn();
    assert.equal(pauses, 1, 'a new slice starts after the pause');
  });
});

describe('Waiting for a quiet event loop', () => {
  it('resolves once the loop has turned freely for a while', async () => {
    const waited = await whenQuiet({ quietMs: 60, capMs: 2_000 });
    assert.ok(waited >= 55 && waited < 1_000, `waited ${waited} ms`);
  });

  it('waits again after the loop is held up, and no longer than the cap', async () => {
    const start = performance.now();
    const holdUps = [20, 70, 120].map((at) => setTimeout(() => busy(60), at));
    const waited = await whenQuiet({ quietMs: 150, capMs: 2_000 });
    // The last hold-up ends about 180 ms in; quiet 150 ms after it.
    assert.ok(performance.now() - start >= 300, `resolved after ${performance.now() - start} ms`);
    assert.ok(waited < 2_000);
    holdUps.forEach(clearTimeout);
    const capped = whenQuiet({ quietMs: 10_000, capMs: 100 });
    assert.ok((await capped) >= 95 && (await capped) < 1_000);
  });

  it('counts quiet only once told to', async () => {
    let open = false;
    setTimeout(() => (open = true), 200);
    const start = performance.now();
    await whenQuiet({ quietMs: 50, capMs: 2_000, after: () => open });
    // Quiet counts from the last look before it was told (a look every 10 ms).
    assert.ok(performance.now() - start >= 235, `resolved after ${performance.now() - start} ms`);
  });
});

