import { randomBytes } from 'node:crypto';
import type { DataVersion } from '../db/queries/dataVersion.js';
import { stampFor, today } from './etag.js';
import { type AnswerSource, type CachedBody, ResponseCache } from './responseCache.js';
import { ReplayCache } from './setup/replay.js';

// Enough for every view of the dashboard many times over; the rest are made when asked for.
const SOURCES_REMADE = 300;

/** The answers one server has made, by data version: cached, replayed, and made ready for the next version. */
export class AnswerStore {
  /** Names the server code: an ETag from another instance never matches. */
  readonly codeRevision = randomBytes(4).toString('hex');
  readonly cache = new ResponseCache();
  readonly replays = new ReplayCache();
  private last = { importId: null as number | null, finishedAt: null as string | null, day: '', stamp: '' };

  /** The ETag of answers on a data version today (the same as the last one asked for, on most reads). */
  stamp(version: DataVersion): string {
    const day = today();
    const last = this.last;
    if (last.importId !== version.import_id || last.finishedAt !== version.finished_at || last.day !== day) {
      const stamp = stampFor(version, this.codeRevision);
      this.last = { importId: version.import_id, finishedAt: version.finished_at, day, stamp };
    }
    return this.last.stamp;
  }

  /** The requests answered on a data version, the most recently asked first. */
  sources(version: DataVersion, limit = SOURCES_REMADE): AnswerSource[] {
    const answers = this.cache.values(this.stamp(version));
    return answers
      .flatMap((answer) => (answer.source ? [answer.source] : []))
      .slice(-limit)
      .reverse();
  }

  /** Puts answers made for a data version (before readers can see it) where its first requests will find them. */
  putInPlace(version: DataVersion, answers: readonly { key: string; answer: CachedBody }[]): void {
    const stamp = this.stamp(version);
    for (const { key, answer } of answers) this.cache.set(stamp, key, answer);
  }
}
