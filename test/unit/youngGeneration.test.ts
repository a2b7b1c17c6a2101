import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { collectYoungIfOver, pauseAndCollect, youngGenerationBytes } from '../../src/core/index/youngGeneration';

describe('Young generation collections', () => {
  it('collects the young generation only above the limit', () => {
    const kept: string[][] = [];
    for (let i = 0; i < 2_000; i++) kept.push(Array.from({ length: 10 }, (_, k) => `${i}:${k}:`.repeat(4)));
    assert.ok(youngGenerationBytes() > 0);
    assert.equal(collectYoungIfOver(Number.MAX_SAFE_INTEGER), false);
    assert.equal(collectYoungIfOver(0), true);
    assert.equal(kept.length, 2_000);
  });

  it('leaves no gc behind in other contexts', () => {
    collectYoungIfOver(0);
    assert.equal(runInNewContext('typeof gc'), 'undefined');
  });

  it('pauses, collecting past the limit', async () => {
    await pauseAndCollect(0);
    await pauseAndCollect(Number.MAX_SAFE_INTEGER);
  });
});
