import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../helpers/db.js';
import { openDatabase } from '../../server/db/open.js';
import { dataVersion, versionToken } from '../../server/db/queries/data-version.js';
import { keptVersionPath } from '../../server/db/versions.js';
import { importReportSchema } from '../../server/contract/import-report.js';
import { expectErrorShape } from './helpers.js';
import { TOKEN, registryTables, shippedCopyApp, type WritableApp } from './write-helpers.js';

const HUBS = readFileSync(join(DATA_DIR, 'hubs/teaching_school_hubs_2025-09-30.csv'));
const GIAS = readFileSync(join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv'), 'utf8');
const auth = { Authorization: `Bearer ${TOKEN}` };

let t: WritableApp;
afterEach(() => t.cleanup());

const upload = (app: WritableApp['app'], fields: Record<string, string>, file = HUBS, name = 'hubs.csv') => {
  let req = request(app).post('/api/v1/imports').set(auth);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file, name);
};

describe('POST /api/v1/imports: who may write', () => {
  it('is off (403) when the server has no ADMIN_TOKEN, whatever the caller sends', async () => {
    t = shippedCopyApp({ ADMIN_TOKEN: undefined });
    const before = registryTables(t.db);
    const res = await upload(t.app, { kind: 'hubs', as_at: '2021-09-01' }).expect(403);
    expectErrorShape(res.body, 403);
    expect(res.body.error.message).toContain('ADMIN_TOKEN is not set');
    expect(registryTables(t.db)).toEqual(before);
  });

  it('answers 401 with a Bearer challenge without a token, 403 with a wrong one, and writes nothing', async () => {
    t = shippedCopyApp();
    const before = registryTables(t.db);
    const none = await request(t.app)
      .post('/api/v1/imports')
      .field('kind', 'hubs')
      .attach('file', HUBS, 'hubs.csv')
      .expect(401);
    expectErrorShape(none.body, 401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await request(t.app)
        .post('/api/v1/imports')
        .set('Authorization', header)
        .field('kind', 'hubs')
        .attach('file', HUBS, 'hubs.csv');
      expect([401, 403], header).toContain(res.status);
      expectErrorShape(res.body, res.status);
      expect(JSON.stringify(res.body)).not.toContain(TOKEN.slice(0, 10));
    }
    expect(registryTables(t.db)).toEqual(before);
  });

  it('commits with the right token (201), keeps the report, and readers see the new data', async () => {
    t = shippedCopyApp();
    const trimmed = HUBS.toString('utf8').split('\n').slice(0, 41).join('\n');
    const res = await upload(
      t.app,
      { kind: 'hubs', as_at: '2026-01-01', confirm: 'removes-most' },
      Buffer.from(trimmed),
    ).expect(201);
    expect(res.body.report).toMatchObject({
      status: 'committed',
      kind: 'hubs',
      network: 'hubs',
      rows_read: 40,
    });
    expect(res.body.report.changes.left.length).toBeGreaterThan(0);
    expect(res.headers.location).toBe(`/api/v1/imports/${res.body.id}`);
    const kept = await request(t.app).get(res.headers.location!).expect(200);
    expect(kept.body.report).toEqual(res.body.report);
    const networks = await request(t.app).get('/api/v1/networks').expect(200);
    const hubs = networks.body.rows.find((n: { id: string }) => n.id === 'hubs');
    expect(hubs.latest).toMatchObject({ as_at: '2026-01-01', members: 40 });
    // The same file again changes nothing.
    const again = await upload(
      t.app,
      { kind: 'hubs', as_at: '2026-01-01', confirm: 'removes-most' },
      Buffer.from(trimmed),
    ).expect(200);
    expect(again.body.report.status).toBe('unchanged');
  });

  it('takes a text/csv body with the fields in the query', async () => {
    t = shippedCopyApp();
    const res = await request(t.app)
      .post('/api/v1/imports?kind=hubs&as_at=2022-09-01&dry_run=true')
      .set(auth)
      .set('Content-Type', 'text/csv')
      .send(HUBS.toString('utf8'))
      .expect(200);
    expect(res.body.report).toMatchObject({ status: 'dry-run', rows_read: 87, file_name: 'upload.csv' });
  });

  it('uses the client file name as a label only', async () => {
    t = shippedCopyApp();
    const res = await upload(
      t.app,
      { kind: 'hubs', as_at: '2021-09-01', dry_run: 'true' },
      HUBS,
      '../../etc/passwd',
    ).expect(200);
    expect(res.body.report.file_name).toBe('passwd');
  });
});

