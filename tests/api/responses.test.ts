import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { documentedAnswer } from '../../server/answers/newer-data.js';
import type { Route } from '../../server/answers/route-spec.js';
import { keepCurrentVersion } from '../../server/db/versions.js';
import { apiRoutes } from '../../server/api/routes/index.js';
import { DATA_DIR, FIXTURES, importPath, loadCouncilAreas } from '../helpers/db.js';
import { emptyRegistryApp, shippedApp, type TestApp } from './helpers.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

// Every JSON answer, on real data, parsed with the schema its route documents in /api/openapi.json: a value the
// schema refuses fails, and so does a field it does not name, so the document cannot silently miss one.

const routes = apiRoutes();
const answersJson = (route: Route) => route.produces === undefined || route.produces === 'application/json';

function routeFor(url: string): Route {
  const path = new URL(url, 'http://localhost').pathname;
  const route = routes.find((r) => new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`).test(path));
  if (!route) throw new Error(`no route serves ${url}`);
  return route;
}

/** GETs a URL, expecting 200, and checks the body against its route's response schema. */
async function expectDocumented(app: Express, url: string): Promise<void> {
  const route = routeFor(url);
  // A fixed Host, so that a sample can name a page of this server (oEmbed).
  const res = await request(app).get(url).set('Host', 'registry.example').expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const documented = documentedAnswer(route);
  expect(documented, `${route.path} documents its answer`).toBeDefined();
  const parsed = documented!.safeParse(res.body);
  if (!parsed.success) {
    const issues = z.prettifyError(parsed.error).split('\n').slice(0, 20).join('\n');
    throw new Error(`${url} does not match its schema:\n${issues}`);
  }
  // Objects drop the keys their schema does not name: the answer must come back whole.
  expect(parsed.data, `${url}: every field is in the schema`).toEqual(res.body);
}

const SHIPPED = [
  '/healthz',
  '/api/v1/version',
  '/api/v1/versions',
  '/api/v1/networks',
  '/api/v1/networks?as_at=2019-01-01',
  ...['teaching-schools', 'hubs'].flatMap((network) =>
    [
      'summary',
      'coverage',
      'gaps',
      'council-areas',
      'council-areas/921',
      'members',
      'snapshots',
      'search?q=north',
    ].map((what) => `/api/v1/${what}${what.includes('?') ? '&' : '?'}network=${network}`),
  ),
  ...['teaching-schools', 'nles', 'hubs'].map((network) => `/api/v1/progress?network=${network}`),
  '/api/v1/progress?as_at=2016-01-01',
  '/api/v1/summary?as_at=2019-01-01&region=London&phase=Primary',
  '/api/v1/coverage?as_at=2018-03-12&region=E12000008&phase=Secondary&radius_km=5',
  '/api/v1/gaps?region=South%20West&limit=5&offset=2',
  '/api/v1/schools-beyond?la_code=908&radius_km=20&phase=Primary',
  '/api/v1/schools-beyond?region=London&radius_km=1&limit=3&offset=1',
  '/api/v1/council-areas?q=york&region=Yorkshire%20and%20The%20Humber',
  '/api/v1/council-areas/202?as_at=2018-03-12&radius_km=2.5',
  '/api/v1/council-areas/E06000046?network=hubs',
  '/api/v1/members?la=202&phase=Primary',
  '/api/v1/members?q=academy&limit=5&offset=5',
  '/api/v1/members?network=hubs&region=London',
  '/api/v1/groups',
  '/api/v1/groups?q=alliance&region=London&limit=3',
  '/api/v1/search?q=st&kind=member&limit=100',
  '/api/v1/search?q=isle',
  '/api/v1/snapshots',
  '/api/v1/snapshots/diff?from=2018-03-12&to=2019-01-01',
  '/api/v1/snapshots/diff?network=hubs&from=2025-09-30&to=2026-01-01',
  '/api/v1/imports',
  '/api/v1/imports?kind=council-areas&limit=1&offset=1',
  '/api/v1/sources',
  '/api/v1/boundaries',
  '/api/v1/boundaries?level=regions',
  '/api/openapi.json',
  `/api/oembed?url=${encodeURIComponent('http://registry.example/?view=map&network=hubs&as_at=2025-09-30')}`,
];

/** The report an upload keeps, by the id the upload answers. */
const UPLOAD_REPORT = '/api/v1/imports/:id';

const SMALL_LISTS = [
  '/api/v1/snapshots/diff?from=2014-12-31&to=2015-05-01',
  '/api/v1/snapshots/diff?from=2015-05-01&to=2014-05-26',
  '/api/v1/snapshots',
  '/api/v1/networks',
  ...['summary', 'coverage', 'gaps', 'council-areas', 'council-areas/202', 'members'].map(
    (what) => `/api/v1/${what}?network=nles`,
  ),
  '/api/v1/council-areas/921?as_at=2015-05-01',
  '/api/v1/members?as_at=2014-05-26',
  '/api/v1/groups?as_at=2015-05-01',
  '/api/v1/progress?network=nles',
  '/api/v1/sources',
];

/** Checks the answer to each URL on the app `open` makes. */
function checkAnswers(title: string, open: () => TestApp, urls: readonly string[]): void {
  describe(title, () => {
    let t: TestApp;
    beforeAll(() => {
      t = open();
    });
    afterAll(() => t.cleanup());

    it.each(urls)('%s', async (url) => {
      await expectDocumented(t.app, url);
    });
  });
}

/** Small lists in a fresh registry: two teaching-school lists a year apart, and NLEs (no groups, no schools). */
function list(t: TestApp, kind: 'teaching-schools' | 'nles', name: string, asAt?: string): void {
  importPath(t.db, kind, join(FIXTURES, 'networks', name), asAt ? { asAt } : {});
}

function smallListsApp(): TestApp {
  const t = emptyRegistryApp();
  loadCouncilAreas(t.db);
  list(t, 'teaching-schools', 'teaching-schools-2014.csv', '2014-05-26');
  list(t, 'teaching-schools', 'teaching-schools-2015.csv', '2015-05-01');
  list(t, 'nles', 'nles.csv');
  return t;
}

checkAnswers('the shipped data', () => shippedApp(inject('shippedDb')), SHIPPED);
checkAnswers(
  'small lists: changes between lists, a network without locations, areas without schools',
  smallListsApp,
  SMALL_LISTS,
);

describe('an upload\u2019s kept report', () => {
  let t: WritableApp;
  beforeAll(() => {
    t = shippedCopyApp();
  });
  afterAll(() => t.cleanup());

  it('matches its documented schema', async () => {
    const hubs = readFileSync(join(DATA_DIR, 'hubs/teaching_school_hubs_2025-09-30.csv'));
    const res = await request(t.app)
      .post('/api/v1/imports?kind=hubs&as_at=2022-01-01&dry_run=true')
      .set({ Authorization: `Bearer ${TOKEN}` })
      .set('Content-Type', 'text/csv')
      .send(hubs.toString('utf8'))
      .expect(200);
    await expectDocumented(t.app, UPLOAD_REPORT.replace(':id', String(res.body.id)));
  });
});

describe('the samples', () => {
  it('reach every route that answers JSON', () => {
    const sampled = new Set([...SHIPPED, ...SMALL_LISTS, UPLOAD_REPORT].map((url) => routeFor(url).path));
    const json = routes.filter(answersJson).map((r) => r.path);
    expect(json.filter((path) => !sampled.has(path))).toEqual([]);
  });
});

describe('an answer on a replaced data version, with its provenance', () => {
  let t: TestApp;
  let old: string;
  beforeAll(async () => {
    t = smallListsApp();
    old = (await request(t.app).get('/api/v1/version').expect(200)).body.v as string;
    keepCurrentVersion(t.db); // what an import does before it begins
    list(t, 'teaching-schools', 'teaching-schools-2014.csv', '2016-01-01');
  });
  afterAll(() => t.cleanup());

  it.each([
    '/api/v1/summary?network=nles&',
    '/api/v1/members?as_at=2014-05-26&limit=2&',
    '/api/v1/networks?',
  ])('%sv=(replaced)', async (url) => {
    await expectDocumented(t.app, `${url}v=${old}`);
    expect((await request(t.app).get(`${url}v=${old}`)).body.provenance.v).toBe(old);
  });
});
