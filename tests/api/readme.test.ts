import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes, writeRoutes } from '../../server/api/routes/index.js';
import { PROJECT_ROOT, loadConfig } from '../../server/config.js';

describe('README', () => {
  it('lists every route the API serves', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const routes = [
      ...apiRoutes().map((route) => `GET ${route.path}`),
      ...writeRoutes().map((route) => `POST ${route.path}`),
    ];
    expect(routes.filter((route) => !readme.includes(`\`${route}\``))).toEqual([]);
  });

  it('documents every setting the server reads from the environment', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_target, name) => {
        read.add(String(name));
        return undefined;
      },
    });
    loadConfig(env);
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !readme.includes(`| \`${name}\``))).toEqual([]);
  });

  it('SECURITY.md names only tests that exist', () => {
    const security = readFileSync(join(PROJECT_ROOT, 'SECURITY.md'), 'utf8');
    const named = [...security.matchAll(/`(tests\/[\w./-]+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((path) => !existsSync(join(PROJECT_ROOT, path)))).toEqual([]);
  });
});
