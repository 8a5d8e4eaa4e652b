import { HttpError } from './errors.js';

/**
 * Answers not yet made take turns: one is made per turn of the event loop, clients taking turns round-robin, so
 * that between two of them the server reads its sockets and answers everything it already has (kept answers,
 * /healthz). A client may have at most `perClient` answers waiting; one more is refused with a 429, so no
 * client can queue up work without end. Requests for an answer already waiting or being made share it: under
 * load many clients ask for the same new answer at once (after an import every answer is new), and each would
 * otherwise wait for a turn of its own, one turn of the event loop each, only to find it made.
 */
export class MakingQueue {
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Answers waiting or being made, by their key. */
  private readonly pending = new Map<string, Promise<unknown>>();
  private scheduled = false;

  constructor(private readonly perClient = 100) {}

  /**
   * Runs `make` in this client's turn, shared by every request for the same key until it is made. A 429 when the
   * client is past its budget, unless the key is pending already: sharing it adds no work.
   */
  make<T>(client: string, key: string, make: () => T): Promise<T> {
    const pending = this.pending.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const refused = this.refusal(client);
    if (refused) return Promise.reject(refused);
    const made = this.turn(client).then(make);
    this.pending.set(key, made);
    const forget = () => this.pending.delete(key);
    made.then(forget, forget);
    return made;
  }

  /** Resolves when it is this client's turn to have an answer made; throws a 429 past its budget. */
  turn(client: string): Promise<void> {
    const refused = this.refusal(client);
    if (refused) return Promise.reject(refused);
    return new Promise((resolve) => {
      const queue = this.waiting.get(client) ?? [];
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

  private refusal(client: string): HttpError | null {
    if ((this.waiting.get(client)?.length ?? 0) < this.perClient) return null;
    return new HttpError(
      429,
      `too many answers not yet made for one client (at most ${this.perClient} waiting); try again shortly`,
      [],
      { 'Retry-After': '1' },
    );
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