describe('POST /api/v1/imports: what it writes', () => {
  it('a dry run returns the report with the changes and their preview, writes nothing, and keeps it', async () => {
    t = shippedCopyApp();
    const before = registryTables(t.db);
    const trimmed = HUBS.toString('utf8').split('\n').slice(0, 61).join('\n');
    const res = await upload(
      t.app,
      { kind: 'hubs', as_at: '2026-01-01', dry_run: 'true' },
      Buffer.from(trimmed),
    ).expect(200);
    expect(res.body.report).toMatchObject({
      status: 'dry-run',
      rows_read: 60,
      rows_valid: 60,
      import_id: null,
    });
    expect(res.body.report.changes.compared_with).toBe('2025-09-30');
    expect(res.body.report.changes.left).toHaveLength(27);
    const report = importReportSchema.parse(res.body.report);
    expect(Object.keys(res.body.report).sort()).toEqual(Object.keys(importReportSchema.shape).sort());
    const preview = report.preview!;
    expect(preview).toMatchObject({
      network: 'hubs',
      as_at: '2026-01-01',
      compared_with: '2025-09-30',
      next_list: null,
      members: { from: 87, to: 60 },
      joiners: [],
      group_moves: [],
    });
    // The leavers are the keys the importer counted, now with their names and areas.
    expect(preview.leavers.map((m) => m.member_key).sort()).toEqual([...report.changes!.left].sort());
    // A hub has no home area; it serves several.
    expect(preview.leavers.every((m) => m.name !== '' && m.serves.length > 0)).toBe(true);
    // 27 hubs fewer: areas only they served lose coverage; no area gains any.
    const lost = preview.area_changes.filter((a) => a.coverage === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((a) => a.to_members === 0 && a.from_members > 0)).toBe(true);
    expect(preview.area_changes.every((a) => a.change < 0 && a.coverage !== 'gained')).toBe(true);
    expect(preview.council_areas_covered.to).toBe(preview.council_areas_covered.from - lost.length);
    expect(registryTables(t.db)).toEqual(before);
    const kept = await request(t.app).get(`/api/v1/imports/${res.body.id}`).expect(200);
    expect(kept.body.report.status).toBe('dry-run');
    expect(kept.body.report.preview).toEqual(res.body.report.preview);
  });

  it('gives a preview of null for a kind that is not a network list', async () => {
    t = shippedCopyApp();
    const MILESTONES = join(DATA_DIR, 'milestones/programme_milestones_2011-2021.csv');
    // The first ten rows: a file not imported yet (the whole file would be 'unchanged').
    const milestones = Buffer.from(readFileSync(MILESTONES, 'utf8').split('\n').slice(0, 11).join('\n'));
    const res = await upload(t.app, { kind: 'milestones', dry_run: 'true' }, milestones, 'm.csv').expect(200);
    expect(res.body.report).toMatchObject({ status: 'dry-run', preview: null });
  });

  it('a bad file commits nothing and reports every bad value with its row and column (422)', async () => {
    t = shippedCopyApp();
    const before = registryTables(t.db);
    const lines = GIAS.split('\n');
    lines[2] = lines[2]!.replace(/^20002,909,/, '20002,99x,');
    lines[5] = lines[5]!.replace(/^(\d+),/, 'notaurn,');
    lines[9] = lines[9]!.replace(/,[-\d.]+,([-\d.]+)\r?$/, ',95.5,$1');
    const res = await upload(
      t.app,
      { kind: 'establishments', as_at: '2019-01-01' },
      Buffer.from(lines.join('\n')),
    ).expect(422);
    expectErrorShape(res.body, 422);
    const rows = res.body.error.details.map((d: { row: number }) => d.row);
    expect(rows).toEqual(expect.arrayContaining([3, 6, 10]));
    expect(res.body.error.details).toContainEqual(
      expect.objectContaining({ row: 6, parameter: 'urn', value: 'notaurn' }),
    );
    expect(registryTables(t.db)).toEqual(before);
    const kept = await request(t.app).get(res.headers.location!).expect(200);
    expect(kept.body.report.status).toBe('rejected');
    expect(kept.body.report.error_count).toBe(res.body.error.details.length);
  });

  it('refuses fields it does not know, a network that is not the kind\u2019s, and a missing kind', async () => {
    t = shippedCopyApp();
    const cases: Record<string, string>[] = [
      { kind: 'hubs', colour: 'red' },
      { kind: 'hubs', network: 'nles' },
      { as_at: '2020-01-01' },
    ];
    for (const fields of cases) {
      const res = await upload(t.app, fields).expect(400);
      expectErrorShape(res.body, 400);
    }
    const wrongType = await request(t.app)
      .post('/api/v1/imports?kind=hubs')
      .set(auth)
      .set('Content-Type', 'application/xml')
      .send('<x/>')
      .expect(415);
    expectErrorShape(wrongType.body, 415);
  });
});

