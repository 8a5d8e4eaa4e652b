import type { DataVersion } from '../db/queries/dataVersion.js';

/** The ETag for a data version: the same data and the same server code give the same answer. */
export function etagFor(version: DataVersion, codeRevision: string): string {
  const data = version.import_id === null ? 'empty' : `${version.import_id}-${version.finished_at ?? ''}`;
  return `W/"${codeRevision}.${data.replace(/[^A-Za-z0-9.:-]/g, '')}"`;
}

/** Weak comparison (RFC 9110 13.1.2): does If-None-Match name this ETag? */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
