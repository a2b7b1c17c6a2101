import assert from 'node:assert/strict';
import { StallWatch } from '../../src/core/index/stallWatch';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function busy(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms);
}

describe('Stall watch', () => {
  it('records how long the event loop was held up, and when', async () => {
    const watch = new StallWatch(5, 50);
    await sleep(30);
    busy(120);
    await sleep(30);
    busy(70);
    await sleep(20);
    const { longestMs, over } = watch.stop();
    assert.ok(longestMs >= 110 && longestMs < 400, `longest ${longestMs}`);
    assert.equal(over.length, 2, JSON.stringify(over));
    const [first, second] = over;
    assert.ok(first[1] >= second[1], 'longest first');
    assert.ok(first[0] >= 20 && first[0] < second[0], `the longer one began first: ${JSON.stringify(over)}`);
  });

  it('records nothing over the threshold when the loop turns freely', async () => {
    // A threshold well above what a busy machine's scheduler delays a timer by.
    const watch = new StallWatch(5, 150);
    await sleep(60);
    const { over } = watch.stop();
    assert.deepEqual(over, []);
  });

  it('tells what it saw so far and goes on watching', async () => {
    const watch = new StallWatch(5, 60);
    await sleep(20);
    busy(120);
    await sleep(10);
    const soFar = watch.record();
    assert.ok(soFar.over.some(([, ms]) => ms >= 100), JSON.stringify(soFar.over));
    assert.ok(soFar.sinceMs >= 140, `watched ${soFar.sinceMs} ms`);
    busy(120);
    await sleep(10);
    const { over } = watch.stop();
    assert.ok(over.filter(([, ms]) => ms >= 100).length >= 2, JSON.stringify(over));
  });
});
