import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// The dictionaries take 70 ms to load and unpack: loaded when a token is first checked, not by every command
// that reads the config (npm run import never checks one).
const require = createRequire(import.meta.url);

// A token is only as good as the guesses it takes: zxcvbn-ts estimates them from repeats, sequences, keyboard
// patterns, common passwords and English words, which a length rule alone cannot see ('aaaaaaaaaaaaaaaa' is long).
// 10^12 guesses is far beyond an online attack at the write-failure budget, and any random token of 16 or more
// characters (openssl rand -hex 32) clears it.
export const MIN_GUESSES_LOG10 = 12;

let estimator: ZxcvbnFactory | undefined;

function newEstimator(): ZxcvbnFactory {
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  return new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
}

/** Why the token is too easy to guess (never quoting it), or null when it is strong enough. */
export function tokenWeakness(token: string): string | null {
  estimator ??= newEstimator();
  const result = estimator.check(token);
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
  return `too easy to guess: about 10^${Math.floor(result.guessesLog10)} guesses${hint}`;
}
