// The data version as a short token: '12.20261123101947' (the last import's id and when it finished, to the
// second). The dashboard pins its links to it; the API's `v` parameter names it with the server code (answers/).

export interface DataVersionFields {
  import_id: number | null;
  finished_at: string | null;
}

/** The token of a data version, or null for a registry nothing was ever imported into. */
export function dataVersionToken(version: DataVersionFields): string | null {
  if (version.import_id === null) return null;
  return `${version.import_id}.${(version.finished_at ?? '').replace(/\D/g, '').slice(0, 14)}`;
}
