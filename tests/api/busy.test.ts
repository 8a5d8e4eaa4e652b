import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shippedApp, type TestApp } from './helpers.js';

// While a client has many answers made at once, /healthz (never cached, never queued) is answered between them:
// answers not yet made take turns, one per turn of the event loop (answers/making-queue.ts). No timing is
// asserted, only order; bench:cold prints how long /healthz takes meanwhile.

let t: TestApp;
let server: Server;
let base: string;
beforeAll(async () => {
  t = shippedApp(inject('shippedDb'));
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.cleanup();
});

describe('a server making many answers at once', () => {
  it('answers /healthz before it has made them all, and answers every one of them', async () => {
    const codes = t.db
      .prepare('SELECT la_code FROM council_areas ORDER BY la_code')
      .pluck()
      .all() as string[];
    // The server's own record of what it received and in which order it finished answering.
    let received = 0;
    const finished: string[] = [];
    const watch = (req: IncomingMessage, res: ServerResponse) => {
      received++;
      res.on('finish', () => finished.push(req.url!));
    };
    server.on('request', watch);
    const slow = codes.slice(0, 90).map(async (code, i) => {
      // Area profiles at radii never asked before: each is made, not found in the cache.
      const res = await fetch(`${base}/api/v1/council-areas/${code}?radius_km=${1 + i}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    });
    // Sent once all of them have reached the server: had it made each as it came, all would be made by now.
    while (received < 90) await new Promise((resolve) => setTimeout(resolve, 1));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await Promise.all(slow);
    server.off('request', watch);
    expect(finished).toHaveLength(91);
    const afterHealth = finished.length - 1 - finished.indexOf('/healthz');
    expect(afterHealth).toBeGreaterThan(0);
  });
});
