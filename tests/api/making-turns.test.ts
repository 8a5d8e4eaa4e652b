// Answers not yet made are made one per turn of the event loop (reads/serve.ts): a burst of them must not hold up a
// request that needs none, on a real server over the shipped data.
import { Agent, createServer, get } from 'node:http';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { listening } from '../helpers/raw-http.js';
import { shippedApp, type TestApp } from './helpers.js';

const BURST = 30;

let t: TestApp | undefined;
let server: { port: number; close: () => Promise<void> } | undefined;
const agent = new Agent({ keepAlive: true, maxSockets: BURST + 1 });
afterEach(async () => {
  await server?.close();
  t?.cleanup();
});

describe('answers made in turns', () => {
  it('answers /healthz while a burst of area profiles is being made, not after it', async () => {
    t = shippedApp(inject('shippedDb'));
    server = await listening(createServer(t.app));
    const port = server.port;
    let done = 0;
    const ask = (path: string) =>
      new Promise<number>((resolve, reject) => {
        get({ port, host: '127.0.0.1', path, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }).on('error', reject);
      });
    // The burst's connections are open before it is sent, so that its requests reach the server together.
    await Promise.all(Array.from({ length: BURST }, () => ask('/healthz')));
    const codes = t.db
      .prepare('SELECT la_code FROM council_areas ORDER BY la_code LIMIT ?')
      .pluck()
      .all(BURST);
    let firstAnswered!: () => void;
    const first = new Promise<void>((resolve) => (firstAnswered = resolve));
    const burst = codes.map((code, i) =>
      ask(`/api/v1/council-areas/${String(code)}?network=teaching-schools&radius_km=${40 + i}`).then(
        (status) => {
          done += 1;
          firstAnswered();
          return status;
        },
      ),
    );
    await first;
    expect(await ask('/healthz')).toBe(200);
    const beforeHealth = done;
    expect(await Promise.all(burst)).toEqual(codes.map(() => 200));
    // Made all at once, the burst answered first; in turns, /healthz waits for about one answer's making.
    expect(beforeHealth).toBeLessThan(BURST / 2);
  });
});
