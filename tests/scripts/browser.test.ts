import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/browser.js';

// The browser the tests use is found once per run in vitest.config.ts (and printed); these are the answers a
// developer gets when CHROMIUM_PATH names something that cannot be used: one line, with the fix.
describe('findBrowser', () => {
  it('takes CHROMIUM_PATH at its word: a path that is not an executable is named, not skipped over', async () => {
    const found = await findBrowser({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(found).toEqual({ missing: 'CHROMIUM_PATH=/nonexistent/chromium is not an executable file' });
  });

  it('checks that the program runs a browser, and says how to fix it when it does not', async () => {
    const found = await findBrowser({ CHROMIUM_PATH: '/bin/true' });
    expect('missing' in found && found.missing).toMatch(
      /^CHROMIUM_PATH: .+\. Fix: npm install \(brings @sparticuz\/chromium on Linux x64\), or apt-get install -y chromium, or set CHROMIUM_PATH$/,
    );
    expect('missing' in found && found.missing).not.toContain('\n');
  });
});
