import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keepAnswer, startExpressFloor } from '../../scripts/bench/floor-server.js';

// bench:load --floor: the answer kept is the one sent, byte for byte, and Express alone sends it on every read route.
const BODY = gzipSync(JSON.stringify({ schools_total: 28087 }));
let dir: string;
let origin: Server;
let base: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'floor-'));
  origin = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', etag: 'W/"22.1"' });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const address = origin.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  origin.close();
  rmSync(dir, { recursive: true, force: true });
});

function raw(url: string): Promise<{ status: number; etag: unknown; encoding: unknown; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          etag: res.headers.etag,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(chunks),
        }),
      );
    }).on('error', reject);
  });
}

it('sends the kept answer, its gzipped bytes and headers, to every read route', async () => {
  const floor = await startExpressFloor(await keepAnswer(base, '/api/v1/summary', dir));
  try {
    for (const path of ['/api/v1/summary?network=hubs', '/api/v1/council-areas/E10000015?network=hubs']) {
      const answer = await raw(`http://127.0.0.1:${floor.port}${path}`);
      expect(answer).toEqual({ status: 200, etag: 'W/"22.1"', encoding: 'gzip', body: BODY });
    }
    expect((await raw(`http://127.0.0.1:${floor.port}/api/v1/no-such-route`)).status).toBe(404);
  } finally {
    floor.stop();
  }
}, 30_000);
