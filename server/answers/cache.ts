import type { DataVersion } from '../db/queries/data-version.js';
import type { Answer, SentAnswer } from './answer.js';
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
  // Answers by request (as sent and as parsed), and how URLs were sent (keys starting SENT): one budget for both.
  private readonly answers: StampedCache<Answer | SentAnswer>;
  private last = {
    importId: null as number | null,
    finishedAt: null as string | null,
    day: '',
    stamp: '',
    version: '',
  };

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.answers = new StampedCache(maxBytes, (value) =>
      isAnswer(value) ? value.body.length * 2 : value.bytes,
    );
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
    const value = this.answers.get(stamp, key);
    return value !== undefined && isAnswer(value) ? value : undefined;
  }

  set(stamp: string, key: string, answer: Answer): void {
    this.answers.set(stamp, key, answer);
  }

  /** How a URL was sent for this Accept-Encoding on this version (api/replay.ts). */
  sent(stamp: string, url: string, acceptEncoding: string): SentAnswer | undefined {
    const value = this.answers.get(stamp, sentKey(url, acceptEncoding));
    return value !== undefined && !isAnswer(value) ? value : undefined;
  }

  keepSent(stamp: string, url: string, acceptEncoding: string, sent: SentAnswer): void {
    this.answers.set(stamp, sentKey(url, acceptEncoding), sent);
  }

  /** How many entries are kept (an answer kept under two keys counts twice; how a URL was sent counts one). */
  get count(): number {
    return this.answers.count;
  }
}

const sentKey = (url: string, acceptEncoding: string) => `SENT ${acceptEncoding}\n${url}`;
const isAnswer = (value: Answer | SentAnswer): value is Answer => 'contentType' in value;