describe('POST /api/v1/imports: limits', () => {
  it('answers 413 in the error shape over UPLOAD_LIMIT_MB, as a form or a body', async () => {
    t = shippedCopyApp({ UPLOAD_LIMIT_MB: '0.005' });
    const before = registryTables(t.db);
    const big = Buffer.from(HUBS.toString('utf8').repeat(2));
    const form = await upload(t.app, { kind: 'hubs', as_at: '2021-09-01' }, big).expect(413);
    expectErrorShape(form.body, 413);
    const body = await request(t.app)
      .post('/api/v1/imports?kind=hubs&as_at=2021-09-01')
      .set(auth)
      .set('Content-Type', 'text/csv')
      .send(big.toString('utf8'))
      .expect(413);
    expectErrorShape(body.body, 413);
    expect(registryTables(t.db)).toEqual(before);
  });

  it('answers 409 to a second import while one is running, and takes imports again after it', async () => {
    t = shippedCopyApp();
    const server = t.app.listen(0);
    const port = (server.address() as AddressInfo).port;
    try {
      const boundary = 'xxBOUNDARYxx';
      const head =
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nhubs\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="as_at"\r\n\r\n2023-01-01\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hubs.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      // The first upload sends its headers and half its body, then waits: its import holds the lock meanwhile.
      const first = httpRequest({
        port,
        method: 'POST',
        path: '/api/v1/imports',
        headers: {
          ...auth,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          Expect: '100-continue',
        },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        first.on('response', (res: IncomingMessage) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        first.on('error', reject);
      });
      await new Promise<void>((resolve) => first.on('continue', resolve));
      first.write(head + HUBS.subarray(0, 4000).toString('latin1'), 'latin1');

      const second = await request(server)
        .post('/api/v1/imports')
        .set(auth)
        .field('kind', 'hubs')
        .field('as_at', '2023-01-01')
        .attach('file', HUBS, 'hubs.csv');
      expect(second.status).toBe(409);
      expectErrorShape(second.body, 409);

      first.end(HUBS.subarray(4000).toString('latin1') + tail, 'latin1');
      const done = await answered;
      expect(done.status).toBe(201);
      const third = await request(server)
        .post('/api/v1/imports')
        .set(auth)
        .field('kind', 'hubs')
        .field('as_at', '2023-01-01')
        .attach('file', HUBS, 'hubs.csv');
      expect(third.status).toBe(200);
      expect(third.body.report.status).toBe('unchanged');
    } finally {
      server.close();
    }
  });

  it('answers 409 when another process commits an import as this one begins, and writes nothing', async () => {
    t = shippedCopyApp();
    const before = registryTables(t.db);
    const kept = keptVersionPath(t.path, versionToken(dataVersion(t.db)));
    // Another process (a second server, or npm run import) holds the write lock as the upload arrives.
    const other = openDatabase(t.path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const answered = request(t.app)
        .post('/api/v1/imports')
        .set(auth)
        .field('kind', 'hubs')
        .field('as_at', '2023-01-01')
        .attach('file', HUBS, 'hubs.csv')
        .then((res) => res);
      // The upload keeps the version it would replace, then waits for the lock; the other commits meanwhile.
      await expect.poll(() => existsSync(kept), { timeout: 10_000 }).toBe(true);
      other
        .prepare(
          `INSERT INTO imports (kind, file_name, sha256, bytes, outcome, started_at, finished_at)
           VALUES ('milestones', 'other.csv', '00', 0, 'committed', '2026-12-07T00:00:00Z', '2026-12-07T00:00:01Z')`,
        )
        .run();
      other.exec('COMMIT');
      const res = await answered;
      expect(res.status).toBe(409);
      expectErrorShape(res.body, 409);
      expect(res.body.error.message).toMatch(/another import committed .*try again; nothing was imported/);
      const { imports, ...rest } = registryTables(t.db);
      const { imports: importsBefore, ...restBefore } = before;
      expect(rest).toEqual(restBefore);
      expect(imports).toHaveLength(importsBefore!.length + 1); // the other's alone
    } finally {
      other.close();
    }
  });

  it('limits write requests per address (429 in the error shape)', async () => {
    t = shippedCopyApp({ WRITE_RATE_LIMIT: '2' });
    await upload(t.app, { kind: 'hubs', as_at: '2021-09-01', dry_run: 'true' }).expect(200);
    await upload(t.app, { kind: 'hubs', as_at: '2021-09-01', dry_run: 'true' }).expect(200);
    const res = await upload(t.app, { kind: 'hubs', as_at: '2021-09-01', dry_run: 'true' }).expect(429);
    expectErrorShape(res.body, 429);
    // Reads are not limited.
    await request(t.app).get('/api/v1/networks').expect(200);
  });
});

describe('POST /api/v1/imports: a list that needs confirming', () => {
  it('says why in the dry run, refuses the commit without confirm, and takes it with confirm', async () => {
    t = shippedCopyApp();
    const one = HUBS.toString('utf8').split('\n').slice(0, 2).join('\n') + '\n';
    const fields = { kind: 'hubs', as_at: '2026-01-01' };
    const dry = await upload(t.app, { ...fields, dry_run: 'true' }, Buffer.from(one)).expect(200);
    expect(dry.body.report.confirmations).toEqual([
      {
        code: 'removes-most',
        message: 'this list removes 86 of the 87 members in the list of 2025-09-30 (99%) and keeps 1',
      },
    ]);
    const before = registryTables(t.db);
    const refused = await upload(t.app, fields, Buffer.from(one)).expect(422);
    expectErrorShape(refused.body, 422);
    expect(JSON.stringify(refused.body)).toContain('To import it anyway, confirm=removes-most');
    expect(registryTables(t.db)).toEqual(before);
    const bad = await upload(t.app, { ...fields, confirm: 'removes-all' }, Buffer.from(one)).expect(400);
    expect(bad.body.error.message).toBe("confirm: 'removes-all' is not one of removes-most, future-date");
    await upload(t.app, { ...fields, confirm: 'removes-most' }, Buffer.from(one)).expect(201);
  });
});

describe('POST /api/v1/imports: a file with very many bad values', () => {
  it('keeps and answers its first 1,000 errors with the total, and its report is cached like any answer', async () => {
    t = shippedCopyApp();
    const rows = Array.from({ length: 1500 }, (_, i) => `H${i},Hub ${i},,Nowhere-${i}`);
    const res = await upload(
      t.app,
      { kind: 'hubs', as_at: '2026-01-01' },
      Buffer.from(['tsh_area,name,website,areas', ...rows].join('\n')),
    ).expect(422);
    expect(res.body.error.details).toHaveLength(1000);
    const kept = await request(t.app).get(res.headers.location!).expect(200);
    expect(kept.body.report.error_count).toBe(1500);
    expect(kept.body.report.errors).toHaveLength(1000);
    expect(kept.body.report.errors[999].row).toBe(1001);
    expect(kept.headers.etag).toBeDefined();
    expect(kept.headers['cache-control']).toBe('no-store'); // kept by the server, never by a proxy
    const again = await request(t.app).get(res.headers.location!).set('If-None-Match', kept.headers.etag!);
    expect(again.status).toBe(304);
  });
});

describe('GET /api/v1/imports/:id', () => {
  it('is 404 for an unknown report and 400 for a malformed id, in the error shape', async () => {
    t = shippedCopyApp();
    expectErrorShape((await request(t.app).get('/api/v1/imports/12345').expect(404)).body, 404);
    expectErrorShape((await request(t.app).get('/api/v1/imports/..%2F..%2Fetc').expect(400)).body, 400);
  });
});
