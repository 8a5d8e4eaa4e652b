import { z } from 'zod';
import { openApiPath, type Route } from '../answers/route-spec.js';
import { documentedAnswer } from '../answers/newer-data.js';
import { errorSchema } from '../contract/errors.js';
import type { WriteRoute } from './writes/route.js';

type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, unknown> };
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
}

export type Method = 'get' | 'post';

// A type, not an interface: it must fit the open (indexed) schema its route documents it with (openApiAnswer).
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
};

const STATUS_TEXT: Record<number, string> = {
  400: 'A parameter is missing or wrong; the message names it and its value.',
  404: 'No such resource.',
  401: 'No Authorization: Bearer token was given.',
  403: 'Writes are turned off (no ADMIN_TOKEN), or the token is wrong.',
  405: 'The method is not allowed on this path; the Allow header names the one that is.',
  409: 'Another import is running.',
  413: 'Request body too large.',
  415: 'The body is not multipart/form-data or text/csv.',
  422: 'The file was rejected: every bad value is listed with its row and column; nothing was written.',
  429: 'Too many write requests; see Retry-After.',
  500: 'Internal server error (details are logged on the server, never sent).',
  501: 'The format asked for is not offered.',
  503: 'The database cannot be written now; nothing was written.',
};

// What the document can say without zod's long regular expressions for dates and its bounds on every integer.
function plainer({ jsonSchema: s }: { jsonSchema: JsonSchema }): void {
  if (s.format === 'date' || s.format === 'date-time') delete s.pattern;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const options = { io, unrepresentable: 'any', override: plainer } as const;
  const { $schema: _, ...rest } = z.toJSONSchema(schema, options) as JsonSchema;
  return rest;
}

function parameters(shape: z.ZodRawShape, where: 'query' | 'path'): Parameter[] {
  return Object.entries(shape).map(([name, core]) => {
    const field = core as z.ZodType;
    const { description, ...schema } = jsonSchema(field, 'input');
    // Defaults of parameters that arrive as text and are converted are not in the JSON Schema: add them.
    const absent = field.safeParse(undefined);
    if (absent.success && absent.data !== undefined) schema.default = absent.data;
    const parameter: Parameter = { name, in: where, required: where === 'path' || !absent.success, schema };
    if (typeof description === 'string') parameter.description = description;
    return parameter;
  });
}

function operationId(path: string): string {
  const words = path
    .replace(/^\/api\/v1/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return `get${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Root'}`;
}

function okResponse(route: Route): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  const documented = documentedAnswer(route);
  const body = documented ? jsonSchema(documented, 'output') : undefined;
  if (route.produces) content[route.produces] = { schema: body ?? { type: 'string' } };
  else content['application/json'] = { schema: body ?? {} };
  if (route.csv) content['text/csv'] = { schema: { type: 'string' } };
  return { description: 'OK', content };
}

/** Every cached read takes `v` (api/reads/serve.ts): the version its answer is pinned to. */
const versionParameter: Parameter = {
  name: 'v',
  in: 'query',
  required: false,
  description:
    'A data version (GET /api/v1/version, GET /api/v1/versions): the answer is then that version\u2019s. On the ' +
    'current version it is fresh for a minute, then revalidated by its ETag; on an older version kept it is ' +
    'cached for a year by anyone, and says that newer data exists in its provenance (JSON), X-Data-Note and ' +
    'Link rel="latest-version"; a v not kept answers 404.',
  schema: { type: 'string' },
};

function operation(route: Route): Operation {
  // A cached read takes v, and a v not kept is a 404.
  const pinnable = route.cache !== false ? [404] : [];
  const statuses = [...new Set([400, ...(route.errors ?? []), ...pinnable, 500])].sort((a, b) => a - b);
  const responses: Record<string, unknown> = { '200': okResponse(route) };
  if (route.cache !== false) responses['304'] = { description: 'Not modified since the ETag given.' };
  for (const status of statuses) responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  const op: Operation = {
    operationId: operationId(route.path),
    tags: [route.tag],
    summary: route.summary,
    parameters: [
      ...(route.params ? parameters(route.params.shape, 'path') : []),
      ...parameters(route.query.shape, 'query'),
      ...(route.cache === false ? [] : [versionParameter]),
    ],
    responses,
  };
  if (route.description) op.description = route.description;
  return op;
}

function writeOperation(route: WriteRoute): Operation {
  const statuses = [...new Set([400, 401, 403, 429, ...route.errors, 500])].sort((a, b) => a - b);
  const responses: Record<string, unknown> = {};
  for (const [status, ok] of Object.entries(route.responses)) {
    const schema = ok.schema ? jsonSchema(ok.schema, 'output') : {};
    responses[status] = { description: ok.description, content: { 'application/json': { schema } } };
  }
  for (const status of statuses) responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  const form = {
    type: 'object',
    properties: { file: { type: 'string', format: 'binary' } },
    required: ['file'],
  };
  const content: Record<string, unknown> = {};
  for (const type of route.consumes) {
    content[type] = { schema: type === 'multipart/form-data' ? form : { type: 'string' } };
  }
  const op: Operation = {
    operationId: `${route.method}${operationId(route.path).slice(3)}`,
    tags: [route.tag],
    summary: route.summary,
    parameters: parameters(route.fields.shape, 'query'),
    requestBody: { required: true, content },
    security: [{ adminToken: [] }],
    responses,
  };
  if (route.description) op.description = route.description;
  return op;
}

/** The OpenAPI 3.1 document of the routes, generated from the same zod schemas that validate requests. */
export function openApiDocument(
  routes: readonly Route[],
  writes: readonly WriteRoute[] = [],
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) paths[openApiPath(route.path)] = { get: operation(route) };
  for (const route of writes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: writeOperation(route) };
  }
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(STATUS_TEXT)) {
    responses[`E${status}`] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Teaching school networks registry API',
      version: '1',
      description:
        'Membership, coverage and progress of England\u2019s teaching school networks, computed from the registry. ' +
        'Every error has the shape {"error": {"status", "message", "details"}}. Responses carry an ETag from the ' +
        'data version; send it back in If-None-Match to get a 304. Name the current version with v (from ' +
        '/api/v1/version) and an answer may be cached by anyone for a year.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      responses,
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The ADMIN_TOKEN the server was started with.',
        },
      },
    },
  };
}
