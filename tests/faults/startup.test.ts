import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';

// npm start over a damaged or foreign database file: a clear message, exit 1, and the file left exactly as it was.

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(dbPath: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/start.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DB_PATH: dbPath, PORT: '0', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function expectRefused(path: string, message: RegExp) {
  const before = readFileSync(path);
  const result = start(path);
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('start-up over a bad database file', () => {
  it('refuses a file that is not SQLite', () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-fault-'));
    const path = join(dir, 'registry.sqlite');
    writeFileSync(path, 'urn,name\n1,not a database\n'.repeat(200));
    expectRefused(path, /is not a SQLite database/);
  });

  it('refuses a registry database cut short', () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-fault-'));
    const path = join(dir, 'registry.sqlite');
    copyFileSync(inject('shippedDb'), path);
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expectRefused(path, /damaged|malformed|unusable/);
  });

  it('refuses a SQLite database that belongs to something else', () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-fault-'));
    const path = join(dir, 'registry.sqlite');
    const made = spawnSync(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path)});d.exec('CREATE TABLE t(x)');d.close()`,
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    expectRefused(path, /not a registry database/);
  });
});
