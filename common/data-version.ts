// The data version as a short token: '12.20261123101947' (the last import's id and when it finished, to the
// second). The dashboard pins its links to it; the API's `v` parameter names it together with the server code,
// '12.20261123101947.1a2b3c4d', so that an answer naming it never changes (server/answers/version.ts).

export interface DataVersionFields {
  import_id: number | null;
  finished_at: string | null;
}

/** The token of a data version, or null for a registry nothing was ever imported into. */
export function dataVersionToken(version: DataVersionFields): string | null {
  if (version.import_id === null) return null;
  return `${version.import_id}.${(version.finished_at ?? '').replace(/\D/g, '').slice(0, 14)}`;
}

/** The `v` of answers made by this code on this data ('0.<code>' before any import). */
export function answersVersionToken(version: DataVersionFields, code: string): string {
  return `${dataVersionToken(version) ?? '0'}.${code}`;
}

/** The data version token a `v` names (null before any import): what the dashboard's links are pinned to. */
export function dataTokenOf(v: string): string | null {
  const data = v.slice(0, v.lastIndexOf('.'));
  return data === '0' || data === '' ? null : data;
}
