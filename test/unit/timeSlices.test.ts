import assert from 'node:assert/strict';
import { TimeSlices } from '../../src/core/index/timeSlices';

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
    for (let step = 0; step < 100; step++) await slices.check();
    assert.equal(pauses, 0);
    const short = new TimeSlices(1, async () => void pauses++);
    busy(3);
    await short.check();
    await short.check();
    assert.equal(pauses, 1, 'a new slice starts after the pause');
  });
});
