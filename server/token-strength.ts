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

let loaded: { estimator: ZxcvbnFactory; words: Set<string> } | undefined;

// Words an operator of this registry reaches for, beyond the English lists.
const PROJECT_WORDS = [
  'tsh',
  'dfe',
  'gias',
  'admin',
  'token',
  'registry',
  'teaching',
  'school',
  'hub',
  'hubs',
];
// Lists of real words only: the name lists hold so many short oddities ('ahn', 'ebb') that random letters would
// read as names.
const WORD_LISTS = ['commonWords-en', 'wikipedia-en', 'diceware-common'];

function load(): { estimator: ZxcvbnFactory; words: Set<string> } {
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  const dictionary = { ...common.dictionary, ...english.dictionary };
  const all: Record<string, unknown> = dictionary;
  const words = new Set(PROJECT_WORDS);
  for (const list of WORD_LISTS) for (const word of all[list] as string[]) words.add(word.toLowerCase());
  const estimator = new core.ZxcvbnFactory({
    dictionary,
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return { estimator, words };
}

/**
 * Whether letters split into words in the word lists, each of four or more letters or one of this project's:
 * three-letter words are so many that random letters split into them.
 */
function splitsIntoWords(letters: string, known: Set<string>): boolean {
  // ends[i]: letters.slice(0, i) splits into words.
  const ends = [true];
  for (let i = 1; i <= letters.length; i++) {
    ends[i] = false;
    for (let j = Math.max(0, i - 20); j <= i - 3 && !ends[i]; j++) {
      const word = letters.slice(j, i);
      ends[i] = ends[j] === true && (word.length >= 4 ? known.has(word) : PROJECT_WORDS.includes(word));
    }
  }
  return ends[letters.length] === true;
}

/**
 * A passphrase: words and short numbers, with or without separators or capitals ('correcthorsebatterystaple',
 * 'Teaching-School-Registry-2026'). zxcvbn rates both above 10^12 guesses, as it must rate four words drawn at
 * random; but an operator's words are not drawn at random, and attackers' lists hold such phrases first. A random
 * token has runs of one or two letters between its digits, or letters that make no words: of 100,000 random
 * tokens of 16 characters (hex, lower case, base64url) none is taken for a passphrase.
 */
export function isPassphrase(token: string): boolean {
  loaded ??= load();
  const known = loaded.words;
  // Mostly letters: hex with words of its six letters between numbers ('2669dae58fee9000') is random.
  const letters = token.replace(/[^A-Za-z]/g, '').length;
  if (letters < (2 / 3) * token.replace(/[^A-Za-z0-9]/g, '').length) return false;
  const parts = token.split(
    /[^A-Za-z0-9]+|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])|(?<=[a-z])(?=[A-Z])/,
  );
  return parts.every(
    (part) =>
      part === '' ||
      /^[0-9]{1,4}$/.test(part) ||
      (/^[A-Za-z]+$/.test(part) && splitsIntoWords(part.toLowerCase(), known)),
  );
}

/** Why the token is too easy to guess (never quoting it), or null when it is strong enough. */
export function tokenWeakness(token: string): string | null {
  loaded ??= load();
  const result = loaded.estimator.check(token);
  if (result.guessesLog10 < MIN_GUESSES_LOG10) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
    return `too easy to guess: about 10^${Math.floor(result.guessesLog10)} guesses${hint}`;
  }
  if (isPassphrase(token)) {
    return 'too easy to guess: made only of dictionary words and short numbers';
  }
  return null;
}
