import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes, writeRoutes } from '../../server/api/routes/index.js';
import { PROJECT_ROOT, loadConfig } from '../../server/config.js';

// The README says what this is, how to run it and where things are; docs/ holds the rest. Together they must
// name every route, setting and command, so a newcomer finds each in one of them.
const DOCS = ['README.md', ...readdirSync(join(PROJECT_ROOT, 'docs')).map((name) => `docs/${name}`)];
const documented = DOCS.map((path) => readFileSync(join(PROJECT_ROOT, path), 'utf8')).join('\n');

describe('README and docs/', () => {
  it('keep the README short', () => {
    expect(statSync(join(PROJECT_ROOT, 'README.md')).size).toBeLessThanOrEqual(8 * 1024);
  });

  it('link only to files that exist', () => {
    const broken = DOCS.flatMap((path) =>
      [...readFileSync(join(PROJECT_ROOT, path), 'utf8').matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)]
        .map((m) => join(dirname(path), m[1]!))
        .filter((target) => !existsSync(join(PROJECT_ROOT, target))),
    );
    expect(broken).toEqual([]);
  });

  it('list every route the API serves', () => {
    const routes = [
      ...apiRoutes().map((route) => `GET ${route.path}`),
      ...writeRoutes().map((route) => `POST ${route.path}`),
    ];
    expect(routes.filter((route) => !documented.includes(`\`${route}\``))).toEqual([]);
  });

  it('document every setting the server reads from the environment', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_target, name) => {
        read.add(String(name));
        return undefined;
      },
    });
    loadConfig(env);
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !documented.includes(`| \`${name}\``))).toEqual([]);
  });

  it('name every npm script', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const named = (script: string) =>
      [`npm run ${script}`, `npm ${script}`, `\`${script}\``].some((form) => documented.includes(form));
    expect(Object.keys(pkg.scripts).filter((script) => !named(script))).toEqual([]);
  });

  it('SECURITY.md names only tests that exist', () => {
    const security = readFileSync(join(PROJECT_ROOT, 'SECURITY.md'), 'utf8');
    const named = [...security.matchAll(/`(tests\/[\w./-]+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((path) => !existsSync(join(PROJECT_ROOT, path)))).toEqual([]);
  });
});
