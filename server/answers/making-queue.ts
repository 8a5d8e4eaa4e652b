import { HttpError } from './errors.js';

/**
 * Answers not yet made take turns: one is made per turn of the event loop, clients taking turns round-robin, so
 * that between two of them the server reads its sockets and answers everything it already has (kept answers,
 * /healthz). A client may have at most `perClient` answers waiting; one more is refused with a 429, so no
 * client can queue up work without end.
 */
export class MakingQueue {
  private readonly waiting = new Map<string, (() => void)[]>();
  private scheduled = false;

  constructor(private readonly perClient = 100) {}

  /** Resolves when it is this client's turn to have an answer made; throws a 429 past its budget. */
  turn(client: string): Promise<void> {
    const queue = this.waiting.get(client) ?? [];
    if (queue.length >= this.perClient) {
      return Promise.reject(
        new HttpError(
          429,
          `too many answers not yet made for one client (at most ${this.perClient} waiting); try again shortly`,
          [],
          { 'Retry-After': '1' },
        ),
      );
    }
    return new Promise((resolve) => {
      queue.push(resolve);
      this.waiting.set(client, queue);
      this.schedule();
    });
  }

  /** Answers waiting, over all clients. */
  get size(): number {
    let n = 0;
    for (const queue of this.waiting.values()) n += queue.length;
    return n;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.next());
  }

  // The first client's first waiter goes; the client moves to the back of the line (Map order is the line).
  private next(): void {
    this.scheduled = false;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [client, queue] = first.value;
    const go = queue.shift()!;
    this.waiting.delete(client);
    if (queue.length > 0) this.waiting.set(client, queue);
    go();
    if (this.waiting.size > 0) this.schedule();
  }
}
