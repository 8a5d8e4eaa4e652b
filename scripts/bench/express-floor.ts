// The floor of bench:load: Express 5 with the API's read routes (answers/routes) and nothing of ours behind
// them. Every route sends one answer the real server sent (its headers and gzipped bytes, from ANSWER_FILE), kept
// as it is: no middleware, no data version, no question parsed, no log. What this answers a second on this machine
// bounds what any read path through Express can answer here. Its own process, as the real server; port on fd 3.
import express from 'express';
import { readFileSync, writeSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { readRoutes } from '../../server/answers/routes/index.js';

export interface KeptAnswer {
  headers: OutgoingHttpHeaders;
  /** The gzipped body, base64. */
  body: string;
}

const file = process.argv[2];
if (!file) throw new Error('usage: express-floor.ts ANSWER_FILE');
const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptAnswer;
const body = Buffer.from(kept.body, 'base64');

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.set('query parser', 'simple');
for (const route of readRoutes())
  app.get(route.path, (_req, res) => {
    res.writeHead(200, kept.headers);
    res.end(body);
  });
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  writeSync(3, `${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
