// Debian's nginx in front of a running server, as deploy/nginx/ configures a real deployment, for the test
// (tests/deploy/nginx.test.ts) and npm run bench:edge: its own folder for configuration, cache, temporary files,
// pid and logs, on a free port, in the foreground (daemon off), needing no root.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';
import { executable } from '../executable.js';

const DEPLOY = join(PROJECT_ROOT, 'deploy/nginx');

/** The nginx to run: NGINX_PATH if set, else Debian's (/usr/sbin is not on every user's PATH), else one on PATH. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NGINX_PATH) return executable(env.NGINX_PATH) ? env.NGINX_PATH : null;
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return ['/usr/sbin/nginx', ...onPath.map((dir) => join(dir, 'nginx'))].find(executable) ?? null;
}

/** Why nginx cannot run here, and how to fix it, in one line. */
export function nginxMissing(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.NGINX_PATH ? `NGINX_PATH=${env.NGINX_PATH} is not an executable file` : 'no nginx found';
  return `${where}. Fix: apt-get install -y nginx (Debian/Ubuntu), or set NGINX_PATH`;
}

export interface EdgeOptions {
  /** The server nginx stands in front of: host:port. */
  origin: string;
  /** The built dashboard (dist/client). */
  clientDir: string;
  workers?: number;
  /** Keep nginx's own access log (off for benchmarks). */
  accessLog?: boolean;
}

export interface Edge {
  port: number;
  url: string;
  /** What nginx wrote to its error log so far. */
  errors: () => string;
  stop: () => Promise<void>;
}

/** A configuration file with its @NAME@ placeholders filled; a placeholder left unfilled is an error. */
export function render(template: string, values: Record<string, string>): string {
  const text = template.replace(/@([A-Z_]+)@/g, (whole, name: string) => values[name] ?? whole);
  const left = /@[A-Z_]+@/.exec(text);
  if (left) throw new Error(`nginx configuration: no value for ${left[0]}`);
  return text;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function configure(dir: string, port: number, options: EdgeOptions): string {
  const values = {
    PREFIX: dir,
    CACHE_DIR: join(dir, 'cache'),
    ORIGIN: options.origin,
    LISTEN: `127.0.0.1:${port}`,
    CLIENT_DIR: options.clientDir,
    WORKERS: String(options.workers ?? 1),
    ACCESS_LOG: options.accessLog === false ? 'off' : join(dir, 'access.log'),
    // A root master hands its workers to 'nobody', who cannot use this folder: keep them as this user.
    USER: process.getuid?.() === 0 ? `user ${userInfo().username};` : '',
  };
  writeFileSync(
    join(dir, 'registry.conf'),
    render(readFileSync(join(DEPLOY, 'registry.conf'), 'utf8'), values),
  );
  const main = join(dir, 'nginx.conf');
  writeFileSync(main, render(readFileSync(join(DEPLOY, 'standalone.conf'), 'utf8'), values));
  return main;
}

async function listening(child: ChildProcess, port: number, errorLog: string): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nginx exited (${code}): ${readLog(errorLog)}`))),
  );
  const ready = (async () => {
    for (let i = 0; i < 200 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 25));
  })();
  await Promise.race([ready, exited]);
  if (!(await accepts(port))) throw new Error(`nginx did not listen on ${port}: ${readLog(errorLog)}`);
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Starts nginx in front of `options.origin`; a port taken between choosing and binding is tried again. */
export async function startNginx(options: EdgeOptions): Promise<Edge> {
  const nginx = findNginx();
  if (nginx === null) throw new Error(nginxMissing());
  const dir = mkdtempSync(join(tmpdir(), 'registry-nginx-'));
  mkdirSync(join(dir, 'cache'));
  const errorLog = join(dir, 'error.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const conf = configure(dir, port, options);
    const child = spawn(nginx, ['-p', dir, '-c', conf, '-e', errorLog], { stdio: 'ignore' });
    try {
      await listening(child, port, errorLog);
    } catch (error) {
      child.kill('SIGKILL');
      if (attempt < 3 && /in use/.test(readLog(errorLog))) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      errors: () => readLog(errorLog),
      stop: async () => {
        child.kill('SIGTERM');
        await stopped;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
