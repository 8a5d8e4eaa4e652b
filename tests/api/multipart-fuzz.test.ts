import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, shippedCopyApp, type WritableApp } from './writeHelpers.js';

// Hostile multipart bodies sent byte for byte over a socket, as a client that cuts off, lies about its boundary
// or sends odd part headers would: each must end in an answer in the error shape (or a closed connection when the
// client itself went away), and the server must go on answering.

let t: WritableApp;
let server: Server;
let port: number;

beforeAll(async () => {
  t = shippedCopyApp({ WRITE_RATE_LIMIT: '100000' });
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.cleanup();
});

const BOUNDARY = 'XyZ123boundary';

function part(headers: string, body: string): string {
  return `--${BOUNDARY}\r\n${headers}\r\n\r\n${body}\r\n`;
}

const FILE = 'tsh_area,name,website,areas\nEE1,Saffron Teaching School Hub,,Braintree\n';
const WHOLE =
  part('Content-Disposition: form-data; name="kind"', 'hubs') +
  part('Content-Disposition: form-data; name="dry_run"', 'true') +
  part('Content-Disposition: form-data; name="as_at"', '2026-01-01') +
  part('Content-Disposition: form-data; name="file"; filename="hubs.csv"\r\nContent-Type: text/csv', FILE) +
  `--${BOUNDARY}--\r\n`;

interface Sent {
  /** The status line's code, or null when the server closed without answering. */
  status: number | null;
  body: string;
}

/**
 * Sends a POST with these bytes as its body (Content-Length as given, or the true one) and reads what comes back.
 * With `abort`, the client goes away after sending.
 */
function send(
  body: Buffer,
  opts: { contentType?: string; length?: number; abort?: boolean } = {},
): Promise<Sent> {
  const head =
    `POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${TOKEN}\r\n` +
    `Content-Type: ${opts.contentType ?? `multipart/form-data; boundary=${BOUNDARY}`}\r\n` +
    `Content-Length: ${opts.length ?? body.length}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(parse(chunks)) : reject(error),
    );
    socket.on('close', () => resolve(parse(chunks)));
    socket.write(Buffer.concat([Buffer.from(head), body]), () => {
      // A client that goes away mid-body; otherwise we wait for the answer (Connection: close ends it).
      if (opts.abort) socket.destroy();
    });
  });
}

function parse(chunks: Buffer[]): Sent {
  const text = Buffer.concat(chunks).toString('utf8');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return { status: status ? Number(status[1]) : null, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}

async function expectAlive(): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
}

/** An answer is a 4xx in the one error shape, or (for a client that went away) no answer at all. */
function expectRefusedOrClosed(sent: Sent, what: string): void {
  if (sent.status === null) return;
  expect(sent.status, what).toBeGreaterThanOrEqual(400);
  expect(sent.status, what).toBeLessThan(500);
  const body = JSON.parse(sent.body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n\r\n$/, '')) as unknown;
  expect(body, what).toMatchObject({ error: { status: sent.status, message: expect.any(String) } });
}

describe('hostile multipart uploads', () => {
  it('answers a whole, valid body (the baseline the others cut up)', async () => {
    const sent = await send(Buffer.from(WHOLE));
    expect(sent.status).toBe(200);
  });

  const cases: [string, string, { contentType?: string; abort?: boolean; shortBy?: number }?][] = [
    ['no closing boundary', WHOLE.slice(0, WHOLE.lastIndexOf(`--${BOUNDARY}--`))],
    ['cut inside the file part', WHOLE.slice(0, WHOLE.indexOf('Saffron') + 4)],
    ['cut inside a part header', WHOLE.slice(0, WHOLE.indexOf('filename=') + 5)],
    ['a boundary the body never uses', WHOLE.replaceAll(BOUNDARY, 'another-one')],
    ['no boundary parameter', WHOLE, { contentType: 'multipart/form-data' }],
    ['an empty boundary parameter', WHOLE, { contentType: 'multipart/form-data; boundary=' }],
    ['an empty body', ''],
    ['only the closing boundary', `--${BOUNDARY}--\r\n`],
    ['a part without Content-Disposition', part('Content-Type: text/csv', FILE) + `--${BOUNDARY}--\r\n`],
    ['a garbled part header', part('Content-Disposition form-data name=file', FILE) + `--${BOUNDARY}--\r\n`],
    ['a header line without its end', `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"`],
    ['header lines that never end', `--${BOUNDARY}\r\n${'X-Pad: a\r\n'.repeat(5000)}`],
    [
      'a file part cut off by the client',
      WHOLE.slice(0, WHOLE.indexOf('Saffron')),
      { abort: true, shortBy: 100 },
    ],
    ['a Content-Length longer than the body', WHOLE, { abort: true, shortBy: 1000 }],
  ];

  for (const [what, body, opts = {}] of cases) {
    it(`refuses ${what} in the error shape and keeps serving`, async () => {
      const bytes = Buffer.from(body);
      const length = opts.shortBy ? bytes.length + opts.shortBy : undefined;
      const sent = await send(bytes, { contentType: opts.contentType, abort: opts.abort, length });
      expectRefusedOrClosed(sent, what);
      if (!opts.abort) expect(sent.status, what).not.toBeNull();
      await expectAlive();
    });
  }

  it('survives the valid body cut at any byte, or with any byte changed', async () => {
    const whole = Buffer.from(WHOLE);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: whole.length - 1 }),
        fc.option(fc.tuple(fc.nat({ max: whole.length - 1 }), fc.integer({ min: 0, max: 255 }))),
        async (cut, change) => {
          const bytes = Buffer.from(whole.subarray(0, cut));
          if (change && change[0] < bytes.length) bytes[change[0]] = change[1];
          const sent = await send(bytes);
          expect(sent.status, `cut at ${cut}`).not.toBeNull();
          if (sent.status! < 400) return; // a change that left a readable upload
          expectRefusedOrClosed(sent, `cut at ${cut}`);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
    await expectAlive();
  });
});
