import { describe, expect, it } from 'vitest';
import { isPassphrase } from '../../server/token-strength.js';

// A seeded generator (mulberry32): the same 20,000 tokens on every run.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = {
  hex: '0123456789abcdef',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
};

describe('isPassphrase', () => {
  it.each([
    'correcthorsebatterystaple',
    'Teaching-School-Registry-2026',
    'CorrectHorseBatteryStaple1',
    'registry_admin_2026',
    'tsh.hubs.england.2025',
  ])('%s is a passphrase', (token) => expect(isPassphrase(token)).toBe(true));

  it.each(Object.entries(ALPHABETS))(
    'no random token of 16 %s characters is taken for one',
    (_name, alphabet) => {
      const next = random(29);
      const taken: string[] = [];
      for (let i = 0; i < 5_000; i++) {
        let token = '';
        for (let k = 0; k < 16; k++) token += alphabet[Math.floor(next() * alphabet.length)];
        if (isPassphrase(token)) taken.push(token);
      }
      expect(taken).toEqual([]);
    },
  );
});
