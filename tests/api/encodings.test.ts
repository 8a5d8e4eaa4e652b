// Files an admin really has, through the upload: the answer says what is wrong with the file's encoding, or what
// reading it changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

const CSV = readFileSync(join(import.meta.dirname, '../fixtures/networks/teaching-schools-2014.csv'), 'utf8');
const URL_ = '/api/v1/imports?kind=teaching-schools&as_at=2018-04-01&confirm=removes-most';

let t: WritableApp;
afterEach(() => t.cleanup());

const send = (bytes: Buffer, query = '') =>
  request(t.app)
    .post(`${URL_}${query}`)
    .set('Authorization', `Bearer ${TOKEN}`)
    .set('Content-Type', 'text/csv')
    .send(bytes);

describe('uploads in odd encodings', () => {
  it('UTF-16 is refused (422) with what to do', async () => {
    t = shippedCopyApp();
    const res = await send(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')])).expect(
      422,
    );
    expectErrorShape(res.body, 422);
    expect(res.body.error.details[0].message).toContain('this file is UTF-16; save it as CSV UTF-8');
  });

  it('a name with a NUL or a bidirectional override is refused, naming the line and the column', async () => {
    t = shippedCopyApp();
    const lines = CSV.split('\n');
    lines[2] = lines[2]!.replace(/^([^,]*)/, '$1\u202e');
    const res = await send(Buffer.from(lines.join('\n'))).expect(422);
    expect(res.body.error.details[0].message).toMatch(
      /line 3, column '[^']+': a bidirectional control \(U\+202E\)/,
    );
  });

  it('C1 characters are read as Windows-1252 punctuation and the report says so', async () => {
    t = shippedCopyApp();
    const lines = CSV.split('\n');
    lines[1] = lines[1]!.replace(/^([^,]*)/, '$1\u0092s');
    const res = await send(Buffer.from(lines.join('\n')), '&dry_run=true').expect(200);
    expect(res.body.report.warnings).toEqual([
      expect.stringMatching(/^1 line held C1 control characters .*: line 2$/),
    ]);
  });
});
