import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShared } from '../../server/threads.js';

const dir = mkdtempSync(join(tmpdir(), 'read-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readShared', () => {
  it('reads a file whole, in memory threads share, past the size it starts with', () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, 'urn,la_code\n'.repeat(20_000));
    const bytes = readShared(path);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes).equals(readFileSync(path))).toBe(true);
  });

  it('reads a file whose size says 0 (/proc) to its end', () => {
    expect(Buffer.from(readShared('/proc/version')).toString()).toBe(readFileSync('/proc/version', 'utf8'));
  });

  it('reads a pipe to its end (--file <(gunzip -c x.gz))', () => {
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The writer makes its own bytes: readShared blocks this thread, so nothing here could feed it.
    spawn('sh', ['-c', `yes 'urn,la_code' | head -n 20000 > '${fifo}'`], { stdio: 'ignore' });
    const text = 'urn,la_code\n'.repeat(20_000);
    expect(Buffer.from(readShared(fifo)).toString()).toBe(text);
  });
});
