import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GroupCommit } from './group-commit.ts';

it('writes concurrent submissions in one transaction and resolves each after it', async () => {
  const writes: string[][] = [];
  const gc = new GroupCommit<string>(
    async (items) => {
      writes.push(items);
    },
    { maxItems: 100, maxDelayMs: 5 },
  );
  await Promise.all([gc.submit(['a']), gc.submit(['b', 'c']), gc.submit(['d'])]);
  assert.deepEqual(writes, [['a', 'b', 'c', 'd']]);
  await gc.close();
});

it('caps a transaction at maxItems whole submissions and writes the rest next', async () => {
  const writes: string[][] = [];
  const gc = new GroupCommit<string>(
    async (items) => {
      writes.push(items);
    },
    { maxItems: 3, maxDelayMs: 5 },
  );
  await Promise.all([gc.submit(['a', 'b']), gc.submit(['c', 'd']), gc.submit(['e'])]);
  assert.deepEqual(writes, [
    ['a', 'b'],
    ['c', 'd', 'e'],
  ]);
  await gc.close();
});

it('fails only the submission that breaks a shared transaction', async () => {
  const writes: string[][] = [];
  const gc = new GroupCommit<string>(
    async (items) => {
      if (items.includes('poison')) throw new Error('invalid input syntax for type json');
      writes.push(items);
    },
    { maxItems: 100, maxDelayMs: 5 },
  );
  const results = await Promise.allSettled([gc.submit(['a']), gc.submit(['poison']), gc.submit(['b'])]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.deepEqual(writes, [['a'], ['b']]);
  await gc.close();
});

it('overlaps at most maxInFlight writes, and close waits for every one of them', async () => {
  const started: string[][] = [];
  const finish: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const gc = new GroupCommit<string>(
    (items) => {
      started.push(items);
      running++;
      most = Math.max(most, running);
      return new Promise<void>((resolve) =>
        finish.push(() => {
          running--;
          resolve();
        }),
      );
    },
    { maxItems: 1, maxDelayMs: 1, maxInFlight: 2 },
  );
  const done: string[] = [];
  const all = ['a', 'b', 'c'].map((x) => gc.submit([x]).then(() => done.push(x)));
  while (started.length < 2) await new Promise((resolve) => setTimeout(resolve, 2));
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(started, [['a'], ['b']], 'a third write waits for a free slot');
  finish.shift()?.();
  while (started.length < 3) await new Promise((resolve) => setTimeout(resolve, 2));
  const closing = gc.close().then(() => 'closed');
  finish.shift()?.();
  finish.shift()?.();
  await Promise.all(all);
  assert.equal(await closing, 'closed');
  assert.equal(most, 2);
  assert.deepEqual(done, ['a', 'b', 'c']);
});
