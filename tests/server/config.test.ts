import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });

describe('ADMIN_TOKEN', () => {
  it.each([
    ['repeated characters', 'aaaaaaaaaaaaaaaaaaaaaaaa', /Repeated characters/],
    ['a sequence', 'abcdefghijklmnopqrstuvwxyz', /sequences/],
    ['a common password, doubled', 'passwordpassword123', /too easy to guess/],
    ['dictionary words', 'sunshinebutterflyrainbow', /too easy to guess: about 10\^\d+ guesses/],
    ['a famous passphrase', 'correcthorsebatterystaple', /made only of dictionary words/],
    ['words of this registry and a year', 'Teaching-School-Registry-2026', /made only of dictionary words/],
    ['capitalised words and a digit', 'CorrectHorseBatteryStaple1', /made only of dictionary words/],
  ])('refuses %s at start-up, naming the variable and never the token', (_what, token, why) => {
    expect(load({ ADMIN_TOKEN: token })).toThrow(ConfigError);
    let message = '';
    try {
      load({ ADMIN_TOKEN: token })();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^ADMIN_TOKEN: /);
    expect(message).toMatch(why);
    expect(message).toContain('openssl rand -hex 32');
    expect(message).not.toContain(token);
  });

  // Drawn once from crypto.randomBytes / randomInt, 16 characters each.
  it.each([
    '3f9a1c27b8e54d06a2f1c0de',
    'c41d7e0b9a58f236',
    'q7Wm2xR9kLp4Tz8c',
    'vj8bQvmPiEXLAbBY',
    'Xk9#mQ2!vR7$pL4z',
  ])('takes the random token %s', (token) => {
    expect(loadConfig({ NODE_ENV: 'test', ADMIN_TOKEN: token }).adminToken).toBe(token);
  });

  it('still refuses a short one by its length', () => {
    expect(load({ ADMIN_TOKEN: 'x7Q2' })).toThrow('ADMIN_TOKEN: must be at least 16 characters');
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.1, 192.168.0.0/16, ::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
  ])('reads %j as %j', (raw, expected) => {
    expect(
      loadConfig({ NODE_ENV: 'test', ...(raw === undefined ? {} : { TRUST_PROXY: raw }) }).trustProxy,
    ).toEqual(expected);
  });

  it.each(['true', 'everyone', '10.0.0.1; rm -rf'])('refuses %j, naming it', (raw) => {
    expect(load({ TRUST_PROXY: raw })).toThrow(`TRUST_PROXY: '${raw}' is not a number of proxies`);
  });
});
