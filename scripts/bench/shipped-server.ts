// A real server for the benches: a database freshly built from the shipped data in .bench/, served from its own
// process (scripts/bench/serve-api.ts) so that the load generator or browser does not share its core.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { PROJECT_ROOT } from '../../server/config.js';
import { buildDatabase } from '../../server/importer/build.js';

export interface BenchServer {
  port: number;
  /** The server process (to read its CPU time from /proc). */
  pid: number;
  dbPath: string;
  /** Where the server's request log goes, as it would in production (not through this process). */
  logPath: string;
  stop: () => void;
}

export interface BenchServerOptions {
  /** Where the database goes (default .bench/). */
  dir?: string;
  /** Extra environment for the server (ADMIN_TOKEN, WRITE_RATE_LIMIT, ...). */
  env?: Record<string, string>;
  /** Where the server writes its CPU profile (node --cpu-prof) when it stops; none when unset. */
  profileDir?: string | undefined;
}

export const BENCH_DIR = join(PROJECT_ROOT, '.bench');

/** Builds <dir>/<name>.sqlite from data/ (replacing any old one); returns its path. */
export function buildShippedDatabase(name: string, dir = BENCH_DIR): string {
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, `${name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const dataDir = join(PROJECT_ROOT, 'data');
  buildDatabase({ dataDir, projectDataDir: dataDir, dbPath });
  return dbPath;
}

/** The port a bench's server process says on fd 3 once it listens (its stdout may carry its request log). */
export function portSaid(child: ChildProcess, name: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
    createInterface({ input: child.stdio[3] as Readable }).once('line', (line) => resolve(Number(line)));
  });
}

/** Serves a database from its own process; resolves with the port once the server listens. */
export async function serveDatabase(dbPath: string, options: BenchServerOptions = {}): Promise<BenchServer> {
  // The request log goes to a file, not through a pipe to this process, which is the load generator; the server
  // says its port on a pipe of its own (fd 3).
  const logPath = dbPath.replace(/\.sqlite$/, '.log');
  const log = openSync(logPath, 'w');
  const server = spawn(
    process.execPath,
    [
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.profileDir)}`] : []),
      // Compiled, as npm start runs the server (built first when a source changed), not through tsx.
      join(PROJECT_ROOT, 'scripts/run.mjs'),
      'serve-api',
      dbPath,
    ],
    { stdio: ['ignore', log, 'inherit', 'pipe'], env: { ...process.env, ...options.env } },
  );
  closeSync(log);
  const port = await portSaid(server, 'server');
  return { port, pid: server.pid!, dbPath, logPath, stop: () => server.kill('SIGTERM') };
}

/** Builds <dir>/<name>.sqlite from data/ and serves it. */
export async function startShippedServer(
  name: string,
  options: BenchServerOptions = {},
): Promise<BenchServer> {
  return serveDatabase(buildShippedDatabase(name, options.dir), options);
}
