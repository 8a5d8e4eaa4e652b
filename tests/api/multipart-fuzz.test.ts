import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

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

/** The server answers, and the next upload goes through: no hostile request kept the import lock. */
async function expectAlive(): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
  const next = await send(Buffer.from(WHOLE));
  expect(next.status, next.body).toBe(200);
}

/** The JSON body of an answer (chunked or not). */
function errorBody(sent: Sent): { error: { status: number; message: string } } {
  return JSON.parse(sent.body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n\r\n$/, ''));
}

/** An answer is a 4xx in the one error shape, or (for a client that went away) no answer at all. */
function expectRefusedOrClosed(sent: Sent, what: string): void {
  if (sent.status === null) return;
  expect(sent.status, what).toBeGreaterThanOrEqual(400);
  expect(sent.status, what).toBeLessThan(500);
  expect(errorBody(sent), what).toMatchObject({
    error: { status: sent.status, message: expect.any(String) },
  });
}

describe('hostile multipart uploads', () => {
  it('answers a whole, valid body (the baseline the others cut up)', async () => {
    const sent = await send(Buffer.from(WHOLE));
    expect(sent.status).toBe(200);
  });

  interface Case {
    body: string;
    /** The message the refusal must give; null where the client went away and no answer is read. */
    says: string | null;
    contentType?: string;
    abort?: boolean;
    shortBy?: number;
  }
  const CUT = 'the multipart body ends before its closing boundary: the upload was cut short';
  const NO_BOUNDARY =
    "the Content-Type names no multipart boundary: send a multipart/form-data body with the file in the field 'file'";
  const NO_FILE = "no file in the form: send a multipart/form-data body with the file in the field 'file'";
  const cases: Record<string, Case> = {
    'no closing boundary': { body: WHOLE.slice(0, WHOLE.lastIndexOf(`--${BOUNDARY}--`)), says: CUT },
    'cut inside the file part': { body: WHOLE.slice(0, WHOLE.indexOf('Saffron') + 4), says: CUT },
    'cut inside a part header': { body: WHOLE.slice(0, WHOLE.indexOf('filename=') + 5), says: CUT },
    'a boundary the body never uses': {
      body: WHOLE.replaceAll(BOUNDARY, 'another-one'),
      says: 'the body never uses the boundary its Content-Type names: is it the body the Content-Type describes?',
    },
    'no boundary parameter': { body: WHOLE, contentType: 'multipart/form-data', says: NO_BOUNDARY },
    'an empty boundary parameter': {
      body: WHOLE,
      contentType: 'multipart/form-data; boundary=',
      says: NO_BOUNDARY,
    },
    'an empty body': {
      body: '',
      says: "the upload is empty: send a multipart/form-data body with the file in the field 'file'",
    },
    'only the closing boundary': { body: `--${BOUNDARY}--\r\n`, says: NO_FILE },
    'a part without Content-Disposition': {
      body: part('Content-Type: text/csv', FILE) + `--${BOUNDARY}--\r\n`,
      says: NO_FILE,
    },
    'a garbled part header': {
      body: part('Content-Disposition form-data name=file', FILE) + `--${BOUNDARY}--\r\n`,
      says: 'a part of the multipart body has a malformed header',
    },
    'a header line without its end': {
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"`,
      says: CUT,
    },
    'header lines that never end': {
      body: `--${BOUNDARY}\r\n${'X-Pad: a\r\n'.repeat(5000)}`,
      says: 'a part of the multipart body has a malformed header',
    },
    'a file part cut off by the client': {
      body: WHOLE.slice(0, WHOLE.indexOf('Saffron')),
      abort: true,
      shortBy: 100,
      says: null,
    },
    'a Content-Length longer than the body': { body: WHOLE, abort: true, shortBy: 1000, says: null },
  };

  for (const [what, c] of Object.entries(cases)) {
    it(`refuses ${what} in the error shape, saying what is wrong, and keeps serving`, async () => {
      const bytes = Buffer.from(c.body);
      const length = c.shortBy ? bytes.length + c.shortBy : undefined;
      const sent = await send(bytes, { contentType: c.contentType, abort: c.abort, length });
      expectRefusedOrClosed(sent, what);
      if (c.says !== null) {
        expect(sent.status, what).toBe(400);
        expect(errorBody(sent).error.message, what).toBe(c.says);
      }
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
