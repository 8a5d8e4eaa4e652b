import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { writeGiasFile } from '../../scripts/bench/gias-generator.js';
import { PROJECT_ROOT } from '../../server/config.js';
import { databaseInfo } from '../../server/db/queries/info.js';
import { openDatabase } from '../../server/db/open.js';

const dir = mkdtempSync(join(tmpdir(), 'registry-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an import killed with SIGKILL half-way', () => {
  it('leaves a database that passes integrity_check with exactly the previous data', async () => {
    const dbPath = join(dir, 'registry.sqlite');
    const csvPath = join(dir, 'gias-200k.csv');
    copyFileSync(inject('shippedDb'), dbPath);
    writeGiasFile(csvPath, 200_000, 7);
    const db = openDatabase(dbPath, { readonly: true });
    const before = databaseInfo(db);
    db.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'tests/faults/import-child.ts'), dbPath, csvPath],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('WRITING')) resolve();
        if (out.includes('DONE')) reject(new Error(`the import finished before it could be killed: ${out}`));
      });
      child.on('exit', () => reject(new Error(`the child ended early: ${out}${err}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const after = openDatabase(dbPath);
    expect(after.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(databaseInfo(after)).toEqual(before);
    after.close();
  }, 120_000);
});
