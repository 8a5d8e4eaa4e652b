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
});
