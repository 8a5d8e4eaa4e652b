// Uploads a hostile client might send that earlier rounds did not: on a real server, in the one error shape.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../server/api/http-server.js';
import { listening } from '../helpers/raw-http.js';
import { expectErrorShape } from './helpers.js';
import { TOKEN, registryTables, shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
let server: { port: number; close: () => Promise<void> };
afterEach(async () => {
  await server.close();
  t.cleanup();
});

async function start() {
  t = shippedCopyApp();
  server = await listening(createHttpServer(t.app, t.config));
  return `http://127.0.0.1:${server.port}`;
}

const HUBS = 'tsh_area,name,website,areas\nEE1,Hub One,www.a.example/,Braintree\n';
const IMPORT = '/api/v1/imports?kind=hubs&as_at=2026-01-01&confirm=removes-most';
const post = (base: string, body: Uint8Array, headers: Record<string, string>) =>
  fetch(`${base}${IMPORT}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv', ...headers },
    body: new Uint8Array(body),
  });

describe('a compressed upload', () => {
  // Read as it came, a gzipped CSV was rejected as a file mixing two encodings (0x8B is not UTF-8).
  it.each(['gzip', 'x-anything'])('(%s) is refused with 415, saying so', async (coding) => {
    const base = await start();
    const before = registryTables(t.db);
    const res = await post(base, gzipSync(HUBS), { 'Content-Encoding': coding });
    expect(res.status).toBe(415);
    expect(res.headers.get('accept-encoding')).toBe('identity');
    const body = await res.json();
    expectErrorShape(body, 415);
    expect(body.error.message).toBe(
      `the upload is compressed (Content-Encoding: ${coding}): send the file uncompressed`,
    );
    expect(registryTables(t.db)).toEqual(before);
  });

  it('is taken when it says identity', async () => {
    const base = await start();
    const res = await post(base, Buffer.from(HUBS), { 'Content-Encoding': 'identity' });
    expect(res.status).toBe(201);
  });
});

describe('a multipart form whose file part is not quite a file', () => {
  const B = 'hostile-boundary';
  const form = (disposition: string) =>
    Buffer.from(
      `--${B}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: text/csv\r\n\r\n${HUBS}\r\n--${B}--\r\n`,
    );
  const send = (base: string, body: Buffer) =>
    post(base, body, { 'Content-Type': `multipart/form-data; boundary=${B}` });

  it.each([
    // What curl -F 'file=<list.csv' sends: refused as 'no file in the form'.
    [
      'name="file"',
      "the form field 'file' holds text, not a file: send it as a file, with a filename (curl -F file=@list.csv)",
    ],
    // Refused as "... not 'undefined'".
    [
      'name=""; filename="list.csv"',
      "the file must be sent in the form field 'file', not a field with no name",
    ],
  ])('(%s) is a 400 saying what it is', async (disposition, message) => {
    const base = await start();
    const res = await send(base, form(disposition));
    expect(res.status).toBe(400);
    const body = await res.json();
    expectErrorShape(body, 400);
    expect(body.error.message).toBe(message);
  });

  // busboy cuts a field to 1 KB: 'removes-most' and 1,100 spaces and ',bogus' was judged as 'removes-most'.
  it('with a text field longer than 1 KB is a 400 saying so, not judged on what is left', async () => {
    const base = await start();
    const confirm = `removes-most${' '.repeat(1100)},bogus`;
    const body = Buffer.concat([
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="confirm"\r\n\r\n${confirm}\r\n`),
      form('name="file"; filename="list.csv"'),
    ]);
    const res = await fetch(`${base}/api/v1/imports?kind=hubs&as_at=2026-01-01`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': `multipart/form-data; boundary=${B}` },
      body: new Uint8Array(body),
    });
    expect(res.status).toBe(400);
    const answer = await res.json();
    expectErrorShape(answer, 400);
    expect(answer.error.message).toBe("form field 'confirm' is longer than 1024 bytes");
  });

  it('is taken as a file with its filename', async () => {
    const base = await start();
    expect((await send(base, form('name="file"; filename="list.csv"'))).status).toBe(201);
  });
});

describe('an as-at date no list can have', () => {
  // A hubs list as at 0001-01-01 was taken, and became the list in force on every earlier date asked.
  it.each([
    ['0001-01-01', 'as_at 0001-01-01 is before 2000, before any of these lists: is the date a mistake?'],
    ['1999-12-31', 'as_at 1999-12-31 is before 2000, before any of these lists: is the date a mistake?'],
  ])('(%s) is refused before reading, and nothing is written', async (asAt, message) => {
    const base = await start();
    const before = registryTables(t.db);
    const res = await fetch(`${base}/api/v1/imports?kind=hubs&as_at=${asAt}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv' },
      body: HUBS,
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expectErrorShape(body, 422);
    expect(body.error.details.map((d: { message: string }) => d.message)).toEqual([message]);
    expect(registryTables(t.db)).toEqual(before);
  });
});
