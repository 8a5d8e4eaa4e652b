import { resolve } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export { PROJECT_ROOT };

export interface Config {
  port: number;
  dbPath: string;
  dataDir: string;
  env: 'development' | 'production' | 'test';
  /** Bearer token for write routes; null turns every write route off (403). */
  adminToken: string | null;
  /** Largest upload accepted, in bytes (UPLOAD_LIMIT_MB). */
  uploadLimitBytes: number;
  /** Write requests allowed per client address per minute (WRITE_RATE_LIMIT). */
  writeRateLimit: number;
  /** Longest a request may take, headers and body included (REQUEST_TIMEOUT_S). */
  requestTimeoutMs: number;
  /** pino level for request logs (LOG_LEVEL); 'silent' by default under NODE_ENV=test. */
  logLevel: string;
}

/** A setting that is present but wrong: start-up stops with the variable's name and value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function get(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.trim();
}

function port(env: Env): number {
  const raw = get(env, 'PORT', '3000');
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535) {
    throw new ConfigError(`PORT: '${raw}' is not a port number (0-65535)`);
  }
  return n;
}

function nodeEnv(env: Env): Config['env'] {
  const raw = get(env, 'NODE_ENV', 'development');
  if (raw !== 'development' && raw !== 'production' && raw !== 'test') {
    throw new ConfigError(`NODE_ENV: '${raw}' is not one of development, production, test`);
  }
  return raw;
}

function positive(env: Env, name: string, fallback: string): number {
  const raw = get(env, name, fallback);
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(n > 0)) {
    throw new ConfigError(`${name}: '${raw}' is not a positive number`);
  }
  return n;
}

const MIN_TOKEN_LENGTH = 16;

function adminToken(env: Env): string | null {
  const raw = env.ADMIN_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (raw.length < MIN_TOKEN_LENGTH || /\s/.test(raw)) {
    // Never echo the token itself, even a bad one.
    throw new ConfigError(
      `ADMIN_TOKEN: must be at least ${MIN_TOKEN_LENGTH} characters with no spaces (given ${raw.length} characters)`,
    );
  }
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(env: Env, nodeEnvironment: Config['env']): string {
  const raw = get(env, 'LOG_LEVEL', nodeEnvironment === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(raw)) {
    throw new ConfigError(`LOG_LEVEL: '${raw}' is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return raw;
}

/** Reads and checks the environment once; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = resolve(PROJECT_ROOT, get(env, 'DATA_DIR', 'data'));
  return {
    port: port(env),
    dataDir,
    dbPath: resolve(PROJECT_ROOT, get(env, 'DB_PATH', 'data/registry.sqlite')),
    env: nodeEnv(env),
    adminToken: adminToken(env),
    uploadLimitBytes: Math.round(positive(env, 'UPLOAD_LIMIT_MB', '50') * 1024 * 1024),
    writeRateLimit: Math.floor(positive(env, 'WRITE_RATE_LIMIT', '30')),
    requestTimeoutMs: Math.round(positive(env, 'REQUEST_TIMEOUT_S', '300') * 1000),
    logLevel: logLevel(env, nodeEnv(env)),
  };
}
