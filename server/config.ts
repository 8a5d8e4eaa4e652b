import { resolve } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export { PROJECT_ROOT };

export interface Config {
  port: number;
  dbPath: string;
  dataDir: string;
  env: 'development' | 'production' | 'test';
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

/** Reads and checks the environment once; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = resolve(PROJECT_ROOT, get(env, 'DATA_DIR', 'data'));
  return {
    port: port(env),
    dataDir,
    dbPath: resolve(PROJECT_ROOT, get(env, 'DB_PATH', 'data/registry.sqlite')),
    env: nodeEnv(env),
  };
}
