import type { DataVersion } from '../db/queries/data-version.js';
import type { Answer } from './answer.js';
import { StampedCache } from './stamped-cache.js';
import { codeRevision } from './code-revision.js';
import { answersVersion, stampFor, today } from './version.js';

/**
 * The answers one server has made, by data version: the one cache of answers. Its stamp (the ETag) names the data
 * version, the server code and the day; an answer is kept under the stamp of the data it was made on, by the
 * request as sent and as parsed (so that a repeated URL skips parsing, and URLs that ask the same are made once).
 * Room is counted as twice the text, for its gzip.
 */
export class AnswerCache {
  /** Names the server code: an ETag or `v` from other code never matches. */
  readonly codeRevision = codeRevision();
  private readonly answers: StampedCache<Answer>;
  private last = {
    importId: null as number | null,
    finishedAt: null as string | null,
    day: '',
    stamp: '',
    version: '',
  };

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.answers = new StampedCache(maxBytes, (answer) => answer.body.length * 2);
  }

  /** The ETag of answers on a data version today (the same as the last one asked for, on most reads). */
  stamp(version: DataVersion): string {
    const day = today();
    const last = this.last;
    if (last.importId !== version.import_id || last.finishedAt !== version.finished_at || last.day !== day) {
      this.last = {
        importId: version.import_id,
        finishedAt: version.finished_at,
        day,
        stamp: stampFor(version, this.codeRevision),
        version: answersVersion(version, this.codeRevision),
      };
    }
    return this.last.stamp;
  }

  /** The `v` that names answers on a data version (see answersVersion). */
  version(version: DataVersion): string {
    this.stamp(version);
    return this.last.version;
  }

  get(stamp: string, key: string): Answer | undefined {
    return this.answers.get(stamp, key);
  }

  set(stamp: string, key: string, answer: Answer): void {
    this.answers.set(stamp, key, answer);
  }

  /** How many answers are kept (an answer kept under two keys counts twice). */
  get count(): number {
    return this.answers.count;
  }
}
