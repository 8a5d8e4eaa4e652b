import { HttpError } from '../errors.js';

/** One import at a time per server: a second one while another runs gets a 409. */
export class ImportLock {
  private holder: string | null = null;

  /** Takes the lock for a request, or throws a 409 naming the request that holds it. Returns the release. */
  acquire(requestId: string): () => void {
    if (this.holder !== null) {
      throw new HttpError(409, `another import is running (request ${this.holder}); try again when it ends`);
    }
    this.holder = requestId;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holder = null;
    };
  }
}
