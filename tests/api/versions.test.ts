// Permalinks as published (issue 28): a URL naming a data version answers that version's figures after new data
// arrives and after a restart, from a read-only copy SQLite made before the import replaced it.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/open.js';
import { keptVersionPath, pruneVersions } from '../../server/db/versions.js';
import { DATA_DIR } from '../helpers/db.js';
import { expectErrorShape } from './helpers.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
afterEach(() => t.cleanup());

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pinned to the current version: fresh a minute at most (less just before midnight), then revalidated. */
const A_MINUTE = /^public, max-age=([1-9]|[1-5]\d|60)$/;
const SUMMARY = '/api/v1/summary?network=hubs&as_at=2025-10-01';
const NOTE = /^Data as of \d{1,2} \w+ \d{4} \(import \d+\)\. Newer data: \d{1,2} \w+ \d{4}$/;

/** The shipped hub list as at 2025-10-01, without its first `fewer` London hubs: that many members fewer. */
function smallerHubList(fewer = 1): string {
  const lines = readFileSync(join(DATA_DIR, 'hubs/teaching_school_hubs_2025-09-30.csv'), 'utf8').split('\n');
  const london = lines
    .map((line, i) => (i > 0 && /London|Camden|Hackney|Westminster/.test(line) ? i : -1))
    .filter((i) => i > 0)
    .slice(0, fewer);
  return lines.filter((_, i) => !london.includes(i)).join('\n');
}

const currentV = async (app: WritableApp['app']) =>
  (await request(app).get('/api/v1/version').expect(200)).body.v as string;

describe('a URL pinned to a data version', () => {
  it('answers its own figures after an import and after a restart; a v not kept is a 404', async () => {
    t = shippedCopyApp();
    const old = await currentV(t.app);
    const pinned = `${SUMMARY}&v=${old}`;
    // Pinned to the current version: no provenance yet, so kept briefly and revalidated, never for a year.
    const before = await request(t.app).get(pinned).expect(200);
    expect(before.headers['cache-control']).toMatch(A_MINUTE);
    expect(before.headers['x-data-version']).toBe(old);
    expect(before.headers['x-data-note']).toBeUndefined();
    expect(before.body.provenance).toBeUndefined();
    await request(t.app).get(pinned).set('If-None-Match', before.headers.etag!).expect(304);

    const upload = (dryRun: boolean, fewer = 1) =>
      request(t.app)
        .post(`/api/v1/imports?kind=hubs&as_at=2025-10-01&dry_run=${dryRun}`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'text/csv')
        .send(smallerHubList(fewer))
        .expect(dryRun ? 200 : 201);
    // A dry run replaces nothing, so keeps nothing.
    await upload(true);
    expect(existsSync(keptVersionPath(t.path, old))).toBe(false);
    await upload(false);
    const current = await currentV(t.app);
    expect(current).not.toBe(old);
    const now = await request(t.app).get(SUMMARY).expect(200);
    expect(now.body.members).toBe(before.body.members - 1);

    // The pinned URL: the same figures, now immutable, and its provenance naming the version that replaced it
    // (not the latest, which moves) and the same question without v. The answer kept while it was current had
    // none: a client revalidating that copy gets the noted one.
    const after = await request(t.app).get(pinned).set('If-None-Match', before.headers.etag!).expect(200);
    const { provenance, ...figures } = after.body;
    expect(figures).toEqual(before.body);
    expect(provenance).toEqual({
      v: old,
      note: expect.stringMatching(NOTE),
      newer_data: { v: current, import_id: Number(current.split('.')[0]), date: expect.any(String) },
      latest_url: SUMMARY,
    });
    expect(current).toContain(provenance.newer_data.date.replace(/-/g, ''));
    expect(after.headers['cache-control']).toBe(IMMUTABLE);
    expect(after.headers['x-data-version']).toBe(old);
    expect(after.headers['x-data-note']).toBe(provenance.note);
    expect(after.headers.link).toBe(`<${SUMMARY}>; rel="latest-version"`);
    // As a CSV too (its headers say it), and a 304 for the client that has it.
    const csv = await request(t.app).get(`${pinned}&format=csv`).expect(200);
    expect(csv.text).toContain(String(before.body.members));
    expect(csv.headers['x-data-note']).toBe(provenance.note);
    await request(t.app).get(pinned).set('If-None-Match', after.headers.etag!).expect(304);

    // Another import: the old answer's bytes do not change (it names the version after it, a fact for ever); the
    // one pinned to the version just replaced now names the newest.
    await upload(false, 2);
    const newest = await currentV(t.app);
    expect((await request(t.app).get(pinned).expect(200)).text).toBe(after.text);
    const middle = await request(t.app).get(`${SUMMARY}&v=${current}`).expect(200);
    expect(middle.body.members).toBe(before.body.members - 1);
    expect(middle.body.provenance.newer_data.v).toBe(newest);

    // Listed, with what changed and the disk each uses.
    const versions = (await request(t.app).get('/api/v1/versions').expect(200)).body;
    expect(versions.rows.map((r: { v: string; current: boolean }) => [r.v, r.current])).toEqual([
      [old, false],
      [current, false],
      [newest, true],
    ]);
    expect(versions.rows[0].bytes).toBeGreaterThan(1_000_000);
    expect(versions.rows[2].what_changed).toContain('hubs');

    // The copy was made by SQLite (a database on its own, intact), and is the old data.
    const copy = new Database(keptVersionPath(t.path, old), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();

    // Another server on the same file (a restart): the same answer.
    t.db.close();
    const db = openDatabase(t.path);
    try {
      const config = loadConfig({ NODE_ENV: 'test', DB_PATH: t.path, ADMIN_TOKEN: TOKEN });
      const restarted = createApp({ db, config, log: () => undefined });
      const again = await request(restarted).get(pinned).expect(200);
      expect(again.text).toBe(after.text);
      expect(again.headers['cache-control']).toBe(IMMUTABLE);
      expect(again.headers['x-data-note']).toBe(provenance.note);

      const unknown = await request(restarted).get(`${SUMMARY}&v=99.20991231000000`).expect(404);
      expectErrorShape(unknown.body, 404);
      expect(unknown.body.error.message).toContain('/api/v1/versions');

      // Pruned, by the admin command's function, it is gone: a 404.
      expect(pruneVersions(db, '2999-01-01').map((kept) => kept.v)).toEqual([old, current]);
      await request(restarted).get(`${SUMMARY}&region=London&v=${old}`).expect(404);
    } finally {
      db.close();
    }
  });
});
