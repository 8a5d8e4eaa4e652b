import { resolve } from 'node:path';
import { PROJECT_ROOT } from './paths.js';
import { tokenWeakness } from './token-strength.js';

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
  /** Authenticated write requests allowed per client address per minute (WRITE_RATE_LIMIT). */
  writeRateLimit: number;
  /** Writes refused for a missing or wrong token allowed per client address per minute (WRITE_FAILURE_LIMIT). */
  writeFailureLimit: number;
  /** Express's 'trust proxy': which proxies' X-Forwarded-For names the client (TRUST_PROXY); false: none. */
  trustProxy: number | string[] | false;
  /** Longest a request may take, headers and body included (REQUEST_TIMEOUT_S). */
  requestTimeoutMs: number;
  /** Longest an upload may send nothing before it is refused and the import lock released (UPLOAD_STALL_S). */
  uploadStallMs: number;
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
  // Never echo the token itself, even a bad one.
  if (raw.length < MIN_TOKEN_LENGTH || /\s/.test(raw)) {
    throw new ConfigError(
      `ADMIN_TOKEN: must be at least ${MIN_TOKEN_LENGTH} characters with no spaces (given ${raw.length} characters)`,
    );
  }
  const weakness = tokenWeakness(raw);
  if (weakness !== null) {
    throw new ConfigError(`ADMIN_TOKEN: ${weakness}; use a random one, e.g. from openssl rand -hex 32`);
  }
  return raw;
}

// An address or subnet (IPv4 or IPv6, optionally /bits), or one of the names Express gives to private ranges.
const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i;

/**
 * Which proxies in front of the server to believe about the client's address: a number of hops, or addresses and
 * subnets. Never "true": that believes any client's own X-Forwarded-For, and every limit per client falls.
 */
function trustProxy(env: Env): Config['trustProxy'] {
  const raw = get(env, 'TRUST_PROXY', 'false');
  if (raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((a) => a.trim());
  if (addresses.every((a) => PROXY_ADDRESS.test(a))) return addresses;
  throw new ConfigError(
    `TRUST_PROXY: '${raw}' is not a number of proxies, a list of proxy addresses or subnets, or false`,
  );
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
    writeFailureLimit: Math.floor(positive(env, 'WRITE_FAILURE_LIMIT', '10')),
    trustProxy: trustProxy(env),
    requestTimeoutMs: Math.round(positive(env, 'REQUEST_TIMEOUT_S', '300') * 1000),
    uploadStallMs: Math.round(positive(env, 'UPLOAD_STALL_S', '20') * 1000),
    logLevel: logLevel(env, nodeEnv(env)),
  };
}
