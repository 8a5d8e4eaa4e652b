import { versionsAnswer } from '../../contract/versions.js';
import { readableVersions } from '../../db/versions.js';
import { noQuery } from '../params.js';
import { defineRoute } from '../route-spec.js';

interface Imported {
  kind: string | null;
  network_id: string | null;
  file_name: string | null;
  as_at: string | null;
}

/** 'hubs: hubs/teaching_school_hubs_2025-09-30.csv, as at 2025-09-30'. */
function whatChanged({ kind, network_id, file_name, as_at }: Imported): string | null {
  if (kind === null) return null;
  const network = network_id && network_id !== kind ? ` (${network_id})` : '';
  return `${kind}${network}: ${file_name}${as_at ? `, as at ${as_at}` : ''}`;
}

export const versionsRoutes = [
  defineRoute({
    path: '/api/v1/versions',
    tag: 'meta',
    summary: 'The data versions kept: each answers any read whose URL names its v, as it was.',
    description:
      'Before an import replaces the current data, the server keeps a read-only copy of it (made by SQLite), so ' +
      'a link or an embed pinned to a version shows the same figures after new data arrives. An answer on an ' +
      'older version says so in its provenance (the version that replaced it, and the same read without v) and ' +
      'its headers (X-Data-Note, Link rel="latest-version"). Only `npm run db:prune -- --keep-after DATE` removes kept versions; a v not kept is a 404.',
    query: noQuery,
    cache: false,
    response: versionsAnswer,
    handle: ({ db }) => {
      const rows = readableVersions(db).map((version) => ({
        v: version.v,
        import_id: version.import_id,
        finished_at: version.finished_at,
        what_changed: whatChanged(version),
        current: version.current,
        bytes: version.bytes,
      }));
      return { rows, total: rows.length };
    },
  }),
];
