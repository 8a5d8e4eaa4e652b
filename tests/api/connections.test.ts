// A flood of idle connections from one client, against a real server on a free loopback port: capped below the
// file limit, and let go within the headers timeout. Bounded: 60 sockets, a few seconds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  connectionCap,
  openFileLimit,
} from '../../server/api/connection-limits.js';
import { createHttpServer } from '../../server/api/http-server.js';
import { listening, rawConnection, type RawConnection } from '../helpers/raw-http.js';
import { shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp | undefined;
let server: { port: number; close: () => Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  t?.cleanup();
});

describe('connection limits', () => {
  it.each([
    [20_000, 18_000],
    [1_024, 921],
    [100, 36],
  ])('a file limit of %i takes %i connections', (limit, cap) => expect(connectionCap(limit)).toBe(cap));

  it('reads the soft limit on open files', () => {
    const file = join(tmpdir(), `limits-${process.pid}`);
    writeFileSync(
      file,
      'Limit  Soft Limit  Hard Limit  Units\nMax open files            20000                524288               files\n',
    );
    expect(openFileLimit(file)).toBe(20_000);
    expect(openFileLimit(join(tmpdir(), 'no-such-limits-file'))).toBeNull();
  });

  it('lets an idle connection go within 10 s, a kept-alive one within 5 s, an upload take REQUEST_TIMEOUT_S', () => {
    t = shippedCopyApp();
    const s = createHttpServer(t.app, t.config, 20_000);
    expect([s.headersTimeout, s.keepAliveTimeout, s.requestTimeout]).toEqual([
      HEADERS_TIMEOUT_MS,
      KEEP_ALIVE_TIMEOUT_MS,
      300_000,
    ]);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(s.maxConnections).toBe(18_000);
  });

  it('60 idle sockets from one client: those past the cap closed at once, the rest within the timeout', async () => {
    t = shippedCopyApp({ REQUEST_TIMEOUT_S: '1' }); // headers within 1 s
    server = await listening(createHttpServer(t.app, t.config, 100)); // a cap of 36
    const sockets: RawConnection[] = [];
    for (let i = 0; i < 60; i++) sockets.push(await rawConnection(server.port));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = () => sockets.filter((c) => !c.socket.destroyed && c.socket.readyState === 'open').length;
    const closedAtOnce = sockets.filter((c) => c.received() === '' && c.socket.readableEnded).length;
    expect(closedAtOnce).toBe(60 - 36);
    await Promise.all(sockets.map((c) => c.closed(4_000)));
    expect(open()).toBe(0);
    // The ones held were told why: 408 in the error shape.
    expect(sockets.filter((c) => /^HTTP\/1\.1 408 .*"status":408/s.test(c.received()))).toHaveLength(36);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });
});
