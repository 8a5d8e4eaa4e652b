import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shippedApp, type TestApp } from './helpers.js';

// While a client has many answers made at once, /healthz (never cached, never queued) is answered between them:
// answers not yet made take turns, one per turn of the event loop (answers/making-queue.ts). No timing is
// asserted, only order; bench:cold prints how long /healthz takes meanwhile.

let t: TestApp;
let server: Server;
beforeAll(async () => {
  t = shippedApp(inject('shippedDb'));
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.cleanup();
});

/** A connection opened now, over which one GET is sent later; resolves to the answer's status line. */
async function openForGet(path: string): Promise<{ send: () => void; status: Promise<string> }> {
  const socket: Socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  const status = new Promise<string>((resolve) => socket.on('end', () => resolve(text.split('\r\n')[0]!)));
  const send = () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  return { send, status };
}

const connections = () =>
  new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );

describe('a server making many answers at once', () => {
  it('answers /healthz before it has made them all, and answers every one of them', async () => {
    const codes = t.db
      .prepare('SELECT la_code FROM council_areas ORDER BY la_code')
      .pluck()
      .all() as string[];
    // Area profiles at radii never asked before (each is made, not found in the cache), then /healthz, sent over
    // connections opened beforehand in one go, so that the server reads all of them before it answers any
    // (an HTTP client opening connections one by one would let it make each answer as it came).
    const gets = await Promise.all([
      ...codes.slice(0, 90).map((code, i) => openForGet(`/api/v1/council-areas/${code}?radius_km=${1 + i}`)),
      openForGet('/healthz'),
    ]);
    // The server has accepted every connection (a connection it accepts later is read later).
    while ((await connections()) < gets.length) await new Promise((resolve) => setTimeout(resolve, 5));
    const finished: string[] = [];
    const watch = (req: IncomingMessage, res: ServerResponse) =>
      res.on('finish', () => finished.push(req.url!));
    server.on('request', watch);
    for (const get of gets) get.send();
    const statuses = await Promise.all(gets.map((get) => get.status));
    server.off('request', watch);
    expect(new Set(statuses)).toEqual(new Set(['HTTP/1.1 200 OK']));
    expect(finished).toHaveLength(91);
    // Had the server made each answer as it read its request, /healthz (read last) would have finished last.
    const afterHealth = finished.length - 1 - finished.indexOf('/healthz');
    expect(afterHealth).toBeGreaterThan(0);
  });
});
