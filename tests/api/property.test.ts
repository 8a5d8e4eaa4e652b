import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiRoutes } from '../../server/api/routes/index.js';
import { emptyRegistryApp, shippedApp, type TestApp } from './helpers.js';

// Random query strings on every registered route: never a 5xx, and every 4xx in the one error shape.

// On the shipped data (real answers, every code path) and on an empty registry (the not-found paths).
const apps: Record<string, TestApp> = {};
beforeAll(() => {
  apps.shipped = shippedApp(inject('shippedDb'));
  apps.empty = emptyRegistryApp();
});
afterAll(() => Object.values(apps).forEach((a) => a.cleanup()));

const COMMON_KEYS = [
  '__proto__',
  'constructor',
  'network',
  'as_at',
  'region',
  'phase',
  'limit',
  'offset',
  'format',
  'q',
  'la',
  'group',
];
const LIKELY_VALUES = [
  'teaching-schools',
  'nles',
  'hubs',
  'csv',
  'json',
  '2018-03-12',
  '2014-02-31',
  '0000-00-00',
  '9999-12-31',
  '0',
  '1',
  '1000',
  '1001',
  '-1',
  '1e3',
  'NaN',
  '',
  'London',
  'E12000007',
  '201',
  "' OR 1=1 --",
  '921',
  'E06000046',
  'Primary',
  'isle wig',
  '15',
  '0.1',
  'regions',
  '%',
  '\u0000',
  'é',
];

const RAW = fc.string({
  unit: fc.constantFrom(...'abcXYZ019%&=;+,._~-[]'.split('')),
  maxLength: 30,
});

function queryArbitrary(knownKeys: string[]) {
  const key = fc.oneof(fc.constantFrom(...knownKeys, ...COMMON_KEYS), fc.string({ maxLength: 12 }));
  const value = fc.oneof(
    fc.constantFrom(...LIKELY_VALUES),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const encoded = fc
    .array(fc.tuple(key, value), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: RAW });
}

const segment = fc.oneof(
  fc.constantFrom('201', 'E09000001', 'x', '%', '%E0%A4%A'),
  fc.string({ maxLength: 10 }),
);

function pathFor(template: string, values: string[]): string {
  let i = 0;
  return template.replace(/:([A-Za-z0-9_]+)/g, () => {
    const value = values[i++] ?? '';
    return /^%/.test(value) ? value : encodeURIComponent(value);
  });
}

describe.each([
  ['shipped data', 'shipped', 60],
  ['an empty registry', 'empty', 20],
] as const)('random query strings on %s', (_name, which, numRuns) => {
  for (const route of apiRoutes()) {
    it(`GET ${route.path} never answers 5xx, and every 4xx has the error shape`, async () => {
      const known = Object.keys(route.query.shape);
      const app = apps[which]!.app;
      await fc.assert(
        fc.asyncProperty(
          queryArbitrary(known),
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          async (qs, seg) => {
            const url = `${pathFor(route.path, seg)}${qs ? `?${qs}` : ''}`;
            const res = await request(app).get(url);
            expect(res.status, url).toBeLessThan(500);
            if (res.status >= 400) {
              expect(res.body, url).toEqual({
                error: { status: res.status, message: expect.any(String), details: expect.any(Array) },
              });
            }
          },
        ),
        { numRuns },
      );
    });
  }
  it('logged no fault', () => {
    expect(apps[which]!.logged).toEqual([]);
  });
});
