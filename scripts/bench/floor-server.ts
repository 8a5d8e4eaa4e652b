// Starts the floor of bench:load (express-floor.ts) in its own process, with one answer the real server sent.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';
import type { KeptAnswer } from './express-floor.js';
import { portSaid } from './shipped-server.js';

/** The answer to `path` as sent (headers and gzipped bytes, not decoded), written to a file in `dir`. */
export async function keepAnswer(base: string, path: string, dir: string): Promise<string> {
  const kept = await new Promise<KeptAnswer>((resolve, reject) => {
    get(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const { connection: _c, 'keep-alive': _k, date: _d, ...headers } = res.headers;
        resolve({ headers, body: Buffer.concat(chunks).toString('base64') });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
  const file = join(dir, 'floor-answer.json');
  writeFileSync(file, JSON.stringify(kept));
  return file;
}

export async function startExpressFloor(answerFile: string): Promise<{ port: number; stop: () => void }> {
  const floor = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/bench/express-floor.ts'), answerFile],
    { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] },
  );
  const port = await portSaid(floor, 'the floor server');
  return { port, stop: () => floor.kill('SIGTERM') };
}
