import { z } from 'zod';
import { openApiPath, type Route } from './registry.js';

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
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, unknown> };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'A parameter is missing or wrong; the message names it and its value.',
  404: 'No such resource.',
  405: 'Only GET and HEAD are allowed.',
  413: 'Request body too large.',
  500: 'Internal server error (details are logged on the server, never sent).',
};

const errorSchema = z.object({
  error: z.object({
    status: z.number().int(),
    message: z.string(),
    details: z.array(z.object({ parameter: z.string().optional(), value: z.unknown(), message: z.string() })),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
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
  if (route.produces) content[route.produces] = { schema: { type: 'string' } };
  else content['application/json'] = { schema: route.response ? jsonSchema(route.response, 'output') : {} };
  if (route.csv) content['text/csv'] = { schema: { type: 'string' } };
  return { description: 'OK', content };
}

function operation(route: Route): Operation {
  const statuses = [...new Set([400, ...(route.errors ?? []), 500])].sort((a, b) => a - b);
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
    ],
    responses,
  };
  if (route.description) op.description = route.description;
  return op;
}

/** The OpenAPI 3.1 document of the routes, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: readonly Route[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) paths[openApiPath(route.path)] = { get: operation(route) };
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
        'data version; send it back in If-None-Match to get a 304.',
    },
    paths,
    components: { schemas: { Error: jsonSchema(errorSchema, 'output') }, responses },
  };
}
