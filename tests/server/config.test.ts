import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });

describe('ADMIN_TOKEN', () => {
  it.each([
    ['repeated characters', 'aaaaaaaaaaaaaaaaaaaaaaaa', /Repeated characters/],
    ['a sequence', 'abcdefghijklmnopqrstuvwxyz', /sequences/],
    ['a common password, doubled', 'passwordpassword123', /too easy to guess/],
    ['dictionary words', 'sunshinebutterflyrainbow', /too easy to guess: about 10\^\d+ guesses/],
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

  it('takes a random token', () => {
    expect(loadConfig({ NODE_ENV: 'test', ADMIN_TOKEN: '3f9a1c27b8e54d06a2f1c0de' }).adminToken).toBe(
      '3f9a1c27b8e54d06a2f1c0de',
    );
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
