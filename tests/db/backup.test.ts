import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { backupDatabase } from '../../server/db/backup.js';
import { databaseInfo } from '../../server/db/queries/info.js';
import { openDatabase } from '../../server/db/open.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('backupDatabase', () => {
  it('copies the committed data while another connection is half-way through an import', async () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-backup-'));
    const path = join(dir, 'registry.sqlite');
    copyFileSync(inject('shippedDb'), path);
    const reader = openDatabase(path);
    const writer = openDatabase(path);
    const before = databaseInfo(reader);
    writer.exec('BEGIN IMMEDIATE; DELETE FROM snapshot_member_areas; DELETE FROM snapshot_members;');
    const result = await backupDatabase(reader, join(dir, 'backup.sqlite'));
    writer.exec('ROLLBACK');
    writer.close();
    reader.close();
    expect(result.integrity_check).toBe('ok');
    // One file: nothing of the partial copy beside it (it was left a -wal and a -shm), and no -wal of its own.
    expect(readdirSync(dir).filter((name) => !name.startsWith('registry.sqlite'))).toEqual(['backup.sqlite']);
    const copy = openDatabase(result.to, { readonly: true });
    const { imports: _a, ...copied } = databaseInfo(copy);
    const { imports: _b, ...expected } = before;
    expect(copied).toEqual(expected);
    copy.close();
  });

  it('never overwrites a file, nor the database itself', async () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-backup-'));
    const path = join(dir, 'registry.sqlite');
    copyFileSync(inject('shippedDb'), path);
    const db = openDatabase(path, { readonly: true });
    writeFileSync(join(dir, 'taken.sqlite'), 'keep me');
    await expect(backupDatabase(db, join(dir, 'taken.sqlite'))).rejects.toThrow(/already exists/);
    await expect(backupDatabase(db, path)).rejects.toThrow(/the database itself/);
    expect(existsSync(join(dir, 'taken.sqlite'))).toBe(true);
    db.close();
  });
});
