import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpClient } from '../../server/api/setup/client.js';

// The dashboard's static files, served from a real folder shaped like dist/client.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function app() {
  const a = express();
  a.use(setUpClient(dir));
  a.use((_req, res) => res.status(404).json({ error: { status: 404 } }));
  return a;
}

describe('setUpClient', () => {
  it('serves index.html at / (with any query), revalidated on every load', async () => {
    const res = await request(app()).get('/?view=map&as_at=2018-03-12').expect(200);
    expect(res.text).toContain('<title>dashboard</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
    const again = await request(app())
      .get('/?view=map&as_at=2018-03-12')
      .set('If-None-Match', res.headers.etag!)
      .expect(304);
    expect(again.text).toBe('');
  });

  it('never lets the admin view be stored', async () => {
    const res = await request(app()).get('/?view=admin').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('caches the content-hashed assets for a year', async () => {
    const res = await request(app()).get('/assets/index-abc123.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls through to the 404 for anything else, including a missing build', async () => {
    await request(app()).get('/nope.js').expect(404);
    await request(app()).get('/../package.json').expect(404);
    const missing = express().use(setUpClient(join(dir, 'absent')));
    await request(missing).get('/').expect(404);
  });
});
