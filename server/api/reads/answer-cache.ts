import { LRUCache } from 'lru-cache';
import type { Answer } from '../../answers/make.js';

/**
 * The one cache of answers: keyed by the data version and the parsed question (answerKey), least recently used
 * first out once the answers take more than `maxBytes`. A body is counted three times: as text, as bytes and gzipped (each
 * made once, the first time it is sent so). Answers on an old version are never wrong, only unused: they age out.
 */
export type AnswerCache = LRUCache<string, Answer>;

export function answerCache(maxBytes = 64 * 1024 * 1024): AnswerCache {
  return new LRUCache<string, Answer>({
    maxSize: maxBytes,
    sizeCalculation: (answer, key) => answer.body.length * 3 + key.length,
  });
}
