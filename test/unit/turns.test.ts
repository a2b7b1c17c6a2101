import * as assert from 'node:assert/strict';
import { nextTurn } from '../../src/core/turns';

/** Counts the turns of the event loop: one immediate per turn, each queueing the next. */
function turnCounter(): { readonly now: () => number; readonly stop: () => void } {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (running = false) };
}

describe('nextTurn', () => {
  it('lets the jobs waiting go on one per turn, in the order they asked', async () => {
    const turns = turnCounter();
    const resumed: [string, number][] = [];
    const job = async (name: string) => {
      for (let slice = 0; slice < 3; slice++) {
        await nextTurn();
        resumed.push([name, turns.now()]);
      }
    };
    await Promise.all([job('a'), job('b'), job('c')]);
    turns.stop();
    assert.deepEqual(
      resumed.map(([name]) => name),
      ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c'],
    );
    const turnNumbers = resumed.map(([, turn]) => turn);
    assert.ok(
      turnNumbers.every((turn, i) => i === 0 || turn > turnNumbers[i - 1]),
      `each job went on in a turn of its own: ${turnNumbers.join(', ')}`,
    );
  });

  it('lets other work queued for the same turn run before the second job goes on', async () => {
    const events: string[] = [];
    const waiting = [nextTurn().then(() => events.push('job 1')), nextTurn().then(() => events.push('job 2'))];
    setImmediate(() => events.push('other work'));
    await Promise.all(waiting);
    assert.deepEqual(events, ['job 1', 'other work', 'job 2']);
  });
});
