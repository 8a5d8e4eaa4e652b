// Requests Node refuses before the app sees them (unreadable, too large, too slow) get the one error shape too.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../server/api/http-server.js';
import { listening, rawConnection } from '../helpers/raw-http.js';
import { expectErrorShape } from './helpers.js';
import { shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
let server: { port: number; close: () => Promise<void> };
afterEach(async () => {
  await server.close();
  t.cleanup();
});

async function answerTo(request: string, env: Record<string, string> = {}) {
  t = shippedCopyApp(env);
  server = await listening(createHttpServer(t.app, t.config));
  const c = await rawConnection(server.port);
  c.socket.write(request);
  const text = await c.until(/\r\n\r\n\{.*\}$/s);
  await c.closed();
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]), head, body: JSON.parse(body) as unknown };
}

describe("Node's own refusals", () => {
  it.each([
    ['a request line that is not HTTP', 'NOT HTTP AT ALL\r\n\r\n', 400, /not valid HTTP/],
    [
      'a Content-Length that is not a number',
      'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n',
      400,
      /not valid HTTP/,
    ],
    [
      'CL and TE together',
      'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n',
      400,
      /not valid HTTP/,
    ],
    [
      'headers over 16 KB',
      `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
      431,
      /larger than/,
    ],
  ])('%s: answered in the error shape', async (_what, request, status, message) => {
    const answer = await answerTo(request);
    expect(answer.status).toBe(status);
    expectErrorShape(answer.body, status);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(message);
    expect(answer.head).toMatch(/\r\nContent-Type: application\/json/i);
  });

  it('headers never finished: 408 in the error shape, within a second or two of the limit', async () => {
    const started = Date.now();
    const answer = await answerTo('GET /healthz HTTP/1.1\r\nHost: a\r\n', { REQUEST_TIMEOUT_S: '1' });
    expect(answer.status).toBe(408);
    expectErrorShape(answer.body, 408);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
