import type { Method, OpenApiDocument, Operation, Parameter } from './openapi.js';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  const type = typeof schema.type === 'string' ? schema.type : 'any';
  const range =
    typeof schema.minimum === 'number' && typeof schema.maximum === 'number'
      ? ` ${schema.minimum}-${schema.maximum}`
      : '';
  return schema.format === 'date' ? 'date (YYYY-MM-DD)' : `${type}${range}`;
}

function parameterRow(p: Parameter): string {
  const fallback = p.schema.default === undefined ? '' : String(p.schema.default);
  return `<tr><td><code>${esc(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${esc(p.in)}</td>
<td>${esc(typeOf(p.schema))}</td><td>${esc(fallback)}</td><td>${esc(p.description ?? '')}</td></tr>`;
}

function section(method: Method, path: string, op: Operation): string {
  const params = op.parameters.length
    ? `<table><caption>Parameters of ${esc(path)}</caption><thead><tr><th scope="col">name</th><th scope="col">in</th>
<th scope="col">type</th><th scope="col">default</th><th scope="col">description</th></tr></thead>
<tbody>${op.parameters.map(parameterRow).join('')}</tbody></table>`
    : '<p>No parameters.</p>';
  const statuses = Object.keys(op.responses).join(', ');
  return `<section id="${esc(op.operationId)}"><h3><code>${method.toUpperCase()} ${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}${params}
<p>Responses: ${esc(statuses)}.</p></section>`;
}

/** A readable, self-contained page of the API (no scripts, nothing fetched from elsewhere). */
export function docsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations) as Array<[Method, Operation]>) {
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), section(method, path, op)]);
    }
  }
  const body = [...byTag].map(([tag, sections]) => `<h2>${esc(tag)}</h2>${sections.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #b1b4b6;padding:.25rem .5rem;
text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}section{border-top:1px solid #b1b4b6}
code{background:#f3f2f1;padding:0 .2rem}</style></head>
<body><main><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">OpenAPI document</a>.</p>
${body}</main></body></html>
`;
}
