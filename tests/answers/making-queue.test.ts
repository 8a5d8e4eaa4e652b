import { describe, expect, it } from 'vitest';
import { HttpError } from '../../server/answers/errors.js';
import { MakingQueue } from '../../server/answers/making-queue.js';

describe('MakingQueue', () => {
  it('lets one answer be made per turn, clients taking turns round-robin', async () => {
    const queue = new MakingQueue();
    const order: string[] = [];
    const waits = [
      ...['a1', 'a2', 'a3'].map((name) => queue.turn('a').then(() => order.push(name))),
      ...['b1', 'b2'].map((name) => queue.turn('b').then(() => order.push(name))),
    ];
    expect(queue.size).toBe(5);
    await Promise.all(waits);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
    expect(queue.size).toBe(0);
  });

  it('refuses a client more than its budget of answers waiting, with a 429, and not other clients', async () => {
    const queue = new MakingQueue(2);
    const kept = [queue.turn('greedy'), queue.turn('greedy')];
    const refused = await queue.turn('greedy').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 429, headers: { 'Retry-After': '1' } });
    await Promise.all([...kept, queue.turn('other')]);
  });

  it('shares an answer waiting or being made with every request for it: made once, in one turn', async () => {
    const queue = new MakingQueue();
    let made = 0;
    const make = () => ++made;
    const shared = await Promise.all(['a', 'b', 'c'].map((client) => queue.make(client, 'k', make)));
    expect(shared).toEqual([1, 1, 1]);
    // Once made it is no longer the queue's: the answer cache keeps answers.
    expect(await queue.make('b', 'k', make)).toBe(2);
  });

  it('lets a client past its budget share a pending answer, refuses it a new one, and shares failures', async () => {
    const queue = new MakingQueue(1);
    const first = queue.make('greedy', 'k1', () => 'one');
    const shared = queue.make('greedy', 'k1', () => 'again');
    const refused = await queue.make('greedy', 'k2', () => 'two').catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 429 });
    expect(await Promise.all([first, shared])).toEqual(['one', 'one']);
    const failing = () => {
      throw new Error('no such area');
    };
    const failures = await Promise.all(
      ['a', 'b'].map((client) => queue.make(client, 'k3', failing).catch((error: Error) => error.message)),
    );
    expect(failures).toEqual(['no such area', 'no such area']);
  });
});
