// What a write costs a client that may not write, and what a stalled one costs the admin: on a real server, with
// raw sockets, because fetch and supertest send whole bodies and answer 100 Continue themselves.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../server/api/http-server.js';
import { listening, rawConnection } from '../helpers/raw-http.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
let server: { port: number; close: () => Promise<void> };
afterEach(async () => {
  await server.close();
  t.cleanup();
});

async function start(env: Record<string, string> = {}) {
  t = shippedCopyApp(env);
  server = await listening(createHttpServer(t.app, t.config));
  return server.port;
}

const head = (lines: string[]) =>
  `POST /api/v1/imports?kind=hubs&as_at=2023-01-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines.join('\r\n')}\r\n\r\n`;

describe('a write without the token', () => {
  it('is answered 401 and its connection closed, without reading the body it announced', async () => {
    const port = await start();
    const c = await rawConnection(port);
    c.socket.write(head(['Content-Type: text/csv', 'Content-Length: 100000000']));
    c.socket.write(Buffer.alloc(64 * 1024, 'a'));
    const answer = await c.until(/\r\n\r\n\{.*\}$/s);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    // Without the close, Node goes on reading the 100 MB announced, to use the connection again.
    await c.closed(3_000);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('is never told to send its body when it asks first (Expect: 100-continue)', async () => {
    const port = await start();
    const c = await rawConnection(port);
    c.socket.write(head(['Content-Type: text/csv', 'Content-Length: 1000', 'Expect: 100-continue']));
    const answer = await c.until(/\r\n\r\n/);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).not.toContain('100 Continue');
    await c.closed(3_000);
  });
});

describe('a write with the token', () => {
  it('is told to send its body when it asks first', async () => {
    const port = await start();
    const c = await rawConnection(port);
    c.socket.write(
      head([
        `Authorization: Bearer ${TOKEN}`,
        'Content-Type: text/csv',
        'Content-Length: 1000',
        'Expect: 100-continue',
      ]),
    );
    expect(await c.until(/\r\n\r\n/)).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);
    c.socket.destroy();
  });

  it('that stalls past UPLOAD_STALL_S gets a 408 and frees the import lock at once', async () => {
    const port = await start({ UPLOAD_STALL_S: '0.5' });
    const c = await rawConnection(port);
    const started = Date.now();
    c.socket.write(
      head([`Authorization: Bearer ${TOKEN}`, 'Content-Type: text/csv', 'Content-Length: 1000']) +
        'tsh_area,name',
    );
    const answer = await c.until(/\r\n\r\n\{.*\}$/s, 5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('UPLOAD_STALL_S');
    expect(Date.now() - started).toBeLessThan(3_000);
    await c.closed(3_000);
    // The lock is free: the next upload is read and judged (a bad file), not refused with 409.
    const next = await fetch(`http://127.0.0.1:${port}/api/v1/imports?kind=hubs&as_at=2023-01-01&dry_run=1`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv' },
      body: 'not,a,hubs,file\n',
    });
    expect(next.status).not.toBe(409);
    expect(next.status).toBeLessThan(500);
  });
});

describe('form fields named like properties of every object', () => {
  it.each(['__proto__', 'constructor', 'toString'])(
    '%s is an unknown field, not one given twice',
    async (name) => {
      t = shippedCopyApp();
      server = await listening(createHttpServer(t.app, t.config));
      const form = new FormData();
      form.set(name, 'x');
      form.set('kind', 'hubs');
      form.set('file', new Blob(['tsh_area,name,website,areas\n']), 'hubs.csv');
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/imports?as_at=2023-01-01&dry_run=1`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: form,
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).not.toMatch(/more than once/);
      expect(body.error.message).toContain(name);
    },
  );
});
