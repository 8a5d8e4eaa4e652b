import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../helpers/db.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
afterEach(() => t.cleanup());

const SUMMARY = '/api/v1/summary?network=hubs&region=London';
const withoutPerRequest = (headers: Record<string, unknown>) => {
  const { date: _d, 'x-request-id': _id, ...rest } = headers;
  return rest;
};

describe('a read asked again', () => {
  it('is answered from the cache as it was, under its own request id', async () => {
    t = shippedCopyApp();
    const first = await request(t.app).get(SUMMARY).set('X-Request-Id', 'first').expect(200);
    // Kept once, under the data version and the question as parsed.
    expect(t.answers.size).toBe(1);
    const again = await request(t.app).get(SUMMARY).set('X-Request-Id', 'again').expect(200);
    expect(t.answers.size).toBe(1);
    expect(again.text).toBe(first.text);
    expect(withoutPerRequest(again.headers)).toEqual(withoutPerRequest(first.headers));
    expect(again.headers['content-security-policy']).toContain("script-src 'self'");
    expect(again.headers['x-request-id']).toBe('again');
    expect(t.requestLog.map((line) => JSON.parse(line).req.id)).toEqual(['first', 'again']);
  });

  it('is made once for URLs that ask the same question (a radius rounded to 0.5 km)', async () => {
    t = shippedCopyApp();
    const exact = await request(t.app).get('/api/v1/coverage?radius_km=15').expect(200);
    expect(t.answers.size).toBe(1);
    const near = await request(t.app).get('/api/v1/coverage?radius_km=15.1').expect(200);
    // Only its URL is new: the answer is the one made for 15 km.
    expect(t.answers.size).toBe(1);
    expect(near.text).toBe(exact.text);
  });

  it('answers 304 when the client has it, and gzip only to a client that takes it', async () => {
    t = shippedCopyApp();
    const first = await request(t.app).get(SUMMARY).expect(200);
    await request(t.app)
      .get(SUMMARY)
      .set('If-None-Match', first.headers.etag as string)
      .expect(304);
    // A HEAD is answered from the same answer, without its body.
    const head = await request(t.app).head(SUMMARY).expect(200);
    expect(head.headers.etag).toBe(first.headers.etag);
    expect(head.text).toBeUndefined();
    const plain = await request(t.app).get(SUMMARY).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(first.text);
  });
});

describe('an upload that commits', () => {
  it('is seen by the next read, whose answer is made then on the new data', async () => {
    t = shippedCopyApp();
    const old = await request(t.app).get(SUMMARY).expect(200);
    // A new list as at a later date, without its first London hub.
    const lines = readFileSync(join(DATA_DIR, 'hubs/teaching_school_hubs_2025-09-30.csv'), 'utf8').split(
      '\n',
    );
    const london = lines.findIndex((line, i) => i > 0 && /London|Camden|Hackney|Westminster/.test(line));
    const smaller = lines.filter((_, i) => i !== london).join('\n');
    await request(t.app)
      .post('/api/v1/imports?kind=hubs&as_at=2026-10-01')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'text/csv')
      .send(smaller)
      .expect(201);
    const now = await request(t.app).get(SUMMARY).expect(200);
    expect(now.headers.etag).not.toBe(old.headers.etag);
    expect(now.body.members).toBe(old.body.members - 1);
  });
});
