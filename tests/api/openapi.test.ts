import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/api/routes/index.js';
import { openApiPath } from '../../server/answers/route-spec.js';
import { emptyRegistryApp, type TestApp } from './helpers.js';
import { expressGetRoutes } from './routes.js';

let t: TestApp;
let doc: {
  openapi: string;
  paths: Record<string, { get: Record<string, unknown>; post?: Record<string, unknown> }>;
};
beforeAll(async () => {
  t = emptyRegistryApp();
  doc = (await request(t.app).get('/api/openapi.json').expect(200)).body;
});
afterAll(() => t.cleanup());

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a GET route's 200 JSON body. */
function okSchema(path: string): JsonSchema {
  const ok = doc.paths[path]!.get.responses as Record<
    string,
    { content: Record<string, { schema: JsonSchema }> }
  >;
  return ok['200']!.content['application/json']!.schema;
}

describe('/api/openapi.json', () => {
  it('documents every route Express serves', () => {
    const served = expressGetRoutes(t.app).map(openApiPath);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((path) => !(path in doc.paths))).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(served)].sort());
  });

  it('describes each query parameter from its zod schema, defaults included', () => {
    const params = doc.paths['/api/v1/networks']!.get.parameters as Array<Record<string, unknown>>;
    expect(params).toContainEqual(
      expect.objectContaining({
        name: 'format',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
      }),
    );
    expect(params).toContainEqual(
      expect.objectContaining({ name: 'as_at', schema: expect.objectContaining({ format: 'date' }) }),
    );
  });

  it('points every error response at the one error schema', () => {
    const responses = doc.paths['/api/v1/networks']!.get.responses as Record<string, unknown>;
    expect(responses['400']).toEqual({ $ref: '#/components/responses/E400' });
    expect(responses['500']).toEqual({ $ref: '#/components/responses/E500' });
  });

  it('describes the 200 body of every route that answers JSON', () => {
    const undescribed = Object.entries(doc.paths).flatMap(([path, operations]) => {
      const ok = operations.get.responses as Record<string, { content: Record<string, { schema: object }> }>;
      const json = ok['200']!.content['application/json'];
      return json && Object.keys(json.schema).length === 0 ? [path] : [];
    });
    expect(undescribed).toEqual([]);
    const coverage = okSchema('/api/v1/coverage');
    expect(coverage.required).toEqual(expect.arrayContaining(['rows', 'total', 'limit', 'offset']));
    const area = (coverage.properties as { rows: { items: JsonSchema } }).rows.items;
    expect((area.properties as Record<string, JsonSchema>).members_per_100_schools).toMatchObject({
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }],
      description: expect.stringContaining('null when the area has none'),
    });
    expect(area.additionalProperties).toBe(false);
    expect(doc.paths['/api/docs']!.get.responses).toMatchObject({
      200: { content: { 'text/html': { schema: { type: 'string' } } } },
    });
  });

  it('gives each operation a distinct id', () => {
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the write routes with their body, their token and their errors', () => {
    const post = doc.paths['/api/v1/imports']!.post!;
    expect(post.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys((post.requestBody as { content: object }).content)).toEqual([
      'multipart/form-data',
      'text/csv',
    ]);
    expect(Object.keys(post.responses as object)).toEqual(
      expect.arrayContaining(['201', '401', '403', '409', '413', '422', '429']),
    );
    expect(doc.paths['/api/v1/imports/{id}']!.get).toBeDefined();
  });

  it('documents the report of an upload with its preview', () => {
    type Schema = { properties: Record<string, Schema>; description?: string };
    const responses = doc.paths['/api/v1/imports']!.post!.responses as Record<
      string,
      { content: { 'application/json': { schema: Schema } } }
    >;
    const report = responses['200']!.content['application/json'].schema.properties.report!;
    expect(Object.keys(report.properties)).toEqual(
      expect.arrayContaining(['status', 'errors', 'changes', 'preview']),
    );
    const preview = JSON.stringify(report.properties.preview);
    for (const field of ['joiners', 'leavers', 'group_moves', 'area_changes', 'council_areas_covered'])
      expect(preview).toContain(`"${field}"`);
    expect(preview).toContain('"gained"');
  });
});

describe('/api/docs', () => {
  it('is a self-contained page naming every route and parameter', async () => {
    const res = await request(t.app).get('/api/docs').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const route of apiRoutes()) {
      expect(res.text).toContain(`GET ${openApiPath(route.path)}`);
      for (const name of Object.keys(route.query.shape)) expect(res.text).toContain(`<code>${name}</code>`);
    }
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});
