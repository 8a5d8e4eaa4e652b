import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// A token is only as good as the guesses it takes: zxcvbn-ts estimates them from repeats, sequences, keyboard
// patterns, common passwords and English words, which a length rule alone cannot see ('aaaaaaaaaaaaaaaa' is long).
// 10^12 guesses is far beyond an online attack at the write-failure budget, and any random token of 16 or more
// characters (openssl rand -hex 32) clears it.
export const MIN_GUESSES_LOG10 = 12;

let estimator: ZxcvbnFactory | undefined;

/** Why the token is too easy to guess (never quoting it), or null when it is strong enough. */
export function tokenWeakness(token: string): string | null {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const result = estimator.check(token);
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
  return `too easy to guess: about 10^${Math.floor(result.guessesLog10)} guesses${hint}`;
}
